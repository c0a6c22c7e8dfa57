// Native data descriptors: a C++ type whose instances are data descriptors (the ORM's column
// attributes) registers get/set hooks here, and instance attribute access through one of them
// calls the hook directly instead of looking up and calling __get__ / __set__ with an argument
// list. The type still defines __get__ / __set__ for explicit calls and for
// is-data-descriptor checks; a Python subclass of it is not registered, so its own
// __get__ / __set__ overrides are honoured by the generic protocol.
#pragma once

#include "repl/lang/object.h"

namespace ormsh::lang {

class Interpreter;

// `descr` is the descriptor found on the class of `obj`.
using DescrGetFn = Value (*)(Interpreter&, const Value& descr, const Value& obj, Type* owner);
using DescrSetFn = void (*)(Interpreter&, const Value& descr, const Value& obj, const Value& v);

struct NativeDescriptorHooks {
    const Type* type = nullptr;
    DescrGetFn get = nullptr;
    DescrSetFn set = nullptr;
};

// Registers the hooks of `type` (a handful of types at most, for the whole process).
void register_native_descriptor(const Type* type, DescrGetFn get, DescrSetFn set);

// The hooks of `type`, or null: a scan of a tiny table, done on every descriptor access.
const NativeDescriptorHooks* native_descriptor_hooks(const Type* type);

} // namespace ormsh::lang
