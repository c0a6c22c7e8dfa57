// The `enum` module: Enum, IntEnum, StrEnum, auto and unique. The language has no metaclasses,
// so the work EnumType does in CPython happens in a native class-creation hook (members become
// instances of the class, with aliases, auto() values, _missing_ and a Python __init__) and in
// the class-level hooks the interpreter offers (__class_iter__, __class_len__,
// __class_contains__, __class_getitem__, __class_repr__). Mixing in str (class C(str, Enum),
// StrEnum) makes members real strings; IntEnum members stand in for ints by delegation.
#include "repl/api/stdlib/module_util.h"
#include "repl/api/stdlib/stdlib_modules.h"

namespace ormsh::api::stdlib {

namespace {

using lang::Dict;
using lang::Types;

Type* enum_type();
Type* int_enum_type();
Type* str_enum_type();
Type* auto_type();
Value enum_ctor(Interpreter& in, Type* cls, Args& args);

Value name_of(Interpreter& in, const Value& member) {
    return in.getattr(member, "_name_");
}
Value value_of(Interpreter& in, const Value& member) {
    return in.getattr(member, "_value_");
}

Type* cls_arg(const Value& v) {
    return v.as<Type>();
}

std::vector<Value> members_of(Interpreter&, Type* cls) {
    Value names = cls->lookup("_member_names_");
    Value map = cls->lookup("_member_map_");
    std::vector<Value> out;
    if (names.empty() || map.empty()) return out;
    for (auto& n : names.as<lang::List>()->items)
        out.push_back(map.as<Dict>()->get_str(lang::as_str(n)));
    return out;
}

bool is_member_candidate(const std::string& key, const Value& v) {
    if (key.empty() || key[0] == '_') return false;
    if (!v.is_obj()) return true;
    switch (v.type()->layout) {
    case lang::Layout::Function:
    case lang::Layout::NativeFunction:
    case lang::Layout::Property:
    case lang::Layout::StaticMethod:
    case lang::Layout::ClassMethod:
    case lang::Layout::NativeProperty:
    case lang::Layout::Type:
        return false;
    default:
        break;
    }
    return v.type()->lookup("__get__").empty();
}

bool mixes_in_str(Type* cls) {
    return cls->is_subtype(Types::str);
}

// A new member object of `cls`: a str for str mixins, a plain object otherwise.
Value new_member(Interpreter& in, Type* cls, const Value& value) {
    if (mixes_in_str(cls)) {
        if (!lang::is_str(value)) in.raise("TypeError", in.repr(value) + " is not a string");
        auto* s = new lang::Str(lang::as_str(value)->s);
        s->type->decref();
        s->type = cls;
        cls->incref();
        return Value::steal(s);
    }
    auto* o = new lang::Object(cls);
    o->track();
    return Value::steal(o);
}

// The value auto() stands for: _generate_next_value_ when the class defines it in Python,
// else the name lowercased (str enums) or one more than the last int value.
Value auto_value(Interpreter& in, Type* cls, const std::string& name,
                 const std::vector<Value>& last_values) {
    Value gen = cls->lookup("_generate_next_value_");
    if (lang::has_layout(gen, lang::Layout::Function) ||
        lang::has_layout(gen, lang::Layout::StaticMethod)) {
        Value f = in.getattr(Value(cls), "_generate_next_value_");
        return in.call(f, {lang::new_str(name), Value::integer(1),
                           Value::integer(static_cast<int64_t>(last_values.size())),
                           lang::new_list(last_values)});
    }
    if (mixes_in_str(cls)) {
        std::string lower = name;
        for (auto& c : lower)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return lang::new_str(lower);
    }
    for (size_t i = last_values.size(); i-- > 0;)
        if (lang::is_int_like(last_values[i]))
            return in.binary_op(lang::BinOpKind::Add, last_values[i], Value::integer(1));
    return Value::integer(1);
}

// Makes the members of a new Enum subclass, as EnumType.__new__ does.
void create_members(Interpreter& in, Type& cls_ref) {
    Type* cls = &cls_ref;
    std::vector<std::pair<std::string, Value>> candidates;
    for (auto& e : cls->dict->entries)
        if (!e.key.empty() && lang::is_str(e.key) &&
            is_member_candidate(lang::as_str(e.key)->s, e.value))
            candidates.emplace_back(lang::as_str(e.key)->s, e.value);
    for (Type* base : cls->mro)
        if (base != cls && !base->dict->get_str("_member_names_").empty() &&
            base->dict->get_str("_member_names_").as<lang::List>()->items.size() > 0 &&
            !candidates.empty())
            in.raise("TypeError",
                     "<enum '" + cls->name + "'> cannot extend <enum '" + base->name + "'>");

    Ref<lang::List> names = lang::make<lang::List>();
    Ref<Dict> member_map = lang::make<Dict>();
    Ref<Dict> value_map = lang::make<Dict>();
    std::vector<Value> values;
    Value init = cls->lookup("__init__");
    bool python_init = lang::has_layout(init, lang::Layout::Function);
    for (auto& [name, raw] : candidates) {
        Value value = raw;
        if (value.is_obj() && value.type() == auto_type())
            value = auto_value(in, cls, name, values);
        Value existing;
        for (size_t i = 0; i < values.size() && existing.empty(); ++i)
            if (in.eq(values[i], value))
                existing = member_map->get_str(lang::as_str(names->items[i]));
        if (!existing.empty()) { // an alias
            member_map->set_str(name, existing);
            cls->set_attr(name, existing);
            continue;
        }
        Value member = new_member(in, cls, value);
        std::vector<Value> init_args;
        if (lang::has_layout(value, lang::Layout::Tuple))
            init_args = value.as<lang::Tuple>()->items;
        else
            init_args = {value};
        in.setattr(member, lang::intern("_name_"), lang::new_str(name));
        in.setattr(member, lang::intern("_value_"), value);
        if (python_init)
            in.call(in.getattr(member, "__init__"), {init_args.begin(), init_args.end()}, {});
        Value final_value = value_of(in, member); // __init__ may have changed _value_
        names->items.push_back(lang::new_str(name));
        member_map->set_str(name, member);
        values.push_back(final_value);
        try {
            value_map->set(in, final_value, member);
        } catch (lang::PyException&) {
            // Unhashable values are found by a linear search instead.
        }
        cls->set_attr(name, member);
    }
    cls->set_attr("_member_names_", Value(names.get()));
    cls->set_attr("_member_map_", Value(member_map.get()));
    cls->set_attr("_value2member_map_", Value(value_map.get()));
    Ref<Dict> members = lang::make<Dict>();
    for (auto& e : member_map->entries)
        if (!e.key.empty()) members->set(in, e.key, e.value);
    cls->set_attr("__members__", Value(members.get()));
    // A data-type mixin's repr/str/format would win by MRO; the enum's apply, as in CPython.
    for (const char* slot : {"__repr__", "__str__", "__format__"}) {
        if (!cls->dict->get_str(slot).empty()) continue;
        Value found = cls->lookup(slot);
        if (found.is(Types::str->lookup(slot)) || found.is(Types::object->lookup(slot))) {
            for (Type* base : cls->mro)
                if (base->is_subtype(enum_type()) && !base->dict->get_str(slot).empty()) {
                    cls->set_attr(slot, base->dict->get_str(slot));
                    break;
                }
        }
    }
    cls->ctor = enum_ctor; // Color(value) looks members up, even when str's ctor comes first
    lang::type_modified();
}

// ---- class-level operations ----

Value lookup_value(Interpreter& in, Type* cls, const Value& value) {
    if (value.is_obj() && value.type() == cls) return value;
    Value map = cls->lookup("_value2member_map_");
    if (!map.empty()) {
        try {
            Value m = map.as<Dict>()->get(in, value);
            if (!m.empty()) return m;
        } catch (lang::PyException&) {
        }
    }
    for (auto& m : members_of(in, cls))
        if (in.eq(value_of(in, m), value)) return m;
    return Value();
}

Value enum_ctor(Interpreter& in, Type* cls, Args& args) {
    if (args.size() != 1 || !args.kw.empty())
        in.raise("TypeError", cls->name + "() takes exactly one argument: the value to look up");
    Value found = lookup_value(in, cls, args[0]);
    if (!found.empty()) return found;
    Value missing = cls->lookup("_missing_");
    if (lang::has_layout(missing, lang::Layout::ClassMethod) ||
        lang::has_layout(missing, lang::Layout::Function)) {
        Value r = in.call(in.getattr(Value(cls), "_missing_"), {args[0]});
        if (!r.is_none()) return r;
    }
    in.raise("ValueError", in.repr(args[0]) + " is not a valid " + cls->name);
}

Value class_iter(Interpreter& in, const Value& cls, Args&) {
    return in.iter(lang::new_list(members_of(in, cls_arg(cls))));
}

Value class_len(Interpreter& in, const Value& cls, Args&) {
    return Value::integer(static_cast<int64_t>(members_of(in, cls_arg(cls)).size()));
}

Value class_contains(Interpreter& in, const Value& cls, Args& args) {
    Type* t = cls_arg(cls);
    if (args[0].is_obj() && args[0].type()->is_subtype(t)) return Value::boolean(true);
    return Value::boolean(!lookup_value(in, t, args[0]).empty());
}

Value class_getitem(Interpreter& in, const Value& cls, Args& args) {
    Value map = cls_arg(cls)->lookup("_member_map_");
    Value m = map.empty() ? Value() : map.as<Dict>()->get(in, args[0]);
    if (m.empty()) in.raise_value(in.new_exception(lang::builtin_type("KeyError"), {args[0]}));
    return m;
}

Value class_repr(Interpreter&, const Value& cls, Args&) {
    return lang::new_str("<enum '" + cls_arg(cls)->name + "'>");
}

// ---- member methods ----

std::string qualified_name(Interpreter& in, const Value& self) {
    return short_type_name(self) + "." + in.str(name_of(in, self));
}

Value member_repr(Interpreter& in, const Value& self, Args&) {
    return lang::new_str("<" + qualified_name(in, self) + ": " + in.repr(value_of(in, self)) + ">");
}

Value member_str(Interpreter& in, const Value& self, Args&) {
    return lang::new_str(qualified_name(in, self));
}

Value member_format(Interpreter& in, const Value& self, Args& args) {
    std::string spec = args.size() ? in.str(args[0]) : "";
    return lang::new_str(in.format(lang::new_str(in.str(self)), spec));
}

Value member_hash(Interpreter& in, const Value& self, Args&) {
    return Value::integer(in.hash(name_of(in, self)));
}

Value value_str(Interpreter& in, const Value& self, Args&) {
    return lang::new_str(in.str(value_of(in, self)));
}

Value value_format(Interpreter& in, const Value& self, Args& args) {
    std::string spec = args.size() ? in.str(args[0]) : "";
    return lang::new_str(in.format(value_of(in, self), spec));
}

// ---- IntEnum: members behave as their int value ----

Value int_value(Interpreter& in, const Value& v) {
    if (v.is_obj() && v.type()->is_subtype(int_enum_type())) return value_of(in, v);
    return v;
}

template <lang::BinOpKind Op, bool Reflected>
Value int_binary(Interpreter& in, const Value& self, Args& args) {
    Value a = value_of(in, self), b = int_value(in, args[0]);
    return Reflected ? in.binary_op(Op, b, a) : in.binary_op(Op, a, b);
}

template <lang::CmpKind Op> Value int_compare(Interpreter& in, const Value& self, Args& args) {
    return in.compare(Op, value_of(in, self), int_value(in, args[0]));
}

Value auto_repr(Interpreter&, const Value&, Args&) {
    return lang::new_str("auto()");
}

Type* auto_type() {
    static Type* t = lang::TypeBuilder("auto", {}, "enum").method("__repr__", auto_repr).build();
    return t;
}

void add_enum_protocol(lang::TypeBuilder& b) {
    b.ctor(enum_ctor)
        .instance_dict(true)
        .on_subclass_created(create_members)
        .class_method("__class_iter__", class_iter)
        .class_method("__class_len__", class_len)
        .class_method("__class_contains__", class_contains)
        .class_method("__class_getitem__", class_getitem)
        .class_method("__class_repr__", class_repr)
        .property("name", [](Interpreter& in, const Value& s) { return name_of(in, s); })
        .property("value", [](Interpreter& in, const Value& s) { return value_of(in, s); });
}

Type* enum_type() {
    static Type* t = [] {
        lang::TypeBuilder b("Enum", {}, "enum");
        add_enum_protocol(b);
        b.method("__repr__", member_repr)
            .method("__str__", member_str)
            .method("__format__", member_format)
            .method("__hash__", member_hash);
        return b.build();
    }();
    return t;
}

Type* int_enum_type() {
    static Type* t = [] {
        using K = lang::BinOpKind;
        using C = lang::CmpKind;
        lang::TypeBuilder b("IntEnum", {enum_type()}, "enum");
        b.method("__str__", value_str)
            .method("__format__", value_format)
            .method(
                "__hash__", +[](Interpreter& in, const Value& s,
                                Args&) { return Value::integer(in.hash(value_of(in, s))); })
            .method(
                "__int__", +[](Interpreter& in, const Value& s, Args&) { return value_of(in, s); })
            .method(
                "__index__",
                +[](Interpreter& in, const Value& s, Args&) { return value_of(in, s); })
            .method(
                "__float__", +[](Interpreter& in, const Value& s,
                                 Args&) { return Value::flt(*lang::to_double(value_of(in, s))); })
            .method(
                "__bool__", +[](Interpreter& in, const Value& s,
                                Args&) { return Value::boolean(in.truthy(value_of(in, s))); })
            .method(
                "__json_value__",
                +[](Interpreter& in, const Value& s, Args&) { return value_of(in, s); })
            .method("__eq__", int_compare<C::Eq>)
            .method("__ne__", int_compare<C::Ne>)
            .method("__lt__", int_compare<C::Lt>)
            .method("__le__", int_compare<C::Le>)
            .method("__gt__", int_compare<C::Gt>)
            .method("__ge__", int_compare<C::Ge>)
            .method("__add__", int_binary<K::Add, false>)
            .method("__radd__", int_binary<K::Add, true>)
            .method("__sub__", int_binary<K::Sub, false>)
            .method("__rsub__", int_binary<K::Sub, true>)
            .method("__mul__", int_binary<K::Mul, false>)
            .method("__rmul__", int_binary<K::Mul, true>)
            .method("__truediv__", int_binary<K::Div, false>)
            .method("__floordiv__", int_binary<K::FloorDiv, false>)
            .method("__mod__", int_binary<K::Mod, false>)
            .method("__and__", int_binary<K::BitAnd, false>)
            .method("__or__", int_binary<K::BitOr, false>);
        return b.build();
    }();
    return t;
}

Type* str_enum_type() {
    static Type* t = [] {
        lang::TypeBuilder b("StrEnum", {Types::str, enum_type()}, "enum");
        b.method("__str__", value_str).method("__format__", value_format);
        return b.build();
    }();
    return t;
}

Value enum_unique(Interpreter& in, const Value&, Args& args) {
    Value cls = args[0];
    Value map = cls_arg(cls)->lookup("_member_map_");
    std::string dups;
    for (auto& e : map.as<Dict>()->entries) {
        if (e.key.empty()) continue;
        std::string alias = lang::as_str(e.key)->s;
        std::string canonical = in.str(name_of(in, e.value));
        if (alias != canonical) dups += (dups.empty() ? "" : ", ") + alias + " -> " + canonical;
    }
    if (!dups.empty())
        in.raise("ValueError", "duplicate values found in " + in.repr(cls) + ": " + dups);
    return cls;
}

void make_enum_module(Interpreter&, lang::Module& m) {
    def_value(m, "Enum", Value(enum_type()));
    def_value(m, "IntEnum", Value(int_enum_type()));
    def_value(m, "StrEnum", Value(str_enum_type()));
    def_value(m, "auto", Value(auto_type()));
    def_value(m, "EnumMeta", Value(Types::type));
    def_value(m, "EnumType", Value(Types::type));
    def_fn(m, "unique", enum_unique);
}

} // namespace

void register_enum_module(Interpreter& in) {
    enum_type();
    int_enum_type();
    str_enum_type();
    auto_type();
    in.register_builtin_module("enum", make_enum_module);
}

} // namespace ormsh::api::stdlib
