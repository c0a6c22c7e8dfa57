// The runtime object model: Type (classes, native and user-defined alike), strings, containers,
// functions, modules, descriptors and exceptions. Modelled on CPython's data model so that C++
// code (the ORM bindings) can define types that Python classes subclass.
#pragma once

#include "repl/lang/value.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ormsh::lang {

class Interpreter;
struct Str;
struct Dict;
struct Tuple;
struct Module;
struct Node;
struct CodeInfo;

// Which C++ struct an object is; inherited by subclasses so `class L(list)` is still a List.
enum class Layout : uint8_t {
    Object,
    Type,
    Str,
    Bytes,
    BigInt,
    Tuple,
    List,
    Dict,
    Set,
    Function,
    BoundMethod,
    NativeFunction,
    Cell,
    Module,
    Property,
    StaticMethod,
    ClassMethod,
    NativeProperty,
    Super,
    Range,
    Slice,
    Iterator,
    Exception,
    DictView,
    Singleton,
};

struct KwArg {
    Str* name;
    Value value;
};

// Arguments of a call: positional values and keyword (name, value) pairs.
struct Args {
    std::span<const Value> pos;
    std::span<const KwArg> kw;
    size_t size() const { return pos.size(); }
    const Value& operator[](size_t i) const { return pos[i]; }
};

using NativeFn = Value (*)(Interpreter&, const Value& self, Args& args);
using NativeClosure = std::function<Value(Interpreter&, const Value& self, Args& args)>;
using NativeGetter = std::function<Value(Interpreter&, const Value& self)>;
using NativeSetter = std::function<void(Interpreter&, const Value& self, const Value& v)>;
using SubclassHook = std::function<void(Interpreter&, Type& new_class)>;
// Creates a new instance of `cls` (the __new__ of a native layout), before __init__ runs.
using CtorFn = Value (*)(Interpreter&, Type* cls, Args& args);

struct Type : Object {
    std::string name;
    std::string module = "builtins";
    std::vector<Ref<Type>> bases;
    std::vector<Type*> mro; // includes this type first
    Ref<Dict> dict;
    Layout layout = Layout::Object;
    bool heap = false;                 // created by a class statement (or at run time)
    bool instance_dict = false;        // instances accept arbitrary attributes
    bool basetype = true;              // may be subclassed
    CtorFn ctor = nullptr;             // inherited; null means "allocate a plain Object"
    Object* (*alloc)(Type*) = nullptr; // allocates the native layout for subclass instances
    SubclassHook on_subclass_created;  // native class-creation hook, inherited
    uint64_t version = 0;

    explicit Type(std::string n);
    void traverse(Visitor& v) override;
    void clear_refs() override;

    // Finds `name` along the MRO (no descriptor binding). Empty when absent.
    Value lookup(Str* name) const;
    Value lookup(std::string_view name) const;
    bool is_subtype(const Type* other) const;
    // Computes the C3 linearisation from `bases`; throws TypeError when impossible.
    void compute_mro(Interpreter& in);
    void set_attr(std::string_view n, Value v);
};

// The text of a str: a zero-terminated string_view into the str, which converts to
// std::string (a copy) where an API wants one.
class StrText : public std::string_view {
public:
    const char* c_str() const { return data(); }
    operator std::string() const { return std::string(data(), size()); } // NOLINT
    std::string_view view() const { return *this; }

    friend std::string operator+(const std::string& a, const StrText& b) { return a + b.str(); }
    friend std::string operator+(std::string&& a, const StrText& b) {
        a.append(b.data(), b.size());
        return std::move(a);
    }
    friend std::string operator+(const StrText& a, const std::string& b) { return a.str() + b; }
    friend std::string operator+(const char* a, const StrText& b) { return a + b.str(); }
    friend std::string operator+(const StrText& a, const char* b) { return a.str() + b; }
    friend std::string operator+(char a, const StrText& b) { return a + b.str(); }
    friend std::string operator+(const StrText& a, char b) { return a.str() + b; }
    friend std::string operator+(const StrText& a, const StrText& b) { return a.str() + b; }

private:
    friend struct Str;
    StrText() = default;
    StrText(const char* p, size_t n) : std::string_view(p, n) {}
    std::string str() const { return std::string(data(), size()); }
};

// A str: immutable UTF-8 text stored right after the object (one allocation per string).
// `s` views that text (zero-terminated); `ascii` and `cp_len` are known from creation, so
// methods that build a str from pieces of an ASCII one skip rescanning the result.
struct Str : Object {
    bool ascii = true; // first: these fit in the padding at the end of Object
    bool interned = false;
    StrText s;
    mutable int64_t hash = -1;
    int64_t cp_len = -1; // code points; equals s.size() when ascii

    // A str holding `text`, scanned for its ASCII-ness and length.
    static Str* create(std::string_view text, Type* type = nullptr);
    // A str holding `text`, which the caller knows to be ASCII.
    static Str* create_ascii(std::string_view text);
    // A str of `size` bytes for the caller to fill through chars() before it is shared, then
    // finish() (scans) or finish_ascii().
    static Str* alloc(size_t size);
    char* chars() { return reinterpret_cast<char*>(this + 1); }
    void finish();
    void finish_ascii() {
        ascii = true;
        cp_len = static_cast<int64_t>(s.size());
    }
    int64_t length() const { return cp_len; }

    static void operator delete(void* p) { ::operator delete(p); }

private:
    explicit Str(size_t size);
};

struct Bytes : Object {
    std::string s;
    explicit Bytes(std::string v);
};

// The items of a tuple, stored inline after it: read like a vector, never resized.
class TupleItems {
public:
    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    Value* data() { return data_; }
    const Value* data() const { return data_; }
    Value* begin() { return data_; }
    Value* end() { return data_ + size_; }
    const Value* begin() const { return data_; }
    const Value* end() const { return data_ + size_; }
    Value& operator[](size_t i) { return data_[i]; }
    const Value& operator[](size_t i) const { return data_[i]; }
    const Value& front() const { return data_[0]; }
    const Value& back() const { return data_[size_ - 1]; }
    operator std::span<const Value>() const { return {data_, size_}; } // NOLINT
    std::vector<Value> to_vector() const { return {begin(), end()}; }

private:
    friend struct Tuple;
    TupleItems() = default;
    TupleItems(const TupleItems&) = delete;
    TupleItems& operator=(const TupleItems&) = delete;
    Value* data_ = nullptr;
    size_t size_ = 0;
};

// A tuple: its items live in the same allocation as the object.
struct Tuple : Object {
    TupleItems items;

    // A tuple of `n` empty items, for the caller to fill before it is shared.
    static Tuple* alloc(size_t n);
    static Tuple* create(std::span<const Value> v);
    static Tuple* create(std::vector<Value>&& v);
    static Tuple* create(std::initializer_list<Value> v) {
        return create(std::span<const Value>(v.begin(), v.size()));
    }
    ~Tuple() override;
    void traverse(Visitor& v) override;
    void clear_refs() override;

    static void operator delete(void* p) { ::operator delete(p); }

private:
    explicit Tuple(size_t n);
};

struct List : Object {
    std::vector<Value> items;
    List();
    explicit List(std::vector<Value> v);
    void traverse(Visitor& v) override;
    void clear_refs() override;
};

// Insertion-ordered hash table (Python dict); keys compared with Python equality.
extern uint64_t g_dict_layouts;

struct Dict : Object {
    struct Entry {
        int64_t hash;
        Value key;
        Value value;
    };
    std::vector<Entry> entries; // deleted entries have an empty key
    std::vector<int32_t> index; // -1 empty, -2 deleted, else entry position
    size_t used = 0;
    Dict();
    void traverse(Visitor& v) override;
    void clear_refs() override;

    // Generic operations (may call __hash__/__eq__).
    Value get(Interpreter& in, const Value& key) const;
    void set(Interpreter& in, const Value& key, Value value);
    bool remove(Interpreter& in, const Value& key, Value* out = nullptr);
    // Fast paths for string keys. find_str gives the stored value (null when absent) without
    // touching reference counts; the pointer is valid until the dict next changes.
    const Value* find_str(Str* key) const {
        // The usual hit: an interned name in the first slot it hashes to.
        if (key->hash != -1 && !index.empty()) {
            int32_t ix = index[static_cast<size_t>(key->hash) & (index.size() - 1)];
            if (ix == -1) return nullptr;
            if (ix >= 0) {
                const Entry& e = entries[static_cast<size_t>(ix)];
                if (e.key.is_obj() && e.key.obj() == key) return &e.value;
            }
        }
        return find_str_probing(key);
    }
    Value get_str(Str* key) const {
        const Value* v = find_str(key);
        return v ? *v : Value();
    }
    Value get_str(std::string_view key) const;
    void set_str(Str* key, Value value);
    void set_str(std::string_view key, Value value);
    bool remove_str(Str* key);
    void clear();
    size_t size() const { return used; }
    int64_t find(Interpreter& in, const Value& key, int64_t hash) const;
    const Value* find_str_probing(Str* key) const;
    // Changes whenever the set of keys or their positions change (never for a value update),
    // to a number no dict had before: (dict, keys_version) names one layout of one dict.
    uint64_t keys_version = 0;
    void insert_new(int64_t hash, Value key, Value value);
    void rebuild(size_t min_size);
};

// Hash set that reproduces CPython's probing order, so printed int sets match.
struct Set : Object {
    struct Slot {
        int64_t hash;
        Value key; // empty = never used; dummy flagged by `dummy`
        bool dummy = false;
    };
    std::vector<Slot> table;
    size_t used = 0;
    size_t fill = 0;
    bool frozen = false;
    explicit Set(bool frozen_set = false);
    void traverse(Visitor& v) override;
    void clear_refs() override;
    bool add(Interpreter& in, const Value& key);
    bool contains(Interpreter& in, const Value& key) const;
    bool discard(Interpreter& in, const Value& key);
    void clear();
    size_t size() const { return used; }
    int64_t find_slot(Interpreter& in, const Value& key, int64_t hash) const;
    void resize(size_t minused);
};

struct Cell : Object {
    Value value;
    Cell();
    void traverse(Visitor& v) override;
    void clear_refs() override;
};

// Defines names a native module builds only on first use, so that only the scripts using them
// pay for them. Called with the name before a lookup of it fails (it defines the name if it is
// one it defers), or with null before a star import, dir() or __dict__ needs every name;
// returns whether names remain deferred (false: the module drops the hook).
using DeferredNames = std::function<bool(Interpreter&, Module&, Str* name)>;

struct Module : Object {
    std::string name;
    std::string file;
    Ref<Dict> dict;
    DeferredNames deferred_names;
    explicit Module(std::string n);
    void traverse(Visitor& v) override;
    void clear_refs() override;
};
// `name` in module `m` (defining it first when it is one of m's deferred names), or empty.
Value module_lookup(Interpreter& in, Module& m, Str* name);
// Defines every deferred name of `m`: what a star import, dir() and __dict__ see.
void define_deferred_names(Interpreter& in, Module& m);

struct Function : Object {
    std::shared_ptr<CodeInfo> code;
    std::shared_ptr<void> ast; // keeps the program's AST alive while the function exists
    Ref<Module> module;
    std::vector<Value> defaults;
    Ref<Dict> kwdefaults;
    std::vector<Ref<Cell>> closure;
    Type* klass = nullptr; // defining class (zero-argument super); weak
    std::string name;
    std::string qualname;
    Function();
    void traverse(Visitor& v) override;
    void clear_refs() override;
};

struct NativeFunction : Object {
    std::string name;
    NativeFn fn = nullptr;
    NativeClosure closure;
    Value self;            // bound receiver (module functions: empty)
    bool is_method = true; // binds to instances when found on a type
    std::string owner;     // type name for error messages / repr
    NativeFunction();
    void traverse(Visitor& v) override;
    void clear_refs() override;
};

struct BoundMethod : Object {
    Value self;
    Value func;
    BoundMethod(Value s, Value f);
    void traverse(Visitor& v) override;
    void clear_refs() override;
};

// property / staticmethod / classmethod objects.
struct Property : Object {
    Value fget, fset, fdel, doc;
    Property();
    void traverse(Visitor& v) override;
    void clear_refs() override;
};

struct WrapperDescr : Object { // staticmethod / classmethod
    Value func;
    explicit WrapperDescr(Type* t);
    void traverse(Visitor& v) override;
    void clear_refs() override;
};

// A data descriptor defined from C++ (native properties of native types).
struct NativeProperty : Object {
    std::string name;
    NativeGetter get;
    NativeSetter set;
    NativeProperty();
};

struct Super : Object {
    Type* start = nullptr; // look after this type in the MRO
    Value self;
    Type* self_type = nullptr;
    Super();
    void traverse(Visitor& v) override;
    void clear_refs() override;
};

struct Range : Object {
    int64_t start, stop, step;
    Range(int64_t a, int64_t b, int64_t c);
    int64_t length() const;
};

struct Slice : Object {
    Value start, stop, step;
    Slice(Value a, Value b, Value c);
    void traverse(Visitor& v) override;
    void clear_refs() override;
};

// Native iterators implement next(); returns false when exhausted.
struct Iterator : Object {
    explicit Iterator(Type* t);
    virtual bool next(Interpreter& in, Value& out) = 0;
};

struct ExceptionObj : Object {
    Ref<Tuple> args;
    struct Frame {
        std::string file;
        int line;
        std::string func;
    };
    std::vector<Frame> traceback; // innermost last
    Value cause;
    Value context;
    bool suppress_context = false;
    explicit ExceptionObj(Type* t);
    void traverse(Visitor& v) override;
    void clear_refs() override;
};

struct DictView : Object {
    enum Kind : uint8_t { Keys, Values, Items } kind;
    Ref<Dict> dict;
    DictView(Dict* d, Kind k);
    void traverse(Visitor& v) override;
    void clear_refs() override;
};

// The C++ exception that carries a Python exception object through native frames.
struct PyException {
    Value exc;
};

// The builtin types, created once per process.
struct Types {
    static Type *object, *type, *none, *bool_, *int_, *float_, *str, *bytes, *tuple, *list, *dict,
        *set, *frozenset, *function, *builtin_function, *method, *cell, *module, *property,
        *staticmethod, *classmethod, *native_property, *super, *range, *slice, *iterator,
        *generator, *dict_keys, *dict_values, *dict_items, *not_implemented, *ellipsis, *file,
        *base_exception;
};
Type* builtin_type(std::string_view name); // "ValueError" etc. (exceptions included)

struct Singletons {
    static Object* not_implemented;
    static Object* ellipsis;
};

// Bumped whenever a class is created or changed (type_modified): anything cached per type
// (the method cache, attribute-site caches) is valid while the epoch it was filled at holds.
extern uint64_t g_type_epoch;
inline uint64_t type_epoch() {
    return g_type_epoch;
}

// Interned strings: identical text gives the identical Str.
Str* intern(std::string_view s);

inline Type* Value::type() const {
    switch (tag_) {
    case Tag::Empty:
    case Tag::None:
        return Types::none;
    case Tag::Bool:
        return Types::bool_;
    case Tag::Int:
        return Types::int_;
    case Tag::Float:
        return Types::float_;
    case Tag::Obj:
        return u_.o->type;
    }
    return Types::none;
}

inline bool has_layout(const Value& v, Layout l) {
    return v.is_obj() && v.obj()->type->layout == l;
}
inline bool is_str(const Value& v) {
    return has_layout(v, Layout::Str);
}
inline Str* as_str(const Value& v) {
    return v.as<Str>();
}
Value new_str(std::string_view s);
// Text the caller knows to be ASCII (no scan).
Value new_ascii_str(std::string_view s);
// A piece of `whole` (a slice, strip or split result): ASCII without a scan when `whole` is.
Value new_substr(const Str* whole, std::string_view piece);
Value new_tuple(std::vector<Value>&& v);
Value new_tuple(std::span<const Value> v);
Value new_tuple(std::initializer_list<Value> v);
Value new_list(std::vector<Value> v);

} // namespace ormsh::lang
