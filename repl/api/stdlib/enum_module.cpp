// The `enum` module: Enum, IntEnum, StrEnum, Flag, IntFlag, auto and unique. The language has no
// metaclasses, so the work EnumType does in CPython happens in a native class-creation hook
// (members become instances of the class, with aliases, auto() values, _missing_ and a Python
// __init__) and in the class-level hooks the interpreter offers (__class_iter__, __class_len__,
// __class_contains__, __class_getitem__, __class_repr__). Mixing in str (class C(str, Enum),
// StrEnum) makes members real strings; IntEnum members stand in for ints by delegation.
#include "repl/api/stdlib/module_util.h"
#include "repl/api/stdlib/stdlib_modules.h"

#include <map>

namespace ormsh::api::stdlib {

namespace {

using lang::Dict;
using lang::Types;

Type* enum_type();
Type* int_enum_type();
Type* str_enum_type();
Type* auto_type();
Type* flag_type();
Value enum_ctor(Interpreter& in, Type* cls, Args& args);
void finish_flag_class(Interpreter& in, Type* cls);
Value flag_missing(Interpreter& in, Type* cls, const Value& value);
Type* int_flag_type();
void add_flag_methods(lang::TypeBuilder& b);
Value flag_repr(Interpreter& in, const Value& self, Args&);

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
        return Value::steal(lang::Str::create(lang::as_str(value)->s, cls));
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
    if (cls->is_subtype(flag_type())) { // the next power of two
        int64_t high = 0;
        for (auto& v : last_values)
            if (v.is_int()) high = std::max(high, v.as_int());
        return Value::integer(
            high == 0 ? 1 : int64_t{1} << (64 - __builtin_clzll(static_cast<uint64_t>(high))));
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

bool single_bit(int64_t v) {
    return v > 0 && (v & (v - 1)) == 0;
}

// `RED | GREEN` in a class body combines auto() objects before their values are known; the
// combination is an auto() too, holding the operator and its operands.
Value combine_autos(Interpreter& in, const Value& a, const Value& b, const char* op) {
    Value combo = in.call(Value(auto_type()), {});
    in.setattr(combo, lang::intern("_op_"), lang::new_str(op));
    in.setattr(combo, lang::intern("_operands_"), lang::new_tuple({a, b}));
    return combo;
}

// The value of a combined auto() (empty for a plain one, which is numbered by the caller).
Value resolve_auto(Interpreter& in, const Value& v, const std::map<uintptr_t, Value>& resolved) {
    if (!v.is_obj() || v.type() != auto_type()) return v;
    Value op = in.getattr_opt(v, lang::intern("_op_"));
    if (op.empty()) {
        auto it = resolved.find(v.identity());
        return it == resolved.end() ? Value() : it->second;
    }
    auto& operands = in.getattr(v, "_operands_").as<lang::Tuple>()->items;
    Value a = resolve_auto(in, operands[0], resolved), b = resolve_auto(in, operands[1], resolved);
    if (a.empty() || b.empty()) in.raise("ValueError", "auto() combined before it had a value");
    std::string o = lang::as_str(op)->s;
    return in.binary_op(o == "|"   ? lang::BinOpKind::BitOr
                        : o == "&" ? lang::BinOpKind::BitAnd
                                   : lang::BinOpKind::BitXor,
                        a, b);
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

    std::map<uintptr_t, Value> resolved; // auto() objects of this body -> their values
    std::vector<Value> created;          // the canonical members, parallel to `values`
    bool is_flag = cls->is_subtype(flag_type());
    Ref<lang::List> names = lang::make<lang::List>();
    Ref<Dict> member_map = lang::make<Dict>();
    Ref<Dict> value_map = lang::make<Dict>();
    std::vector<Value> values;
    Value init = cls->lookup("__init__");
    bool python_init = lang::has_layout(init, lang::Layout::Function);
    for (auto& [name, raw] : candidates) {
        Value value = raw;
        if (value.is_obj() && value.type() == auto_type()) {
            value = resolve_auto(in, raw, resolved);
            if (value.empty()) value = auto_value(in, cls, name, values);
            resolved[raw.identity()] = value;
        }
        Value existing;
        for (size_t i = 0; i < values.size() && existing.empty(); ++i)
            if (in.eq(values[i], value)) existing = created[i];
        if (!existing.empty()) { // an alias
            member_map->set_str(name, existing);
            cls->set_attr(name, existing);
            continue;
        }
        Value member = new_member(in, cls, value);
        std::vector<Value> init_args;
        if (lang::has_layout(value, lang::Layout::Tuple))
            init_args = value.as<lang::Tuple>()->items.to_vector();
        else
            init_args = {value};
        in.setattr(member, lang::intern("_name_"), lang::new_str(name));
        in.setattr(member, lang::intern("_value_"), value);
        if (python_init)
            in.call(in.getattr(member, "__init__"), {init_args.begin(), init_args.end()}, {});
        Value final_value = value_of(in, member); // __init__ may have changed _value_
        // Flags list only their single bits; multi-bit members are reached by name or value.
        bool listed = !is_flag || (final_value.is_int() && single_bit(final_value.as_int()));
        if (listed) names->items.push_back(lang::new_str(name));
        member_map->set_str(name, member);
        values.push_back(final_value);
        created.push_back(member);
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
    if (cls->is_subtype(flag_type())) finish_flag_class(in, cls);
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
    if (cls->is_subtype(flag_type())) return flag_missing(in, cls, args[0]);
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
    if (v.is_obj() &&
        (v.type()->is_subtype(int_enum_type()) || v.type()->is_subtype(int_flag_type())))
        return value_of(in, v);
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
    static Type* t = [] {
        lang::TypeBuilder b("auto", {}, "enum");
        b.instance_dict(true).method("__repr__", auto_repr);
        for (const char* op : {"|", "&", "^"}) {
            std::string o = op;
            auto f = [o](Interpreter& in, const Value& s, Args& a) {
                return combine_autos(in, s, a[0], o.c_str());
            };
            auto r = [o](Interpreter& in, const Value& s, Args& a) {
                return combine_autos(in, a[0], s, o.c_str());
            };
            std::string name = o == "|" ? "or" : o == "&" ? "and" : "xor";
            b.method("__" + name + "__", f).method("__r" + name + "__", r);
        }
        return b.build();
    }();
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

// Members of IntEnum and IntFlag stand in for their int value.
void add_int_methods(lang::TypeBuilder& b, bool bit_operators) {
    using K = lang::BinOpKind;
    using C = lang::CmpKind;
    b.method("__str__", value_str)
        .method("__format__", value_format)
        .method(
            "__hash__", +[](Interpreter& in, const Value& s,
                            Args&) { return Value::integer(in.hash(value_of(in, s))); })
        .method(
            "__int__", +[](Interpreter& in, const Value& s, Args&) { return value_of(in, s); })
        .method(
            "__index__", +[](Interpreter& in, const Value& s, Args&) { return value_of(in, s); })
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
        .method("__mod__", int_binary<K::Mod, false>);
    if (bit_operators)
        b.method("__and__", int_binary<K::BitAnd, false>)
            .method("__or__", int_binary<K::BitOr, false>);
}

Type* int_enum_type() {
    static Type* t = [] {
        lang::TypeBuilder b("IntEnum", {enum_type()}, "enum");
        add_int_methods(b, true);
        return b.build();
    }();
    return t;
}

Type* int_flag_type() {
    static Type* t = [] {
        lang::TypeBuilder b("IntFlag", {flag_type()}, "enum");
        add_int_methods(b, false);
        add_flag_methods(b); // | & ^ ~ give IntFlag members, ints accepted
        b.method("__repr__", flag_repr);
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

// ---- Flag and IntFlag: members are bits; other values are composite pseudo-members ----

int64_t class_int(Type* cls, const char* name) {
    Value v = cls->lookup(name);
    return v.is_int() ? v.as_int() : 0;
}

int bit_length(int64_t v) {
    return v <= 0 ? 0 : 64 - __builtin_clzll(static_cast<uint64_t>(v));
}

void finish_flag_class(Interpreter& in, Type* cls) {
    int64_t flag_mask = 0, singles = 0;
    std::vector<int64_t> values;
    for (auto& m : members_of(in, cls)) {
        Value v = value_of(in, m);
        if (!v.is_int()) continue;
        flag_mask |= v.as_int();
        if (single_bit(v.as_int())) singles |= v.as_int();
        values.push_back(v.as_int());
    }
    int64_t all_bits =
        bit_length(flag_mask) >= 63 ? INT64_MAX : (int64_t{1} << bit_length(flag_mask)) - 1;
    cls->set_attr("_flag_mask_", Value::integer(flag_mask));
    cls->set_attr("_singles_mask_", Value::integer(singles));
    cls->set_attr("_all_bits_", Value::integer(all_bits));
    cls->set_attr("_iter_by_def_", Value::boolean(!std::is_sorted(values.begin(), values.end())));
}

// The canonical members whose bits are in `value`, in the order CPython lists them.
std::vector<Value> flag_members(Interpreter& in, Type* cls, int64_t value) {
    std::vector<Value> out;
    int64_t singles = class_int(cls, "_singles_mask_");
    std::vector<Value> members = members_of(in, cls);
    for (auto& m : members) {
        Value v = value_of(in, m);
        if (v.is_int() && single_bit(v.as_int()) && (value & singles & v.as_int()))
            out.push_back(m);
    }
    if (!in.truthy(cls->lookup("_iter_by_def_")))
        std::stable_sort(out.begin(), out.end(), [&](const Value& a, const Value& b) {
            return value_of(in, a).as_int() < value_of(in, b).as_int();
        });
    if (value & ~singles) { // multi-bit members cover the remaining bits
        Value map = cls->lookup("_member_map_");
        for (auto& e : map.as<Dict>()->entries) {
            if (e.key.empty()) continue;
            Value v = value_of(in, e.value);
            if (!v.is_int() || single_bit(v.as_int()) || !v.as_int()) continue;
            if ((v.as_int() & value) == v.as_int() &&
                std::find_if(out.begin(), out.end(),
                             [&](const Value& m) { return m.is(e.value); }) == out.end())
                out.push_back(e.value);
        }
    }
    return out;
}

std::string bin_text(int64_t v, int bits) {
    std::string digits;
    for (int i = bits - 1; i >= 0; --i)
        digits += ((v >> i) & 1) ? '1' : '0';
    return "0b0 " + digits;
}

Value flag_missing(Interpreter& in, Type* cls, const Value& value) {
    if (!value.is_int()) in.raise("ValueError", in.repr(value) + " is not a valid " + cls->name);
    int64_t v = value.as_int();
    int64_t flag_mask = class_int(cls, "_flag_mask_"), all_bits = class_int(cls, "_all_bits_");
    bool keep = cls->is_subtype(int_flag_type());
    if (v < ~all_bits || v > all_bits || (v & (all_bits ^ flag_mask))) {
        if (!keep) {
            int bits = std::max(bit_length(v), bit_length(flag_mask));
            in.raise("ValueError", "<flag '" + cls->name + "'> invalid value " + std::to_string(v) +
                                       "\n    given " + bin_text(v, bits) + "\n  allowed " +
                                       bin_text(flag_mask, bits));
        }
    }
    if (v < 0) v = all_bits + 1 + v;
    Value member = new_member(in, cls, Value::integer(v));
    std::vector<Value> parts = flag_members(in, cls, v);
    std::string name;
    for (auto& m : parts)
        name += (name.empty() ? "" : "|") + in.str(name_of(in, m));
    in.setattr(member, lang::intern("_name_"), name.empty() ? Value::none() : lang::new_str(name));
    in.setattr(member, lang::intern("_value_"), Value::integer(v));
    Value map = cls->lookup("_value2member_map_");
    if (!map.empty()) map.as<Dict>()->set(in, Value::integer(v), member);
    return member;
}

int64_t flag_operand(Interpreter& in, const Value& self, const Value& other, bool& ok) {
    ok = true;
    if (other.is_obj() && other.type() == self.type()) return value_of(in, other).as_int();
    if (self.type()->is_subtype(int_flag_type()) && other.is_int()) return other.as_int();
    ok = false;
    return 0;
}

template <class Op> Value flag_binary(Interpreter& in, const Value& self, Args& args, Op op) {
    bool ok = false;
    int64_t b = flag_operand(in, self, args[0], ok);
    if (!ok) return Value(lang::Singletons::not_implemented);
    return in.call(Value(self.type()), {Value::integer(op(value_of(in, self).as_int(), b))});
}

Value flag_repr(Interpreter& in, const Value& self, Args&) {
    Value name = name_of(in, self);
    std::string cls = short_type_name(self);
    std::string value = in.repr(value_of(in, self));
    if (name.is_none()) return lang::new_str("<" + cls + ": " + value + ">");
    return lang::new_str("<" + cls + "." + in.str(name) + ": " + value + ">");
}

Value flag_str(Interpreter& in, const Value& self, Args&) {
    Value name = name_of(in, self);
    if (name.is_none())
        return lang::new_str(short_type_name(self) + "(" + in.repr(value_of(in, self)) + ")");
    return lang::new_str(short_type_name(self) + "." + in.str(name));
}

void add_flag_methods(lang::TypeBuilder& b) {
    b.method(
         "__or__",
         +[](Interpreter& in, const Value& s, Args& a) {
             return flag_binary(in, s, a, [](int64_t x, int64_t y) { return x | y; });
         })
        .method(
            "__ror__",
            +[](Interpreter& in, const Value& s, Args& a) {
                return flag_binary(in, s, a, [](int64_t x, int64_t y) { return x | y; });
            })
        .method(
            "__and__",
            +[](Interpreter& in, const Value& s, Args& a) {
                return flag_binary(in, s, a, [](int64_t x, int64_t y) { return x & y; });
            })
        .method(
            "__rand__",
            +[](Interpreter& in, const Value& s, Args& a) {
                return flag_binary(in, s, a, [](int64_t x, int64_t y) { return x & y; });
            })
        .method(
            "__xor__",
            +[](Interpreter& in, const Value& s, Args& a) {
                return flag_binary(in, s, a, [](int64_t x, int64_t y) { return x ^ y; });
            })
        .method(
            "__invert__",
            +[](Interpreter& in, const Value& s, Args&) {
                int64_t mask = class_int(s.type(), "_flag_mask_");
                return in.call(Value(s.type()), {Value::integer(mask ^ value_of(in, s).as_int())});
            })
        .method(
            "__contains__",
            +[](Interpreter& in, const Value& s, Args& a) {
                if (!a[0].is_obj() || a[0].type() != s.type())
                    in.raise("TypeError", "unsupported operand type(s) for 'in': '" +
                                              short_type_name(a[0]) + "' and '" +
                                              short_type_name(s) + "'");
                int64_t other = value_of(in, a[0]).as_int();
                return Value::boolean((other & value_of(in, s).as_int()) == other);
            })
        .method(
            "__bool__", +[](Interpreter& in, const Value& s,
                            Args&) { return Value::boolean(value_of(in, s).as_int() != 0); })
        .method(
            "__iter__",
            +[](Interpreter& in, const Value& s, Args&) {
                return in.iter(
                    lang::new_list(flag_members(in, s.type(), value_of(in, s).as_int())));
            })
        .method(
            "__len__",
            +[](Interpreter& in, const Value& s, Args&) {
                return Value::integer(
                    __builtin_popcountll(static_cast<uint64_t>(value_of(in, s).as_int())));
            })
        .method(
            "__hash__", +[](Interpreter& in, const Value& s,
                            Args&) { return Value::integer(in.hash(value_of(in, s))); })
        .class_method("__class_repr__", [](Interpreter&, const Value& cls, Args&) {
            return lang::new_str("<flag '" + cls_arg(cls)->name + "'>");
        });
}

Type* flag_type() {
    static Type* t = [] {
        lang::TypeBuilder b("Flag", {enum_type()}, "enum");
        add_flag_methods(b);
        b.method("__repr__", flag_repr).method("__str__", flag_str);
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
    def_value(m, "Flag", Value(flag_type()));
    def_value(m, "IntFlag", Value(int_flag_type()));
    def_value(m, "auto", Value(auto_type()));
    def_value(m, "EnumMeta", Value(Types::type));
    def_value(m, "EnumType", Value(Types::type));
    def_fn(m, "unique", enum_unique);
}

} // namespace

void register_enum_module(Interpreter& in) {
    in.register_builtin_module("enum", make_enum_module);
}

} // namespace ormsh::api::stdlib
