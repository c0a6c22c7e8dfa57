// The typing forms built into classes, as annotations such as `Mapped[list["Address"]]` and
// `Mapped[str | None]` write them: `list[int]` is a types.GenericAlias (PEP 585) and `int | None`
// a types.UnionType (PEP 604). A union keeps its members in order without repeats; a union of
// one member is that member.
#include "repl/lang/interpreter.h"

namespace ormsh::lang {
namespace {

Type* union_type();
Type* generic_alias_type();

// A tuple attribute (__args__) of a union or alias object.
std::span<const Value> tuple_attr(const Value& self, const char* name) {
    auto* dict = static_cast<Dict*>(self.obj()->attrs);
    Value v = dict ? dict->get_str(intern(name)) : Value();
    if (has_layout(v, Layout::Tuple)) return v.as<Tuple>()->items;
    return {};
}

bool is_instance_of(const Value& v, Type* t) {
    return v.is_obj() && v.type() == t;
}

// A class or argument as CPython prints it inside a union or alias: `int`, `datetime.date`,
// `None`, `...`, `'Address'`.
std::string form_repr(Interpreter& in, const Value& v) {
    if (v.is_none() || v.is(Value(Types::none))) return "None";
    if (v.is(Value(Singletons::ellipsis))) return "...";
    if (has_layout(v, Layout::Type)) {
        Type* t = v.as<Type>();
        if (t->module == "builtins") return t->name;
        return t->module + "." + t->name;
    }
    return in.repr(v);
}

// The members of a union operand: a class, None (as NoneType), an alias or an existing union.
// Anything else (a typing module alias, an instance) is not a member: the operator then gives
// NotImplemented, so the other operand may take it.
bool union_members(const Value& v, std::vector<Value>& out) {
    if (v.is_none()) {
        out.push_back(Value(Types::none));
        return true;
    }
    if (has_layout(v, Layout::Type) || is_instance_of(v, generic_alias_type())) {
        out.push_back(v);
        return true;
    }
    if (is_instance_of(v, union_type())) {
        for (const Value& a : tuple_attr(v, "__args__"))
            out.push_back(a);
        return true;
    }
    return false;
}

Value make_union(Interpreter& in, const Value& left, const Value& right) {
    std::vector<Value> members;
    if (!union_members(left, members) || !union_members(right, members))
        return Value(Singletons::not_implemented);
    std::vector<Value> unique;
    for (const Value& m : members) {
        bool seen = false;
        for (const Value& u : unique)
            seen = seen || u.is(m) || (!has_layout(m, Layout::Type) && in.eq(u, m));
        if (!seen) unique.push_back(m);
    }
    if (unique.size() == 1) return unique[0];
    Value u = in.call(Value(union_type()), {});
    in.setattr(u, intern("__args__"), new_tuple(std::move(unique)));
    return u;
}

Value union_or(Interpreter& in, const Value& self, Args& args) {
    if (args.pos.size() != 1) in.raise("TypeError", "expected 1 argument");
    return make_union(in, self, args.pos[0]);
}

Value union_ror(Interpreter& in, const Value& self, Args& args) {
    if (args.pos.size() != 1) in.raise("TypeError", "expected 1 argument");
    return make_union(in, args.pos[0], self);
}

Type* union_type() {
    static Type* type =
        TypeBuilder("UnionType", {}, "types")
            .instance_dict(true)
            .method(
                "__repr__",
                +[](Interpreter& in, const Value& self, Args&) -> Value {
                    std::string s;
                    for (const Value& m : tuple_attr(self, "__args__")) {
                        if (!s.empty()) s += " | ";
                        s += form_repr(in, m);
                    }
                    return new_str(s);
                })
            .method(
                "__eq__",
                +[](Interpreter& in, const Value& self, Args& args) -> Value {
                    if (args.pos.size() != 1 || !is_instance_of(args.pos[0], union_type()))
                        return Value(Singletons::not_implemented);
                    const auto& a = tuple_attr(self, "__args__");
                    const auto& b = tuple_attr(args.pos[0], "__args__");
                    // Order does not matter: int | str == str | int.
                    auto contains = [&](std::span<const Value> xs, const Value& x) {
                        for (const Value& y : xs)
                            if (in.eq(y, x)) return true;
                        return false;
                    };
                    bool same = a.size() == b.size();
                    for (const Value& x : a)
                        same = same && contains(b, x);
                    return Value::boolean(same);
                })
            .method(
                "__hash__",
                +[](Interpreter& in, const Value& self, Args&) -> Value {
                    // Order-independent, like the equality above.
                    int64_t h = 0x5f3759df;
                    for (const Value& m : tuple_attr(self, "__args__"))
                        h ^= in.hash(m);
                    return Value::integer(h);
                })
            .method("__or__", union_or)
            .method("__ror__", union_ror)
            .build();
    return type;
}

Type* generic_alias_type() {
    static Type* type =
        TypeBuilder("GenericAlias", {}, "types")
            .instance_dict(true)
            .method(
                "__repr__",
                +[](Interpreter& in, const Value& self, Args&) -> Value {
                    Value origin = in.getattr(self, "__origin__");
                    std::string s = form_repr(in, origin) + "[";
                    const auto& args = tuple_attr(self, "__args__");
                    for (std::size_t i = 0; i < args.size(); ++i)
                        s += (i ? ", " : "") + form_repr(in, args[i]);
                    return new_str(s + "]");
                })
            .method(
                "__eq__",
                +[](Interpreter& in, const Value& self, Args& args) -> Value {
                    if (args.pos.size() != 1 || !is_instance_of(args.pos[0], generic_alias_type()))
                        return Value(Singletons::not_implemented);
                    return Value::boolean(
                        in.eq(in.getattr(self, "__origin__"),
                              in.getattr(args.pos[0], "__origin__")) &&
                        in.eq(in.getattr(self, "__args__"), in.getattr(args.pos[0], "__args__")));
                })
            .method(
                "__hash__",
                +[](Interpreter& in, const Value& self, Args&) -> Value {
                    return Value::integer(in.hash(in.getattr(self, "__origin__")) ^
                                          in.hash(in.getattr(self, "__args__")));
                })
            // list[int]() makes a list, as in CPython.
            .method(
                "__call__",
                +[](Interpreter& in, const Value& self, Args& args) -> Value {
                    return in.call(in.getattr(self, "__origin__"), args);
                })
            .method("__or__", union_or)
            .method("__ror__", union_ror)
            .build();
    return type;
}

} // namespace

Value make_generic_alias(Interpreter& in, const Value& origin, const Value& key) {
    Value alias = in.call(Value(generic_alias_type()), {});
    in.setattr(alias, intern("__origin__"), origin);
    in.setattr(alias, intern("__args__"), has_layout(key, Layout::Tuple) ? key : new_tuple({key}));
    return alias;
}

// Called once from install_methods(): `type.__or__` / `type.__ror__`.
void install_union_type() {
    Types::type->dict->set_str(intern("__or__"), make_native_function("__or__", union_or, true));
    Types::type->dict->set_str(intern("__ror__"), make_native_function("__ror__", union_ror, true));
}

} // namespace ormsh::lang
