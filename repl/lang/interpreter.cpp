// The evaluator: walks the resolved AST. Locals live in frame slots, small ints and floats are
// computed inline, and break/continue/return travel as Flow values rather than exceptions.
#include "repl/lang/interpreter.h"

#include "repl/lang/attr_cache.h"
#include "repl/lang/generator.h"
#include "repl/lang/numbers.h"
#include "repl/lang/parser.h"
#include "repl/lang/resolver.h"
#include "repl/lang/small_vector.h"
#include "repl/lang/str_builder.h"
#include "repl/lang/text/errors.h"
#include "repl/lang/text/str_repr.h"

#include <cmath>
#include <cstddef>
#include <cstring>
#include <new>
#include <stdexcept>

namespace ormsh::lang {

namespace {

struct DepthGuard {
    Interpreter& in;
    explicit DepthGuard(Interpreter& i) : in(i) { ++in.depth; }
    ~DepthGuard() { --in.depth; }
};

// The position in d->entries of the entry whose value `v` points at.
size_t dict_entry_index(const Dict* d, const Value* v) {
    auto* e = reinterpret_cast<const Dict::Entry*>(reinterpret_cast<const char*>(v) -
                                                   offsetof(Dict::Entry, value));
    return static_cast<size_t>(e - d->entries.data());
}

bool has_starred(const std::vector<Node*>& elements) {
    for (Node* e : elements)
        if (e->kind == NodeKind::Starred) return true;
    return false;
}

} // namespace

void Interpreter::check_interrupt() {
    poll_interrupt();
    if (gc::allocations_since_collect > 20000) gc::maybe_collect();
}

void Interpreter::poll_interrupt() {
    if (interrupt.load(std::memory_order_relaxed)) {
        interrupt = false;
        raise("KeyboardInterrupt", "");
    }
    if (deadline != std::chrono::steady_clock::time_point{} &&
        std::chrono::steady_clock::now() > deadline)
        raise("KeyboardInterrupt", "");
}

// ---- names ----

Value Interpreter::eval_name(Node* n, Frame& f) {
    switch (n->scope) {
    case Scope::Local: {
        const Value& v = f.slots[n->slot];
        if (!v.empty()) return v;
        raise("UnboundLocalError", "cannot access local variable '" + n->name->s +
                                       "' where it is not associated with a value");
    }
    case Scope::Cell: {
        const Value& c = f.slots[n->slot];
        if (!c.empty()) {
            const Value& v = c.as<Cell>()->value;
            if (!v.empty()) return v;
        }
        raise("NameError", "cannot access free variable '" + n->name->s +
                               "' where it is not associated with a value in enclosing scope");
    }
    case Scope::ClassBody: {
        Value v = f.ns->get_str(n->name);
        if (!v.empty()) return v;
        return eval_global(n, f);
    }
    case Scope::Global:
    case Scope::Unresolved: {
        Dict* g = f.module->dict.get();
        const NameSite* s = n->name_site;
        if (s && s->globals == g && s->globals_version == g->keys_version) {
            if (!s->builtins) return g->entries[s->ix].value;
            const Dict* b = builtins_->dict.get();
            if (s->builtins == b && s->builtins_version == b->keys_version)
                return b->entries[s->ix].value;
        }
        return eval_global(n, f);
    }
    }
    return Value();
}

// A global name read that its site could not answer: looks in the module, then builtins,
// and records where the name was found.
Value Interpreter::eval_global(Node* n, Frame& f) {
    auto entry_index = dict_entry_index;
    if (!n->name_site) n->name_site = new_name_site();
    NameSite& site = *n->name_site;
    Dict* g = f.module->dict.get();
    site.globals = g;
    site.globals_version = g->keys_version;
    if (const Value* v = g->find_str(n->name)) {
        site.builtins = nullptr;
        site.ix = entry_index(g, v);
        return *v;
    }
    Dict* b = builtins_->dict.get();
    if (const Value* v = b->find_str(n->name)) {
        site.builtins = b;
        site.builtins_version = b->keys_version;
        site.ix = entry_index(b, v);
        return *v;
    }
    site.globals = nullptr;
    // `name` lets the traceback suggest a close match, as CPython 3.11's NameError does.
    Value e = new_exception(builtin_type("NameError"),
                            {new_str("name '" + n->name->s + "' is not defined")});
    generic_setattr(e, intern("name"), Value(n->name));
    raise_value(e);
}

void Interpreter::store(Node* t, Value v, Frame& f) {
    switch (t->kind) {
    case NodeKind::Name:
        switch (t->scope) {
        case Scope::Local:
            f.slots[t->slot] = std::move(v);
            return;
        case Scope::Cell:
            f.slots[t->slot].as<Cell>()->value = std::move(v);
            return;
        case Scope::ClassBody:
            f.ns->set_str(t->name, std::move(v));
            return;
        default: {
            // A module-level name assigned over and over (a loop's variable at top level) goes
            // straight to its entry while the module dict's layout holds, as reads do.
            Dict* g = f.module->dict.get();
            NameSite* s = t->name_site;
            if (s && !s->builtins && s->globals == g && s->globals_version == g->keys_version) {
                g->entries[s->ix].value = std::move(v);
                return;
            }
            g->set_str(t->name, std::move(v));
            if (!s) s = t->name_site = new_name_site();
            s->globals = g;
            s->globals_version = g->keys_version;
            s->builtins = nullptr;
            s->ix = dict_entry_index(g, g->find_str(t->name));
            return;
        }
        }
    case NodeKind::Attribute: {
        Value obj = eval(t->a, f);
        store_attr(t, obj, std::move(v));
        return;
    }
    case NodeKind::Subscript: {
        Value obj = eval(t->a, f);
        Value key = eval(t->b, f);
        setitem(obj, key, std::move(v));
        return;
    }
    case NodeKind::TupleLit:
    case NodeKind::ListLit: {
        // A tuple cannot change while its items are stored, so it is read in place.
        std::vector<Value> copied;
        std::span<const Value> items;
        if (has_layout(v, Layout::Tuple)) {
            items = v.as<Tuple>()->items;
        } else {
            copied = has_layout(v, Layout::List) ? v.as<List>()->items : to_vector(v);
            items = copied;
        }
        size_t star = SIZE_MAX;
        for (size_t i = 0; i < t->list.size(); ++i)
            if (t->list[i]->kind == NodeKind::Starred) star = i;
        size_t n = t->list.size();
        if (star == SIZE_MAX) {
            if (items.size() > n)
                raise("ValueError",
                      "too many values to unpack (expected " + std::to_string(n) + ")");
            if (items.size() < n)
                raise("ValueError", "not enough values to unpack (expected " + std::to_string(n) +
                                        ", got " + std::to_string(items.size()) + ")");
            for (size_t i = 0; i < n; ++i)
                store(t->list[i], items[i], f);
            return;
        }
        if (items.size() < n - 1)
            raise("ValueError", "not enough values to unpack (expected at least " +
                                    std::to_string(n - 1) + ", got " +
                                    std::to_string(items.size()) + ")");
        size_t after = n - star - 1;
        for (size_t i = 0; i < star; ++i)
            store(t->list[i], items[i], f);
        std::vector<Value> mid(items.begin() + static_cast<long>(star),
                               items.end() - static_cast<long>(after));
        store(t->list[star]->a, new_list(std::move(mid)), f);
        for (size_t i = 0; i < after; ++i)
            store(t->list[star + 1 + i], items[items.size() - after + i], f);
        return;
    }
    case NodeKind::Starred:
        store(t->a, std::move(v), f);
        return;
    default:
        raise("SyntaxError", "cannot assign");
    }
}

void Interpreter::del_target(Node* t, Frame& f) {
    switch (t->kind) {
    case NodeKind::Name: {
        bool ok = true;
        switch (t->scope) {
        case Scope::Local:
            ok = !f.slots[t->slot].empty();
            f.slots[t->slot] = Value();
            break;
        case Scope::Cell: {
            Cell* c = f.slots[t->slot].as<Cell>();
            ok = !c->value.empty();
            c->value = Value();
            break;
        }
        case Scope::ClassBody:
            ok = f.ns->remove_str(t->name);
            break;
        default:
            ok = f.module->dict->remove_str(t->name);
            break;
        }
        if (!ok) raise("NameError", "name '" + t->name->s + "' is not defined");
        return;
    }
    case NodeKind::Attribute:
        delattr(eval(t->a, f), t->name);
        return;
    case NodeKind::Subscript: {
        Value obj = eval(t->a, f);
        delitem(obj, eval(t->b, f));
        return;
    }
    case NodeKind::TupleLit:
    case NodeKind::ListLit:
        for (Node* e : t->list)
            del_target(e, f);
        return;
    default:
        return;
    }
}

// ---- expressions ----

// The dispatcher stays small so that the common nodes cost a switch and a tail call; the
// bulky cases live in their own functions.
Value Interpreter::eval(Node* n, Frame& f) {
    switch (n->kind) {
    case NodeKind::Const:
        return n->constant;
    case NodeKind::Name:
        if (n->scope == Scope::Local) {
            const Value& v = f.slots[n->slot];
            if (!v.empty()) return v;
        }
        return eval_name(n, f);
    case NodeKind::Attribute:
        return eval_attribute(n, f);
    case NodeKind::Subscript:
        return eval_subscript(n, f);
    case NodeKind::Call:
        return eval_call(n, f);
    case NodeKind::BinOp:
        return eval_binop(n, f);
    case NodeKind::Compare:
        return eval_compare(n, f);
    default:
        return eval_slow(n, f);
    }
}

[[gnu::noinline]] Value Interpreter::eval_attribute(Node* n, Frame& f) {
    Value obj = eval(n->a, f);
    try {
        return load_attr(n, obj);
    } catch (PyException& e) {
        note_attribute_error(e.exc, obj, n->name);
        throw;
    }
}

[[gnu::noinline]] Value Interpreter::eval_subscript(Node* n, Frame& f) {
    Value obj = eval(n->a, f);
    Value key = eval(n->b, f);
    if (obj.is_obj() && key.is_int()) {
        Layout l = obj.obj()->type->layout;
        if (l == Layout::List && obj.obj()->type == Types::list) {
            auto& items = obj.as<List>()->items;
            int64_t i = key.as_int();
            if (i < 0) i += static_cast<int64_t>(items.size());
            if (i >= 0 && i < static_cast<int64_t>(items.size()))
                return items[static_cast<size_t>(i)];
        } else if (l == Layout::Tuple && obj.obj()->type == Types::tuple) {
            auto& items = obj.as<Tuple>()->items;
            int64_t i = key.as_int();
            if (i < 0) i += static_cast<int64_t>(items.size());
            if (i >= 0 && i < static_cast<int64_t>(items.size()))
                return items[static_cast<size_t>(i)];
        }
    }
    return getitem(obj, key);
}

[[gnu::noinline]] Value Interpreter::eval_binop(Node* n, Frame& f) {
    Value a = eval(n->a, f);
    Value b = eval(n->b, f);
    BinOpKind op = static_cast<BinOpKind>(n->op);
    Value r;
    if (fast_binary(op, a, b, r)) return r;
    return binary_op(op, a, b);
}

[[gnu::noinline]] Value Interpreter::eval_compare(Node* n, Frame& f) {
    Value left = eval(n->a, f);
    Value result;
    for (size_t i = 0; i < n->ops.size(); ++i) {
        Value right = eval(n->list[i], f);
        CmpKind op = static_cast<CmpKind>(n->ops[i]);
        if (left.is_int() && right.is_int()) {
            int64_t x = left.as_int(), y = right.as_int();
            bool r = false;
            switch (op) {
            case CmpKind::Lt:
                r = x < y;
                break;
            case CmpKind::Le:
                r = x <= y;
                break;
            case CmpKind::Gt:
                r = x > y;
                break;
            case CmpKind::Ge:
                r = x >= y;
                break;
            case CmpKind::Eq:
            case CmpKind::Is:
                r = x == y;
                break;
            case CmpKind::Ne:
            case CmpKind::IsNot:
                r = x != y;
                break;
            default:
                result = compare(op, left, right);
                goto generic_done;
            }
            result = Value::boolean(r);
        } else {
            result = compare(op, left, right);
        }
    generic_done:
        if (i + 1 < n->ops.size()) {
            if (!truthy(result)) return result;
            left = std::move(right);
        }
    }
    return result;
}

[[gnu::noinline]] Value Interpreter::eval_slow(Node* n, Frame& f) {
    switch (n->kind) {
    case NodeKind::Const:
    case NodeKind::Name:
    case NodeKind::Attribute:
    case NodeKind::Subscript:
    case NodeKind::Call:
    case NodeKind::BinOp:
    case NodeKind::Compare:
        return eval(n, f);
    case NodeKind::SliceExpr: {
        Value a = n->a ? eval(n->a, f) : Value::none();
        Value b = n->b ? eval(n->b, f) : Value::none();
        Value c = n->c ? eval(n->c, f) : Value::none();
        return Value::steal(new Slice(std::move(a), std::move(b), std::move(c)));
    }
    case NodeKind::UnaryOp: {
        Value a = eval(n->a, f);
        if (n->op == static_cast<int>(UnaryKind::Not)) return Value::boolean(!truthy(a));
        return unary_op(static_cast<UnaryKind>(n->op), a);
    }
    case NodeKind::BoolOp: {
        Value v;
        for (size_t i = 0; i < n->list.size(); ++i) {
            v = eval(n->list[i], f);
            if (i + 1 == n->list.size()) break;
            bool t = truthy(v);
            if (n->op == 0 ? !t : t) break;
        }
        return v;
    }
    case NodeKind::IfExp:
        return truthy(eval(n->a, f)) ? eval(n->b, f) : eval(n->c, f);
    case NodeKind::Lambda:
        return make_function(n, f);
    case NodeKind::ListLit:
    case NodeKind::TupleLit:
    case NodeKind::SetLit: {
        if (n->kind == NodeKind::TupleLit && !has_starred(n->list)) {
            Ref<Tuple> t(Tuple::alloc(n->list.size())); // filled in place: one allocation
            for (size_t i = 0; i < n->list.size(); ++i)
                t->items[i] = eval(n->list[i], f);
            return t;
        }
        std::vector<Value> items;
        items.reserve(n->list.size());
        for (Node* e : n->list) {
            if (e->kind == NodeKind::Starred) {
                for (auto& x : to_vector(eval(e->a, f)))
                    items.push_back(std::move(x));
            } else {
                items.push_back(eval(e, f));
            }
        }
        if (n->kind == NodeKind::ListLit) return new_list(std::move(items));
        if (n->kind == NodeKind::TupleLit) return new_tuple(std::move(items));
        Ref<Set> s = make<Set>();
        for (auto& x : items)
            s->add(*this, x);
        return s;
    }
    case NodeKind::DictLit: {
        Ref<Dict> d = make<Dict>();
        for (size_t i = 0; i < n->list.size(); ++i) {
            if (!n->list[i]) {
                Value other = eval(n->list2[i], f);
                if (has_layout(other, Layout::Dict)) {
                    for (auto& e : other.as<Dict>()->entries)
                        if (!e.key.empty()) d->set(*this, e.key, e.value);
                } else {
                    Value keys = call_method(other, "keys", {});
                    for (auto& k : to_vector(keys))
                        d->set(*this, k, getitem(other, k));
                }
                continue;
            }
            Value k = eval(n->list[i], f);
            Value v = eval(n->list2[i], f);
            d->set(*this, k, std::move(v));
        }
        return d;
    }
    case NodeKind::ListComp:
    case NodeKind::SetComp:
    case NodeKind::DictComp:
        return eval_comprehension(n, f);
    case NodeKind::GenExp: {
        Value first = iter(eval(n->b, f));
        return call(make_function(n, f), {first});
    }
    case NodeKind::Starred:
        raise("SyntaxError", "can't use starred expression here");
    case NodeKind::FString:
        return eval_fstring(n, f);
    case NodeKind::Yield: {
        if (f.collect) {
            f.collect->items.push_back(eval(n->a, f));
            return Value::none();
        }
        if (!f.gen) raise("SyntaxError", "'yield' outside function");
        return generator_yield(*this, f, n->a ? eval(n->a, f) : Value::none());
    }
    case NodeKind::YieldFrom: {
        if (!f.gen) raise("SyntaxError", "'yield' outside function");
        return generator_yield_from(*this, f, eval(n->a, f));
    }
    case NodeKind::NamedExpr: {
        Value v = eval(n->b, f);
        store(n->a, v, f);
        return v;
    }
    default:
        raise("SystemError", std::string("cannot evaluate ") + node_kind_name(n->kind));
    }
}

Value Interpreter::eval_fstring(Node* n, Frame& f) {
    StrBuilder out;
    for (Node* p : n->list) {
        if (p->kind == NodeKind::Const) {
            out.append(as_str(p->constant));
            continue;
        }
        Value v = eval(p->a, f);
        if (p->op == 'r')
            v = new_str(repr(v));
        else if (p->op == 's')
            v = to_str_value(v);
        else if (p->op == 'a')
            v = new_str(text::ascii_escape(repr(v)));
        std::string spec;
        if (p->b) spec = as_str(eval_fstring(p->b, f))->s;
        if (spec.empty() && is_str(v) && !v.type()->heap) // str subclasses may format otherwise
            out.append(as_str(v));
        else if (spec.empty() && v.is_int())
            out.append_int(v.as_int());
        else
            out.append(format(v, spec));
    }
    return out.finish();
}

void Interpreter::comp_loop(Node* n, size_t level, Frame& f, const std::function<void()>& emit) {
    Node* gen = n->list[level];
    Value iterable = eval(gen->b, f);
    auto body = [&](Value item) {
        store(gen->a, std::move(item), f);
        for (Node* cond : gen->list)
            if (!truthy(eval(cond, f))) return;
        if (level + 1 < n->list.size())
            comp_loop(n, level + 1, f, emit);
        else
            emit();
    };
    if (has_layout(iterable, Layout::List)) {
        Ref<List> l(iterable.as<List>());
        for (size_t i = 0; i < l->items.size(); ++i) {
            poll_interrupt_sometimes();
            body(l->items[i]);
        }
        return;
    }
    if (has_layout(iterable, Layout::Range)) {
        Range* r = iterable.as<Range>();
        int64_t len = r->length();
        for (int64_t i = 0; i < len; ++i) {
            poll_interrupt_sometimes();
            body(Value::integer(r->start + i * r->step));
        }
        return;
    }
    Value it = iter(iterable);
    Value x;
    while (next(it, x))
        body(std::move(x));
}

Value Interpreter::eval_comprehension(Node* n, Frame& f) {
    if (n->kind == NodeKind::DictComp) {
        Ref<Dict> d = make<Dict>();
        comp_loop(n, 0, f, [&] {
            Value k = eval(n->a, f);
            d->set(*this, k, eval(n->b, f));
        });
        return d;
    }
    if (n->kind == NodeKind::SetComp) {
        Ref<Set> s = make<Set>();
        comp_loop(n, 0, f, [&] { s->add(*this, eval(n->a, f)); });
        return s;
    }
    Ref<List> l = make<List>();
    comp_loop(n, 0, f, [&] { l->items.push_back(eval(n->a, f)); });
    return l;
}

// Builtins that read their whole argument before doing anything else (sum, sorted, list,
// "".join, ...): a generator expression passed to them can be run to the end at once, which
// saves a stack switch per item and cannot be told apart.
bool Interpreter::consumes_whole_iterable(const Value& fn, const Value& self) {
    if (!self.empty())
        return is_str(self) && has_layout(fn, Layout::NativeFunction) &&
               fn.as<NativeFunction>()->name == "join";
    Object* o = fn.obj_or_null();
    if (!o) return false;
    if (o == Types::list || o == Types::tuple || o == Types::set || o == Types::frozenset ||
        o == Types::dict)
        return true;
    if (!has_layout(fn, Layout::NativeFunction)) return false;
    for (const char* name : {"sum", "sorted", "min", "max"})
        if (builtins_->dict->get_str(name).obj_or_null() == o) return true;
    return false;
}

// Runs a generator expression's hidden function (Parser::generator_function) to completion in
// a plain frame whose yields append to a list.
Value Interpreter::collect_generator_expression(Node* n, Frame& f) {
    Value first = iter(eval(n->b, f));
    Value fn_value = make_function(n, f);
    Function* fn = fn_value.as<Function>();
    CodeInfo& code = *n->code;
    std::vector<Value> slots(static_cast<size_t>(code.n_slots));
    slots[0] = std::move(first);
    for (int c : code.cell_slots) {
        Ref<Cell> cell = make<Cell>();
        cell->value = std::move(slots[static_cast<size_t>(c)]);
        slots[static_cast<size_t>(c)] = cell;
    }
    for (size_t i = 0; i < code.free_slots.size(); ++i)
        slots[static_cast<size_t>(code.free_slots[i])] = fn->closure[i];
    Ref<List> out = make<List>();
    Frame fr;
    fr.code = &code;
    fr.slots = slots.data();
    fr.module = fn->module.get();
    fr.func = fn;
    fr.back = frame;
    fr.line = code.line;
    fr.collect = out.get();
    frame = &fr;
    DepthGuard dg(*this);
    try {
        exec_block(code.body, fr);
        frame = fr.back;
    } catch (PyException& e) {
        frame = fr.back;
        if (fr.back) push_traceback(e.exc, *fr.back);
        throw;
    }
    return out;
}

Value Interpreter::eval_call(Node* n, Frame& f) {
    SmallVector<Value, 8> pos;
    SmallVector<KwArg, 4> kws;
    Value self;
    Value fn;
    Node* callee = n->a;
    bool direct_method = false;
    if (callee->kind == NodeKind::Attribute) {
        // obj.method(...): call the class's function with obj as self, without a bound method.
        Value obj = eval(callee->a, f);
        Object* o = obj.obj_or_null();
        AttrSite& site = attr_site(callee, obj.type());
        if (site.load == AttrLoad::Method &&
            (!o || !o->attrs || !static_cast<Dict*>(o->attrs)->find_str(callee->name))) {
            fn = site.descr;
            self = std::move(obj);
            direct_method = true;
        } else {
            fn = load_attr(callee, obj);
        }
    } else {
        fn = eval(callee, f);
    }
    for (Node* a : n->list) {
        if (a->kind == NodeKind::Starred) {
            Value v = eval(a->a, f);
            if (has_layout(v, Layout::Tuple)) {
                for (auto& x : v.as<Tuple>()->items)
                    pos.push_back(x);
            } else if (has_layout(v, Layout::List)) {
                for (auto& x : v.as<List>()->items)
                    pos.push_back(x);
            } else {
                for (auto& x : to_vector(v))
                    pos.push_back(std::move(x));
            }
        } else if (a->kind == NodeKind::GenExp && n->list.size() == 1 &&
                   consumes_whole_iterable(fn, self)) {
            pos.push_back(collect_generator_expression(a, f));
        } else {
            pos.push_back(eval(a, f));
        }
    }
    for (Node* k : n->list2) {
        if (k->kind == NodeKind::Keyword) {
            kws.push_back({k->name, eval(k->a, f)});
            continue;
        }
        Value m = eval(k->a, f);
        std::vector<std::pair<Value, Value>> items;
        if (has_layout(m, Layout::Dict)) {
            for (auto& e : m.as<Dict>()->entries)
                if (!e.key.empty()) items.emplace_back(e.key, e.value);
        } else {
            if (getattr_opt(m, intern("keys")).empty())
                raise("TypeError",
                      repr(fn) + " argument after ** must be a mapping, not " + type_name(m));
            for (auto& key : to_vector(call_method(m, "keys", {})))
                items.emplace_back(key, getitem(m, key));
        }
        for (auto& [key, val] : items) {
            if (!is_str(key)) raise("TypeError", "keywords must be strings");
            Str* name = intern(as_str(key)->s);
            for (auto& existing : kws)
                if (existing.name == name)
                    raise("TypeError",
                          "got multiple values for keyword argument '" + name->s + "'");
            kws.push_back({name, val});
        }
    }
    f.line = n->line;
    Args args{pos.span(), kws.span()};
    if (direct_method) {
        if (has_layout(fn, Layout::Function)) return call_function(fn.as<Function>(), &self, args);
        NativeFunction* nf = fn.as<NativeFunction>();
        try {
            if (nf->fn) return nf->fn(*this, self, args);
            return nf->closure(*this, self, args);
        } catch (text::FormatError& e) {
            raise(e.kind_name(), e.what());
        }
    }
    return call(fn, args);
}

Value Interpreter::make_function(Node* n, Frame& f) {
    CodeInfo& code = *n->code;
    Ref<Function> fn = make<Function>();
    fn->code = n->code;
    fn->ast = code.arena.lock();
    fn->module = Ref<Module>(f.module);
    fn->name = code.name;
    fn->qualname = code.qualname;
    for (Node* d : code.defaults)
        fn->defaults.push_back(eval(d, f));
    if (code.n_kwonly) {
        for (int i = 0; i < code.n_kwonly; ++i) {
            Node* d = code.kw_defaults[static_cast<size_t>(i)];
            if (!d) continue;
            if (!fn->kwdefaults) fn->kwdefaults = make<Dict>();
            fn->kwdefaults->set_str(code.params[static_cast<size_t>(code.n_positional + i)],
                                    eval(d, f));
        }
    }
    if (!code.annotations.empty()) {
        Ref<Dict> annotations = make<Dict>();
        for (size_t i = 0; i < code.annotations.size(); ++i)
            annotations->set_str(code.annotation_names[i], eval(code.annotations[i], f));
        setattr(Value(fn), intern("__annotations__"), Value(annotations));
    }
    for (int src : code.free_src_slots) {
        Value& c = f.slots[src];
        if (c.empty() || !has_layout(c, Layout::Cell)) c = Value::steal(new Cell());
        fn->closure.push_back(Ref<Cell>(c.as<Cell>()));
    }
    return fn;
}

// ---- statements ----

// `name: annotation` in a module or class body: kept in order in the namespace's
// __annotations__ dict (created by the first one), which class-building code reads.
void Interpreter::record_annotation(Frame& f, Str* name, const Value& annotation) {
    Dict* ns = f.ns ? f.ns : f.module->dict.get();
    Value existing = ns->get_str("__annotations__");
    if (existing.empty() || !has_layout(existing, Layout::Dict)) {
        existing = Value(make<Dict>());
        ns->set_str("__annotations__", existing);
    }
    existing.as<Dict>()->set_str(name, annotation);
}

Flow Interpreter::exec_block(const std::vector<Node*>& body, Frame& f) {
    for (Node* s : body) {
        Flow fl;
        try {
            fl = exec(s, f);
        } catch (const std::bad_alloc&) {
            // A value too big for memory ('a' * 10**12) is Python's MemoryError, not an abort.
            raise("MemoryError", "");
        } catch (const std::length_error&) {
            raise("MemoryError", "");
        }
        if (fl != Flow::Normal) return fl;
    }
    return Flow::Normal;
}

Flow Interpreter::exec_for(Node* n, Frame& f) {
    Value iterable = eval(n->b, f);
    Node* target = n->a;
    bool simple = target->kind == NodeKind::Name && target->scope == Scope::Local;
    auto run_body = [&](Value item) -> int {
        if (simple)
            f.slots[target->slot] = std::move(item);
        else
            store(target, std::move(item), f);
        Flow fl = exec_block(n->list, f);
        if (fl == Flow::Break) return 1;
        if (fl == Flow::Return) return 2;
        return 0;
    };
    int r = 0;
    if (has_layout(iterable, Layout::Range)) {
        Range* rg = iterable.as<Range>();
        int64_t len = rg->length();
        for (int64_t i = 0; i < len; ++i) {
            if ((i & 1023) == 0) check_interrupt();
            r = run_body(Value::integer(rg->start + i * rg->step));
            if (r) break;
        }
    } else if (has_layout(iterable, Layout::List)) {
        Ref<List> l(iterable.as<List>());
        for (size_t i = 0; i < l->items.size(); ++i) {
            if ((i & 1023) == 0) check_interrupt();
            r = run_body(l->items[i]);
            if (r) break;
        }
    } else {
        Value it = iter(iterable);
        Value x;
        size_t count = 0;
        while (next(it, x)) {
            if ((++count & 1023) == 0) check_interrupt();
            r = run_body(std::move(x));
            if (r) break;
        }
    }
    if (r == 2) return Flow::Return;
    if (r == 0 && !n->list3.empty()) return exec_block(n->list3, f);
    return Flow::Normal;
}

Flow Interpreter::exec_try(Node* n, Frame& f) {
    Flow flow = Flow::Normal;
    bool has_finally = !n->list4.empty();
    try {
        bool handled = false;
        try {
            flow = exec_block(n->list, f);
        } catch (PyException& e) {
            Value exc = e.exc;
            for (Node* h : n->list2) {
                if (h->a) {
                    Value spec = eval(h->a, f);
                    if (!exception_matches(exc, spec)) continue;
                }
                handling.push_back(exc);
                if (h->b) store(h->b, exc, f);
                try {
                    flow = exec_block(h->list, f);
                } catch (...) {
                    handling.pop_back();
                    if (h->b && h->b->scope == Scope::Local) f.slots[h->b->slot] = Value();
                    throw;
                }
                handling.pop_back();
                if (h->b && h->b->scope == Scope::Local)
                    f.slots[h->b->slot] = Value();
                else if (h->b && h->b->scope == Scope::ClassBody)
                    f.ns->remove_str(h->b->name);
                else if (h->b && h->b->scope == Scope::Global)
                    f.module->dict->remove_str(h->b->name);
                handled = true;
                break;
            }
            if (!handled) throw;
        }
        if (!handled && flow == Flow::Normal && !n->list3.empty()) flow = exec_block(n->list3, f);
    } catch (...) { // also generator close: finally blocks run
        if (has_finally) {
            Flow ff = exec_block(n->list4, f);
            if (ff != Flow::Normal) return ff;
        }
        throw;
    }
    if (has_finally) {
        Value saved = f.ret;
        Flow ff = exec_block(n->list4, f);
        if (ff != Flow::Normal) return ff;
        f.ret = saved;
    }
    return flow;
}

Flow Interpreter::exec_with(Node* n, Frame& f, size_t item) {
    if (item == n->list2.size()) return exec_block(n->list, f);
    Node* it = n->list2[item];
    Value mgr = eval(it->a, f);
    Type* t = mgr.type();
    Value enter = t->lookup("__enter__");
    Value exitf = t->lookup("__exit__");
    if (enter.empty())
        raise("TypeError",
              "'" + t->name + "' object does not support the context manager protocol");
    if (exitf.empty())
        raise(
            "TypeError",
            "'" + t->name +
                "' object does not support the context manager protocol (missed __exit__ method)");
    Value bound_exit = getattr(mgr, intern("__exit__"));
    Value entered = call_method(mgr, "__enter__", {});
    Flow flow;
    try {
        if (it->b) store(it->b, entered, f);
        flow = exec_with(n, f, item + 1);
    } catch (PyException& e) {
        Value exc = e.exc;
        handling.push_back(exc);
        Value r;
        try {
            r = call(bound_exit, {Value(exc.type()), exc, Value::none()});
        } catch (...) {
            handling.pop_back();
            throw;
        }
        handling.pop_back();
        if (truthy(r)) return Flow::Normal;
        throw;
    }
    call(bound_exit, {Value::none(), Value::none(), Value::none()});
    return flow;
}

void Interpreter::raise_stmt(Node* n, Frame& f) {
    if (!n->a) {
        if (handling.empty()) raise("RuntimeError", "No active exception to reraise");
        throw PyException{handling.back()};
    }
    Value e = eval(n->a, f);
    if (has_layout(e, Layout::Type)) {
        if (!e.as<Type>()->is_subtype(Types::base_exception))
            raise("TypeError", "exceptions must derive from BaseException");
        e = call(e, {});
    }
    if (!e.type()->is_subtype(Types::base_exception))
        raise("TypeError", "exceptions must derive from BaseException");
    if (n->b) {
        Value cause = eval(n->b, f);
        if (has_layout(cause, Layout::Type)) cause = call(cause, {});
        ExceptionObj* eo = e.as<ExceptionObj>();
        eo->cause = cause.is_none() ? Value() : cause;
        eo->suppress_context = true;
    }
    raise_value(e);
}

// `target op= value`: the target is read once (object and key evaluated once), the in-place
// operator applied, and the result stored back.
void Interpreter::exec_augassign(Node* n, Frame& f) {
    Node* t = n->a;
    BinOpKind op = static_cast<BinOpKind>(n->op);
    auto apply = [&](const Value& cur, const Value& rhs) {
        Value r;
        if (fast_binary(op, cur, rhs, r)) return r;
        return binary_op(op, cur, rhs, true);
    };
    if (t->kind == NodeKind::Name) {
        Value cur = t->scope == Scope::Local && !f.slots[t->slot].empty() ? f.slots[t->slot]
                                                                          : eval_name(t, f);
        Value rhs = eval(n->b, f);
        Value r = apply(cur, rhs);
        cur = Value(); // drop our reference first, so the old value can be freed at the store
        if (t->scope == Scope::Local)
            f.slots[t->slot] = std::move(r);
        else
            store(t, std::move(r), f);
    } else if (t->kind == NodeKind::Attribute) {
        Value obj = eval(t->a, f);
        Value cur = load_attr(t, obj);
        Value rhs = eval(n->b, f);
        store_attr(t, obj, apply(cur, rhs));
    } else {
        Value obj = eval(t->a, f);
        Value key = eval(t->b, f);
        Value cur = getitem(obj, key);
        Value rhs = eval(n->b, f);
        setitem(obj, key, apply(cur, rhs));
    }
}

// Like eval, a small dispatcher for the frequent statements; the rest is in exec_slow.
Flow Interpreter::exec(Node* n, Frame& f) {
    f.line = n->line;
    switch (n->kind) {
    case NodeKind::ExprStmt:
        eval(n->a, f);
        return Flow::Normal;
    case NodeKind::Assign:
        if (n->list.size() == 1 && n->list[0]->kind == NodeKind::Name &&
            n->list[0]->scope == Scope::Local) {
            Value v = eval(n->a, f);
            f.slots[n->list[0]->slot] = std::move(v);
            return Flow::Normal;
        }
        return exec_slow(n, f);
    case NodeKind::AugAssign:
        exec_augassign(n, f);
        return Flow::Normal;
    case NodeKind::Return:
        f.ret = n->a ? eval(n->a, f) : Value::none();
        return Flow::Return;
    default:
        return exec_slow(n, f);
    }
}

[[gnu::noinline]] Flow Interpreter::exec_slow(Node* n, Frame& f) {
    switch (n->kind) {
    case NodeKind::ExprStmt:
        eval(n->a, f);
        return Flow::Normal;
    case NodeKind::Assign: {
        Value v = eval(n->a, f);
        if (n->list.size() == 1) {
            Node* t = n->list[0];
            if (t->kind == NodeKind::Name && t->scope == Scope::Local) {
                f.slots[t->slot] = std::move(v);
                return Flow::Normal;
            }
            store(t, std::move(v), f);
            return Flow::Normal;
        }
        for (Node* t : n->list)
            store(t, v, f);
        return Flow::Normal;
    }
    case NodeKind::AugAssign:
        exec_augassign(n, f);
        return Flow::Normal;
    case NodeKind::AnnAssign:
        if (n->c) store(n->a, eval(n->c, f), f);
        if (!f.code->is_class && !f.code->is_module) return Flow::Normal; // locals: not evaluated
        {
            Value annotation = eval(n->b, f);
            if (n->a->kind == NodeKind::Name) record_annotation(f, n->a->name, annotation);
        }
        return Flow::Normal;
    case NodeKind::If:
        while (true) {
            if (truthy(eval(n->a, f))) return exec_block(n->list, f);
            if (n->list3.size() == 1 && n->list3[0]->kind == NodeKind::If) {
                n = n->list3[0];
                f.line = n->line;
                continue;
            }
            return exec_block(n->list3, f);
        }
    case NodeKind::While: {
        size_t count = 0;
        while (truthy(eval(n->a, f))) {
            if ((++count & 1023) == 0) check_interrupt();
            Flow fl = exec_block(n->list, f);
            if (fl == Flow::Break) return Flow::Normal;
            if (fl == Flow::Return) return fl;
            f.line = n->line;
        }
        return exec_block(n->list3, f);
    }
    case NodeKind::For:
        return exec_for(n, f);
    case NodeKind::Break:
        return Flow::Break;
    case NodeKind::Continue:
        return Flow::Continue;
    case NodeKind::Pass:
    case NodeKind::Global:
    case NodeKind::Nonlocal:
        return Flow::Normal;
    case NodeKind::Return:
        f.ret = n->a ? eval(n->a, f) : Value::none();
        return Flow::Return;
    case NodeKind::FunctionDef: {
        Value fn = make_function(n, f);
        for (auto it = n->list2.rbegin(); it != n->list2.rend(); ++it) {
            Value deco = eval(*it, f);
            fn = call(deco, {fn});
        }
        store(n->a, std::move(fn), f);
        return Flow::Normal;
    }
    case NodeKind::ClassDef: {
        Value cls = make_class(n, f);
        store(n->a, std::move(cls), f);
        return Flow::Normal;
    }
    case NodeKind::Try:
        return exec_try(n, f);
    case NodeKind::Raise:
        raise_stmt(n, f);
        return Flow::Normal;
    case NodeKind::With:
        return exec_with(n, f, 0);
    case NodeKind::Import:
        exec_import(n, f);
        return Flow::Normal;
    case NodeKind::ImportFrom:
        exec_import_from(n, f);
        return Flow::Normal;
    case NodeKind::Delete:
        for (Node* t : n->list)
            del_target(t, f);
        return Flow::Normal;
    case NodeKind::Assert:
        if (!truthy(eval(n->a, f))) {
            if (n->b) {
                Value msg = eval(n->b, f);
                raise_value(new_exception(builtin_type("AssertionError"), {msg}));
            }
            raise_value(new_exception(builtin_type("AssertionError"), {}));
        }
        return Flow::Normal;
    default:
        eval(n, f);
        return Flow::Normal;
    }
}

Value Interpreter::make_class(Node* n, Frame& f) {
    std::vector<Ref<Type>> bases;
    std::vector<KwArg> kwargs;
    for (Node* b : n->list) {
        if (b->kind == NodeKind::Keyword) {
            Value v = eval(b->a, f);
            if (b->name->s == "metaclass") continue; // metaclasses are not modelled
            kwargs.push_back({b->name, v});
            continue;
        }
        Value v = eval(b, f);
        if (!has_layout(v, Layout::Type)) {
            // __mro_entries__-less: only classes are valid bases.
            raise("TypeError", "bases must be types");
        }
        bases.emplace_back(v.as<Type>());
    }
    CodeInfo& code = *n->code;
    Ref<Dict> ns = make<Dict>();
    // `__module__ = __name__`, a global name: globals without one (exec() given a bare dict)
    // find builtins' own.
    Value module_name = f.module->dict->get_str(intern("__name__"));
    if (module_name.empty()) module_name = builtins_->dict->get_str(intern("__name__"));
    ns->set_str(intern("__module__"), module_name);
    ns->set_str(intern("__qualname__"), new_str(code.qualname));
    std::vector<Value> slots(static_cast<size_t>(code.n_slots));
    Frame cf;
    cf.code = &code;
    cf.slots = slots.data();
    cf.module = f.module;
    cf.ns = ns.get();
    cf.back = &f;
    cf.line = code.line;
    for (int c : code.cell_slots)
        slots[static_cast<size_t>(c)] = Value::steal(new Cell());
    for (size_t i = 0; i < code.free_slots.size(); ++i)
        slots[static_cast<size_t>(code.free_slots[i])] = f.slots[code.free_src_slots[i]];
    Frame* saved = frame;
    frame = &cf;
    try {
        exec_block(code.body, cf);
    } catch (PyException& e) {
        frame = saved;
        push_traceback(e.exc, f);
        throw;
    }
    frame = saved;
    Ref<Type> created = create_class(code.name, std::move(bases), ns, std::move(kwargs));
    Value cls(created.get());
    // A body that assigns __module__ names the class's module itself (create_class took it).
    Value assigned = ns->get_str(intern("__module__"));
    if (!is_str(assigned) || assigned.is(module_name)) cls.as<Type>()->module = f.module->name;
    for (auto it = n->list2.rbegin(); it != n->list2.rend(); ++it) {
        Value deco = eval(*it, f);
        cls = call(deco, {cls});
    }
    return cls;
}

// ---- function calls ----

Value Interpreter::call_function(Function* fn, const Value* self, Args& args) {
    CodeInfo& code = *fn->code;
    if (depth >= recursion_limit) raise("RecursionError", "maximum recursion depth exceeded");
    poll_interrupt_sometimes();
    const size_t nslots = static_cast<size_t>(code.n_slots);
    const size_t npos = static_cast<size_t>(code.n_positional);
    Value* slots = static_cast<Value*>(alloca(sizeof(Value) * (nslots ? nslots : 1)));
    for (size_t i = 0; i < nslots; ++i)
        new (&slots[i]) Value();
    struct SlotGuard {
        Value* s;
        size_t n;
        ~SlotGuard() {
            for (size_t i = 0; i < n; ++i)
                s[i].~Value();
        }
    } guard{slots, nslots};

    // Bind positional arguments.
    size_t given = args.pos.size() + (self ? 1 : 0);
    size_t k = 0;
    auto pos_at = [&](size_t i) -> const Value& {
        return self ? (i == 0 ? *self : args.pos[i - 1]) : args.pos[i];
    };
    size_t nbind = given < npos ? given : npos;
    for (; k < nbind; ++k)
        slots[k] = pos_at(k);
    size_t varargs_slot = npos + static_cast<size_t>(code.n_kwonly);
    if (given > npos) {
        if (!code.has_varargs) {
            size_t ndef = fn->defaults.size();
            std::string takes =
                ndef ? "from " + std::to_string(npos - ndef) + " to " + std::to_string(npos)
                     : std::to_string(npos);
            raise("TypeError", fn->qualname + "() takes " + takes + " positional argument" +
                                   (npos == 1 && !ndef ? "" : "s") + " but " +
                                   std::to_string(given) + (given == 1 ? " was" : " were") +
                                   " given");
        }
        std::vector<Value> extra;
        for (size_t i = npos; i < given; ++i)
            extra.push_back(pos_at(i));
        slots[varargs_slot] = new_tuple(std::move(extra));
    } else if (code.has_varargs) {
        slots[varargs_slot] = new_tuple({});
    }
    Ref<Dict> varkw;
    if (code.has_varkw) varkw = make<Dict>();
    for (const KwArg& kw : args.kw) {
        size_t idx = SIZE_MAX;
        size_t nnamed = npos + static_cast<size_t>(code.n_kwonly);
        for (size_t i = static_cast<size_t>(code.n_posonly); i < nnamed; ++i)
            if (code.params[i] == kw.name) {
                idx = i;
                break;
            }
        if (idx == SIZE_MAX) {
            for (size_t i = static_cast<size_t>(code.n_posonly); i < nnamed && idx == SIZE_MAX; ++i)
                if (code.params[i]->s == kw.name->s) idx = i;
        }
        if (idx == SIZE_MAX) {
            if (varkw) {
                varkw->set_str(kw.name, kw.value);
                continue;
            }
            raise("TypeError",
                  fn->qualname + "() got an unexpected keyword argument '" + kw.name->s + "'");
        }
        if (!slots[idx].empty())
            raise("TypeError",
                  fn->qualname + "() got multiple values for argument '" + kw.name->s + "'");
        slots[idx] = kw.value;
    }
    if (varkw) slots[varargs_slot + (code.has_varargs ? 1 : 0)] = varkw;
    // Defaults and missing arguments.
    if (given < npos || code.n_kwonly) {
        size_t ndef = fn->defaults.size();
        std::vector<std::string> missing;
        for (size_t i = 0; i < npos; ++i) {
            if (!slots[i].empty()) continue;
            if (i >= npos - ndef)
                slots[i] = fn->defaults[i - (npos - ndef)];
            else
                missing.push_back(code.params[i]->s);
        }
        auto report = [&](const char* kind) {
            std::string names;
            for (size_t i = 0; i < missing.size(); ++i) {
                if (i)
                    names +=
                        missing.size() == 2 ? " and " : (i + 1 == missing.size() ? ", and " : ", ");
                names += "'" + missing[i] + "'";
            }
            raise("TypeError", fn->qualname + "() missing " + std::to_string(missing.size()) +
                                   " required " + kind + " argument" +
                                   (missing.size() == 1 ? "" : "s") + ": " + names);
        };
        if (!missing.empty()) report("positional");
        for (size_t i = npos; i < npos + static_cast<size_t>(code.n_kwonly); ++i) {
            if (!slots[i].empty()) continue;
            Value d = fn->kwdefaults ? fn->kwdefaults->get_str(code.params[i]) : Value();
            if (d.empty())
                missing.push_back(code.params[i]->s);
            else
                slots[i] = d;
        }
        if (!missing.empty()) report("keyword-only");
    }
    for (int c : code.cell_slots) {
        Ref<Cell> cell = make<Cell>();
        cell->value = std::move(slots[c]);
        slots[c] = cell;
    }
    for (size_t i = 0; i < code.free_slots.size(); ++i)
        slots[code.free_slots[i]] = fn->closure[i];

    if (code.is_generator) {
        std::vector<Value> heap_slots(nslots);
        for (size_t i = 0; i < nslots; ++i)
            heap_slots[i] = std::move(slots[i]);
        return make_generator(*this, fn, std::move(heap_slots));
    }

    Frame fr;
    fr.code = &code;
    fr.slots = slots;
    fr.module = fn->module.get();
    fr.func = fn;
    fr.back = frame;
    fr.line = code.line;
    frame = &fr;
    DepthGuard dg(*this);
    try {
        Flow fl = exec_block(code.body, fr);
        frame = fr.back;
        if (fl == Flow::Return) return std::move(fr.ret);
        return Value::none();
    } catch (PyException& e) {
        frame = fr.back;
        if (fr.back) push_traceback(e.exc, *fr.back);
        throw;
    }
}

void Interpreter::run_module_code(CodeInfo& code, Module& m) {
    run_top_level(code, m, nullptr);
}

Value Interpreter::run_top_level(CodeInfo& code, Module& m, Dict* locals) {
    std::vector<Value> slots(static_cast<size_t>(code.n_slots));
    for (int c : code.cell_slots)
        slots[static_cast<size_t>(c)] = Value::steal(new Cell());
    Frame fr;
    fr.code = &code;
    fr.slots = slots.data();
    fr.module = &m;
    fr.ns = locals;
    fr.back = frame;
    frame = &fr;
    try {
        exec_block(code.body, fr);
    } catch (PyException& e) {
        frame = fr.back;
        if (fr.back) push_traceback(e.exc, *fr.back);
        throw;
    }
    frame = fr.back;
    return fr.ret;
}

} // namespace ormsh::lang
