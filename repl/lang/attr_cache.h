// Inline caches for attribute sites: each `obj.name` node remembers what the class of the
// last object it saw resolves `name` to, and how a load or store through it behaves, while no
// class changes (type_epoch). A hit skips the MRO lookup, the hook checks and the descriptor
// classification that Interpreter::getattr / setattr repeat on every access. Global name
// reads keep where the name was found (module or builtins) while neither dict's keys change.
#pragma once

#include "repl/lang/native_descriptor.h"
#include "repl/lang/object.h"

namespace ormsh::lang {

// What a load `obj.name` does for instances of the cached class.
enum class AttrLoad : uint8_t {
    Generic,        // anything unusual: Interpreter::getattr decides
    InstanceDict,   // nothing on the class: the instance dict (a miss goes the generic way)
    ClassValue,     // a plain class attribute, unless the instance dict shadows it
    Method,         // a function on the class: bound to the instance unless shadowed
    Property,       // a property: its getter
    NativeProperty, // a property defined in C++
    NativeHook,     // a native data descriptor with registered hooks (ORM columns)
};

// What a store `obj.name = v` does for instances of the cached class.
enum class AttrStore : uint8_t {
    Generic,      // __setattr__ overrides, descriptors with __set__, read-only types, ...
    InstanceDict, // straight into the instance dict
    Property,     // a property: its setter
    NativeHook,   // a native data descriptor with registered hooks
};

struct AttrSite {
    const Type* type = nullptr;
    uint64_t epoch = 0;
    Value descr; // what the class's MRO holds for the name; empty when nothing
    const NativeDescriptorHooks* hooks = nullptr;
    AttrLoad load = AttrLoad::Generic;
    AttrStore store = AttrStore::Generic;
    // Where the name was last found in an instance dict: entry `dict_ix` of `dict`, while that
    // dict keeps the layout `dict_version` (Dict::keys_version). The same object read in a loop
    // (db.session) skips the dict's probing.
    const Dict* dict = nullptr;
    uint64_t dict_version = 0;
    size_t dict_ix = 0;
    bool valid_for(const Type* t) const { return type == t && epoch == type_epoch(); }
};

// Where a global name read found its value: the entry `ix` of the module's dict, or of the
// builtins' when `builtins` is set (the module's dict then did not have the name). Valid while
// the dicts' keys_version are the ones recorded.
struct NameSite {
    const Dict* globals = nullptr;
    uint64_t globals_version = 0;
    const Dict* builtins = nullptr;
    uint64_t builtins_version = 0;
    size_t ix = 0;
};
NameSite* new_name_site();

// A new site; sites live as long as the process (a few per attribute expression executed),
// so the values they hold stay reachable the way the global method cache's do.
AttrSite* new_attr_site();

// Classifies `name` on `t` into `site` (Interpreter::attr_site calls this on a miss).
void fill_attr_site(AttrSite& site, Type* t, Str* name);

// CPython's data-descriptor test (attributes.cpp): a class attribute with __set__/__delete__.
bool is_data_descriptor(const Value& d);

} // namespace ormsh::lang
