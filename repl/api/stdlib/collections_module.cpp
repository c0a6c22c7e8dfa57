// The `collections` module: defaultdict, Counter and OrderedDict as native subclasses of dict
// (so every dict operation works on them and Python classes can extend them), deque, and
// namedtuple (namedtuple.cpp). Reprs, most_common ordering and Counter arithmetic follow
// CPython's.
#include "repl/api/stdlib/module_util.h"
#include "repl/api/stdlib/stdlib_modules.h"

#include <algorithm>
#include <deque>

namespace ormsh::api::stdlib {

Value make_namedtuple_class(Interpreter& in, Args& args); // namedtuple.cpp

namespace {

using lang::Dict;
using lang::Types;

// ---- helpers shared by the dict subclasses ----

Value new_dict_of(Type* cls) {
    Ref<Dict> d = lang::make<Dict>();
    if (cls != Types::dict) {
        d->type->decref();
        d->type = cls;
        cls->incref();
    }
    return Value(d.get());
}

Value bound(const Value& self, Type* owner, const char* name) {
    return Value::steal(new lang::BoundMethod(self, owner->lookup(name)));
}

// dict.update(self, *args, **kw), bypassing subclass overrides.
void dict_update(Interpreter& in, const Value& self, std::span<const Value> pos,
                 std::span<const lang::KwArg> kw) {
    if (pos.empty() && kw.empty()) return;
    lang::Args a{pos, kw};
    in.call(bound(self, Types::dict, "update"), a);
}

// The plain dict repr of a subclass instance ({...}), as the subclasses' reprs embed it.
std::string dict_repr(Interpreter& in, const Value& self) {
    Ref<Dict> plain = lang::make<Dict>();
    for (auto& e : self.as<Dict>()->entries)
        if (!e.key.empty()) plain->set(in, e.key, e.value);
    return in.repr(Value(plain.get()));
}

std::vector<std::pair<Value, Value>> items_of(const Value& self) {
    std::vector<std::pair<Value, Value>> out;
    for (auto& e : self.as<Dict>()->entries)
        if (!e.key.empty()) out.emplace_back(e.key, e.value);
    return out;
}

Type* defaultdict_type();
Type* counter_type();
Type* ordereddict_type();

// ---- defaultdict ----

void defaultdict_fill(Interpreter& in, const Value& self, Args& args) {
    Value factory = args.size() ? args[0] : Value::none();
    if (!factory.is_none() && factory.type()->lookup("__call__").empty() &&
        !lang::has_layout(factory, lang::Layout::Type) &&
        !lang::has_layout(factory, lang::Layout::Function) &&
        !lang::has_layout(factory, lang::Layout::NativeFunction) &&
        !lang::has_layout(factory, lang::Layout::BoundMethod))
        in.raise("TypeError", "first argument must be callable or None");
    in.setattr(self, lang::intern("default_factory"), factory);
    dict_update(in, self, args.pos.size() > 1 ? args.pos.subspan(1) : std::span<const Value>(),
                args.kw);
}

Value defaultdict_ctor(Interpreter& in, Type* cls, Args& args) {
    Value d = new_dict_of(cls);
    if (cls == defaultdict_type()) defaultdict_fill(in, d, args);
    return d;
}

Value defaultdict_init(Interpreter& in, const Value& self, Args& args) {
    defaultdict_fill(in, self, args);
    return Value::none();
}

Value defaultdict_missing(Interpreter& in, const Value& self, Args& args) {
    Value factory = in.getattr(self, "default_factory");
    if (factory.is_none())
        in.raise_value(in.new_exception(lang::builtin_type("KeyError"), {args[0]}));
    Value v = in.call(factory, {});
    self.as<Dict>()->set(in, args[0], v);
    return v;
}

Value defaultdict_repr(Interpreter& in, const Value& self, Args&) {
    Value factory = in.getattr(self, "default_factory");
    return lang::new_str(short_type_name(self) + "(" + in.repr(factory) + ", " +
                         dict_repr(in, self) + ")");
}

Value defaultdict_copy(Interpreter& in, const Value& self, Args&) {
    Value d = new_dict_of(self.type());
    in.setattr(d, lang::intern("default_factory"), in.getattr(self, "default_factory"));
    for (auto& [k, v] : items_of(self))
        d.as<Dict>()->set(in, k, v);
    return d;
}

Type* defaultdict_type() {
    static Type* t = lang::TypeBuilder("defaultdict", {Types::dict}, "collections")
                         .ctor(defaultdict_ctor)
                         .instance_dict(true)
                         .method("__init__", defaultdict_init)
                         .method("__missing__", defaultdict_missing)
                         .method("__repr__", defaultdict_repr)
                         .method("copy", defaultdict_copy)
                         .method("__copy__", defaultdict_copy)
                         .build();
    return t;
}

// ---- Counter ----

Value add(Interpreter& in, const Value& a, const Value& b) {
    return in.binary_op(lang::BinOpKind::Add, a, b);
}

Value count_of(Interpreter& in, const Value& self, const Value& key) {
    Value v = self.as<Dict>()->get(in, key);
    return v.empty() ? Value::integer(0) : v;
}

bool is_mapping(const Value& v) {
    return lang::has_layout(v, lang::Layout::Dict) || !v.type()->lookup("keys").empty();
}

// Counter.update / subtract: counts from a mapping or an iterable, plus keyword counts.
void counter_merge(Interpreter& in, const Value& self, Args& args, bool subtract,
                   const char* fname) {
    if (args.size() > 1)
        in.raise("TypeError", std::string(fname) + " expected at most 1 argument, got " +
                                  std::to_string(args.size()));
    auto apply = [&](const Value& key, const Value& n) {
        Value cur = count_of(in, self, key);
        self.as<Dict>()->set(
            in, key, in.binary_op(subtract ? lang::BinOpKind::Sub : lang::BinOpKind::Add, cur, n));
    };
    if (args.size() == 1 && !args[0].is_none()) {
        const Value& src = args[0];
        if (is_mapping(src)) {
            for (auto& key : in.to_vector(src))
                apply(key, in.getitem(src, key));
        } else {
            Value it = in.iter(src);
            Value key;
            Value one = Value::integer(1);
            while (in.next(it, key))
                apply(key, one);
        }
    }
    for (auto& kw : args.kw)
        apply(Value(kw.name), kw.value);
}

Value counter_ctor(Interpreter& in, Type* cls, Args& args) {
    Value d = new_dict_of(cls);
    if (cls == counter_type()) counter_merge(in, d, args, false, "Counter");
    return d;
}

Value counter_init(Interpreter& in, const Value& self, Args& args) {
    counter_merge(in, self, args, false, "Counter");
    return Value::none();
}

Value counter_update(Interpreter& in, const Value& self, Args& args) {
    counter_merge(in, self, args, false, "update");
    return Value::none();
}

Value counter_subtract(Interpreter& in, const Value& self, Args& args) {
    counter_merge(in, self, args, true, "subtract");
    return Value::none();
}

Value counter_missing(Interpreter&, const Value&, Args&) {
    return Value::integer(0);
}

// Items by count, largest first; equal counts keep insertion order (a stable sort, as
// sorted(..., reverse=True) is).
std::vector<std::pair<Value, Value>> by_count(Interpreter& in, const Value& self) {
    auto items = items_of(self);
    std::stable_sort(items.begin(), items.end(),
                     [&](const auto& a, const auto& b) { return in.lt(b.second, a.second); });
    return items;
}

Value counter_most_common(Interpreter& in, const Value& self, Args& args) {
    Value p[1];
    lang::parse_args(in, "most_common", args, {"n"}, 0, p);
    auto items = by_count(in, self);
    if (!p[0].empty() && !p[0].is_none()) {
        int64_t n = std::max<int64_t>(0, in.index_value(p[0]));
        if (static_cast<size_t>(n) < items.size()) items.resize(static_cast<size_t>(n));
    }
    std::vector<Value> out;
    for (auto& [k, v] : items)
        out.push_back(lang::new_tuple({k, v}));
    return lang::new_list(std::move(out));
}

Value counter_elements(Interpreter& in, const Value& self, Args&) {
    std::vector<Value> out;
    for (auto& [k, v] : items_of(self)) {
        int64_t n = in.index_value(v);
        for (int64_t i = 0; i < n; ++i)
            out.push_back(k);
    }
    return in.iter(lang::new_list(std::move(out)));
}

Value counter_total(Interpreter& in, const Value& self, Args&) {
    Value total = Value::integer(0);
    for (auto& [k, v] : items_of(self))
        total = add(in, total, v);
    return total;
}

Value counter_repr(Interpreter& in, const Value& self, Args&) {
    std::string name = short_type_name(self);
    if (self.as<Dict>()->size() == 0) return lang::new_str(name + "()");
    std::string out = name + "({";
    bool first = true;
    for (auto& [k, v] : by_count(in, self)) {
        if (!first) out += ", ";
        first = false;
        out += in.repr(k) + ": " + in.repr(v);
    }
    return lang::new_str(out + "})");
}

Value counter_copy(Interpreter& in, const Value& self, Args&) {
    Value d = new_dict_of(self.type());
    for (auto& [k, v] : items_of(self))
        d.as<Dict>()->set(in, k, v);
    return d;
}

bool positive(Interpreter& in, const Value& v) {
    return in.lt(Value::integer(0), v);
}

// Counter + - | & : results keep only positive counts, self's keys first.
template <class Combine>
Value counter_binary(Interpreter& in, const Value& self, Args& args, Combine combine) {
    const Value& other = args[0];
    if (!other.type()->is_subtype(counter_type())) return Value(lang::Singletons::not_implemented);
    Value result = new_dict_of(counter_type());
    Dict* r = result.as<Dict>();
    for (auto& [k, v] : items_of(self)) {
        Value n = combine(v, count_of(in, other, k));
        if (positive(in, n)) r->set(in, k, n);
    }
    for (auto& [k, v] : items_of(other)) {
        if (!self.as<Dict>()->get(in, k).empty()) continue;
        Value n = combine(Value::integer(0), v);
        if (positive(in, n)) r->set(in, k, n);
    }
    return result;
}

Value counter_add(Interpreter& in, const Value& self, Args& args) {
    return counter_binary(in, self, args,
                          [&](const Value& a, const Value& b) { return add(in, a, b); });
}
Value counter_sub(Interpreter& in, const Value& self, Args& args) {
    return counter_binary(in, self, args, [&](const Value& a, const Value& b) {
        return in.binary_op(lang::BinOpKind::Sub, a, b);
    });
}
Value counter_or(Interpreter& in, const Value& self, Args& args) {
    return counter_binary(in, self, args,
                          [&](const Value& a, const Value& b) { return in.lt(a, b) ? b : a; });
}
Value counter_and(Interpreter& in, const Value& self, Args& args) {
    return counter_binary(in, self, args,
                          [&](const Value& a, const Value& b) { return in.lt(a, b) ? a : b; });
}

Type* counter_type() {
    static Type* t = lang::TypeBuilder("Counter", {Types::dict}, "collections")
                         .ctor(counter_ctor)
                         .instance_dict(true)
                         .method("__init__", counter_init)
                         .method("__missing__", counter_missing)
                         .method("__repr__", counter_repr)
                         .method("update", counter_update)
                         .method("subtract", counter_subtract)
                         .method("most_common", counter_most_common)
                         .method("elements", counter_elements)
                         .method("total", counter_total)
                         .method("copy", counter_copy)
                         .method("__add__", counter_add)
                         .method("__sub__", counter_sub)
                         .method("__or__", counter_or)
                         .method("__and__", counter_and)
                         .build();
    return t;
}

// ---- OrderedDict ----

Value ordereddict_ctor(Interpreter& in, Type* cls, Args& args) {
    Value d = new_dict_of(cls);
    if (cls == ordereddict_type()) dict_update(in, d, args.pos, args.kw);
    return d;
}

Value ordereddict_init(Interpreter& in, const Value& self, Args& args) {
    dict_update(in, self, args.pos, args.kw);
    return Value::none();
}

Value ordereddict_repr(Interpreter& in, const Value& self, Args&) {
    std::string name = short_type_name(self);
    if (self.as<Dict>()->size() == 0) return lang::new_str(name + "()");
    std::string out = name + "([";
    bool first = true;
    for (auto& [k, v] : items_of(self)) {
        if (!first) out += ", ";
        first = false;
        out += "(" + in.repr(k) + ", " + in.repr(v) + ")";
    }
    return lang::new_str(out + "])");
}

Value ordereddict_move_to_end(Interpreter& in, const Value& self, Args& args) {
    Value p[2];
    lang::parse_args(in, "move_to_end", args, {"key", "last"}, 1, p);
    bool last = p[1].empty() || in.truthy(p[1]);
    Dict* d = self.as<Dict>();
    Value v;
    if (!d->remove(in, p[0], &v))
        in.raise_value(in.new_exception(lang::builtin_type("KeyError"), {p[0]}));
    if (last) {
        d->set(in, p[0], v);
        return Value::none();
    }
    auto items = items_of(self);
    d->clear();
    d->set(in, p[0], v);
    for (auto& [k, val] : items)
        d->set(in, k, val);
    return Value::none();
}

Value ordereddict_popitem(Interpreter& in, const Value& self, Args& args) {
    Value p[1];
    lang::parse_args(in, "popitem", args, {"last"}, 0, p);
    bool last = p[0].empty() || in.truthy(p[0]);
    auto items = items_of(self);
    if (items.empty())
        in.raise_value(in.new_exception(lang::builtin_type("KeyError"),
                                        {lang::new_str("dictionary is empty")}));
    auto [k, v] = last ? items.back() : items.front();
    self.as<Dict>()->remove(in, k);
    return lang::new_tuple({k, v});
}

Value ordereddict_copy(Interpreter& in, const Value& self, Args&) {
    Value d = new_dict_of(self.type());
    for (auto& [k, v] : items_of(self))
        d.as<Dict>()->set(in, k, v);
    return d;
}

Type* ordereddict_type() {
    static Type* t = lang::TypeBuilder("OrderedDict", {Types::dict}, "collections")
                         .ctor(ordereddict_ctor)
                         .instance_dict(true)
                         .method("__init__", ordereddict_init)
                         .method("__repr__", ordereddict_repr)
                         .method("move_to_end", ordereddict_move_to_end)
                         .method("popitem", ordereddict_popitem)
                         .method("copy", ordereddict_copy)
                         .build();
    return t;
}

// ---- deque ----

struct DequeObj : lang::Object {
    explicit DequeObj(Type* t) : Object(t) { track(); }
    std::deque<Value> items;
    int64_t maxlen = -1; // -1: unbounded
    void traverse(lang::Visitor& v) override {
        for (auto& x : items)
            if (x.is_obj()) v.visit(x.obj());
    }
    void clear_refs() override { items.clear(); }
};

Type* deque_type();

DequeObj* dq(const Value& v) {
    return v.as<DequeObj>();
}

void push_back(DequeObj* d, Value v) {
    if (d->maxlen == 0) return;
    d->items.push_back(std::move(v));
    if (d->maxlen > 0 && static_cast<int64_t>(d->items.size()) > d->maxlen) d->items.pop_front();
}

void push_front(DequeObj* d, Value v) {
    if (d->maxlen == 0) return;
    d->items.push_front(std::move(v));
    if (d->maxlen > 0 && static_cast<int64_t>(d->items.size()) > d->maxlen) d->items.pop_back();
}

lang::Object* alloc_deque(Type* t) {
    return new DequeObj(t);
}

Value deque_init(Interpreter& in, const Value& self, Args& args) {
    Value p[2];
    lang::parse_args(in, "deque", args, {"iterable", "maxlen"}, 0, p);
    DequeObj* d = dq(self);
    d->items.clear();
    if (!p[1].empty() && !p[1].is_none()) {
        d->maxlen = in.index_value(p[1]);
        if (d->maxlen < 0) in.raise("ValueError", "maxlen must be non-negative");
    }
    if (!p[0].empty())
        for (auto& v : in.to_vector(p[0]))
            push_back(d, v);
    return Value::none();
}

Value deque_repr(Interpreter& in, const Value& self, Args&) {
    DequeObj* d = dq(self);
    std::string out = short_type_name(self) + "([";
    for (size_t i = 0; i < d->items.size(); ++i)
        out += (i ? ", " : "") + in.repr(d->items[i]);
    out += "]";
    if (d->maxlen >= 0) out += ", maxlen=" + std::to_string(d->maxlen);
    return lang::new_str(out + ")");
}

int64_t deque_index(Interpreter& in, DequeObj* d, const Value& i) {
    int64_t n = static_cast<int64_t>(d->items.size());
    int64_t k = in.index_value(i);
    if (k < 0) k += n;
    if (k < 0 || k >= n) in.raise("IndexError", "deque index out of range");
    return k;
}

Type* deque_type() {
    static Type* t = [] {
        lang::TypeBuilder b("deque", {}, "collections");
        b.layout(lang::Layout::Object, alloc_deque)
            .method("__init__", deque_init)
            .method("__repr__", deque_repr)
            .method(
                "append",
                +[](Interpreter&, const Value& s, Args& a) {
                    push_back(dq(s), a[0]);
                    return Value::none();
                })
            .method(
                "appendleft",
                +[](Interpreter&, const Value& s, Args& a) {
                    push_front(dq(s), a[0]);
                    return Value::none();
                })
            .method(
                "extend",
                +[](Interpreter& in, const Value& s, Args& a) {
                    for (auto& v : in.to_vector(a[0]))
                        push_back(dq(s), v);
                    return Value::none();
                })
            .method(
                "extendleft",
                +[](Interpreter& in, const Value& s, Args& a) {
                    for (auto& v : in.to_vector(a[0]))
                        push_front(dq(s), v);
                    return Value::none();
                })
            .method(
                "pop",
                +[](Interpreter& in, const Value& s, Args&) {
                    DequeObj* d = dq(s);
                    if (d->items.empty()) in.raise("IndexError", "pop from an empty deque");
                    Value v = d->items.back();
                    d->items.pop_back();
                    return v;
                })
            .method(
                "popleft",
                +[](Interpreter& in, const Value& s, Args&) {
                    DequeObj* d = dq(s);
                    if (d->items.empty()) in.raise("IndexError", "pop from an empty deque");
                    Value v = d->items.front();
                    d->items.pop_front();
                    return v;
                })
            .method(
                "clear",
                +[](Interpreter&, const Value& s, Args&) {
                    dq(s)->items.clear();
                    return Value::none();
                })
            .method(
                "rotate",
                +[](Interpreter& in, const Value& s, Args& a) {
                    DequeObj* d = dq(s);
                    int64_t n = a.size() ? in.index_value(a[0]) : 1;
                    int64_t size = static_cast<int64_t>(d->items.size());
                    if (size == 0) return Value::none();
                    n %= size;
                    if (n < 0) n += size;
                    std::rotate(d->items.begin(), d->items.begin() + (size - n), d->items.end());
                    return Value::none();
                })
            .method(
                "count",
                +[](Interpreter& in, const Value& s, Args& a) {
                    int64_t n = 0;
                    for (auto& v : dq(s)->items)
                        n += in.eq(v, a[0]);
                    return Value::integer(n);
                })
            .method(
                "remove",
                +[](Interpreter& in, const Value& s, Args& a) {
                    auto& items = dq(s)->items;
                    for (auto it = items.begin(); it != items.end(); ++it)
                        if (in.eq(*it, a[0])) {
                            items.erase(it);
                            return Value::none();
                        }
                    in.raise("ValueError", in.repr(a[0]) + " is not in deque");
                })
            .method(
                "__len__",
                +[](Interpreter&, const Value& s, Args&) {
                    return Value::integer(static_cast<int64_t>(dq(s)->items.size()));
                })
            .method(
                "__bool__", +[](Interpreter&, const Value& s,
                                Args&) { return Value::boolean(!dq(s)->items.empty()); })
            .method(
                "__iter__",
                +[](Interpreter& in, const Value& s, Args&) {
                    auto& items = dq(s)->items;
                    return in.iter(lang::new_list(std::vector<Value>(items.begin(), items.end())));
                })
            .method(
                "__getitem__",
                +[](Interpreter& in, const Value& s, Args& a) {
                    DequeObj* d = dq(s);
                    return d->items[static_cast<size_t>(deque_index(in, d, a[0]))];
                })
            .method(
                "__setitem__",
                +[](Interpreter& in, const Value& s, Args& a) {
                    DequeObj* d = dq(s);
                    d->items[static_cast<size_t>(deque_index(in, d, a[0]))] = a[1];
                    return Value::none();
                })
            .method(
                "__contains__",
                +[](Interpreter& in, const Value& s, Args& a) {
                    for (auto& v : dq(s)->items)
                        if (in.eq(v, a[0])) return Value::boolean(true);
                    return Value::boolean(false);
                })
            .method(
                "__eq__",
                +[](Interpreter& in, const Value& s, Args& a) {
                    if (!a[0].type()->is_subtype(deque_type()))
                        return Value(lang::Singletons::not_implemented);
                    auto& x = dq(s)->items;
                    auto& y = dq(a[0])->items;
                    if (x.size() != y.size()) return Value::boolean(false);
                    for (size_t i = 0; i < x.size(); ++i)
                        if (!in.eq(x[i], y[i])) return Value::boolean(false);
                    return Value::boolean(true);
                })
            .property("maxlen", [](Interpreter&, const Value& s) {
                int64_t m = dq(s)->maxlen;
                return m < 0 ? Value::none() : Value::integer(m);
            });
        return b.build();
    }();
    return t;
}

void make_collections_module(Interpreter&, lang::Module& m) {
    def_value(m, "defaultdict", Value(defaultdict_type()));
    def_value(m, "Counter", Value(counter_type()));
    def_value(m, "OrderedDict", Value(ordereddict_type()));
    def_value(m, "deque", Value(deque_type()));
    def_closure(m, "namedtuple", [](Interpreter& in, const Value&, Args& args) {
        return make_namedtuple_class(in, args);
    });
}

} // namespace

void register_collections_module(Interpreter& in) {
    in.register_builtin_module("collections", make_collections_module);
}

} // namespace ormsh::api::stdlib
