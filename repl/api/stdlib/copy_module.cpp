// The `copy` module: copy() and deepcopy() for the builtin containers (subclasses keep their
// class and attributes), objects of Python classes (a new instance without __init__, with its
// __dict__ copied), __copy__ / __deepcopy__ hooks, and deepcopy's memo for shared and
// recursive structures. Immutable values are returned as they are, as in CPython.
#include "repl/api/stdlib/module_util.h"
#include "repl/api/stdlib/stdlib_modules.h"

#include <unordered_map>

namespace ormsh::api::stdlib {

namespace {

using lang::Dict;
using lang::Layout;

bool is_atomic(const Value& v) {
    if (!v.is_obj()) return true;
    switch (v.type()->layout) {
    case Layout::Str:
    case Layout::Bytes:
    case Layout::BigInt:
    case Layout::Type:
    case Layout::Function:
    case Layout::NativeFunction:
    case Layout::BoundMethod:
    case Layout::Range:
    case Layout::Slice:
    case Layout::Module:
    case Layout::Property:
    case Layout::Singleton:
        return true;
    case Layout::Set:
        return v.as<lang::Set>()->frozen && !v.type()->heap;
    default:
        return false;
    }
}

// A new, empty object of `v`'s class with the same layout (no __init__ call).
Value blank_like(const Value& v) {
    Type* cls = v.type();
    lang::Object* o = nullptr;
    switch (cls->layout) {
    case Layout::List:
        o = new lang::List();
        break;
    case Layout::Tuple:
        o = lang::Tuple::alloc(v.as<lang::Tuple>()->items.size());
        break;
    case Layout::Dict:
        o = new Dict();
        break;
    case Layout::Set:
        o = new lang::Set(v.as<lang::Set>()->frozen);
        break;
    case Layout::Object:
        for (Type* t : cls->mro)
            if (t->alloc) {
                o = t->alloc(cls);
                break;
            }
        if (!o) {
            o = new lang::Object(cls);
            o->track();
        }
        break;
    default:
        return Value();
    }
    if (o->type != cls) {
        o->type->decref();
        o->type = cls;
        cls->incref();
    }
    return Value::steal(o);
}

class Copier {
public:
    Copier(Interpreter& in, bool deep, Value memo) : in_(in), deep_(deep), memo_(std::move(memo)) {}

    Value copy(const Value& v) {
        if (is_atomic(v)) return v;
        if (deep_) {
            if (Value seen = memo_get(v); !seen.empty()) return seen;
        }
        const char* hook = deep_ ? "__deepcopy__" : "__copy__";
        if (!v.type()->lookup(hook).empty()) {
            Value r = deep_ ? in_.call(in_.getattr(v, hook), {memo_value()})
                            : in_.call(in_.getattr(v, hook), {});
            if (deep_) memo_put(v, r);
            return r;
        }
        Layout layout = v.type()->layout;
        bool native_object = layout == Layout::Object && !v.type()->heap;
        if (native_object ||
            (layout != Layout::Object && layout != Layout::List && layout != Layout::Tuple &&
             layout != Layout::Dict && layout != Layout::Set))
            return v; // native values (datetime, Decimal, UUID, ...) are immutable here
        if (layout == Layout::Tuple && !v.type()->heap) return copy_tuple(v);
        Value out = blank_like(v);
        if (deep_) memo_put(v, out);
        fill(v, out);
        copy_attrs(v, out);
        return out;
    }

    Value memo_value() {
        if (memo_.empty() || memo_.is_none()) memo_ = Value(lang::make<Dict>().get());
        return memo_;
    }

private:
    Value item(const Value& v) { return deep_ ? copy(v) : v; }

    Value copy_tuple(const Value& v) {
        if (!deep_) return v;
        auto& items = v.as<lang::Tuple>()->items;
        std::vector<Value> out;
        bool same = true;
        for (auto& x : items) {
            out.push_back(copy(x));
            same = same && out.back().is(x);
        }
        if (same) return v;
        Value t = lang::new_tuple(std::move(out));
        memo_put(v, t);
        return t;
    }

    void fill(const Value& from, const Value& to) {
        switch (from.type()->layout) {
        case Layout::List: {
            std::vector<Value> items = from.as<lang::List>()->items;
            for (auto& x : items)
                to.as<lang::List>()->items.push_back(item(x));
            break;
        }
        case Layout::Tuple: {
            auto& dst = to.as<lang::Tuple>()->items;
            size_t i = 0;
            for (auto& x : from.as<lang::Tuple>()->items)
                dst[i++] = item(x);
            break;
        }
        case Layout::Dict: {
            std::vector<std::pair<Value, Value>> entries;
            for (auto& e : from.as<Dict>()->entries)
                if (!e.key.empty()) entries.emplace_back(e.key, e.value);
            for (auto& [k, val] : entries)
                to.as<Dict>()->set(in_, item(k), item(val));
            break;
        }
        case Layout::Set: {
            std::vector<Value> keys;
            for (auto& s : from.as<lang::Set>()->table)
                if (!s.key.empty() && !s.dummy) keys.push_back(s.key);
            for (auto& k : keys)
                to.as<lang::Set>()->add(in_, item(k));
            break;
        }
        default:
            break;
        }
    }

    void copy_attrs(const Value& from, const Value& to) {
        auto* attrs = static_cast<Dict*>(from.obj()->attrs);
        if (!attrs) return;
        std::vector<std::pair<Value, Value>> entries;
        for (auto& e : attrs->entries)
            if (!e.key.empty()) entries.emplace_back(e.key, e.value);
        lang::Object* o = to.obj();
        if (!o->attrs) {
            o->attrs = new Dict();
            o->attrs->incref();
            o->track(); // an instance dict can close a reference cycle
        }
        for (auto& [k, v] : entries)
            static_cast<Dict*>(o->attrs)->set(in_, k, item(v));
    }

    Value memo_get(const Value& v) {
        if (memo_.empty() || memo_.is_none()) return Value();
        return memo_.as<Dict>()->get(in_, Value::integer(static_cast<int64_t>(v.identity())));
    }

    void memo_put(const Value& from, const Value& to) {
        Dict* memo = memo_value().as<Dict>();
        memo->set(in_, Value::integer(static_cast<int64_t>(from.identity())), to);
        // Keep the original alive while the memo refers to its id, as CPython does.
        Value keep_key = Value::integer(static_cast<int64_t>(memo_.identity()));
        Value keep = memo->get(in_, keep_key);
        if (keep.empty()) {
            keep = lang::new_list({});
            memo->set(in_, keep_key, keep);
        }
        keep.as<lang::List>()->items.push_back(from);
    }

    Interpreter& in_;
    bool deep_;
    Value memo_;
};

Value copy_copy(Interpreter& in, const Value&, Args& args) {
    Value p[1];
    lang::parse_args(in, "copy", args, {"x"}, 1, p);
    return Copier(in, false, Value()).copy(p[0]);
}

Value copy_deepcopy(Interpreter& in, const Value&, Args& args) {
    Value p[2];
    lang::parse_args(in, "deepcopy", args, {"x", "memo"}, 1, p);
    if (!p[1].empty() && !p[1].is_none() && !lang::has_layout(p[1], Layout::Dict))
        in.raise("TypeError", "memo must be a dict");
    return Copier(in, true, p[1].empty() ? Value::none() : p[1]).copy(p[0]);
}

} // namespace

void register_copy_module(Interpreter& in) {
    in.register_builtin_module("copy", [](Interpreter& in, lang::Module& m) {
        def_fn(m, "copy", copy_copy);
        def_fn(m, "deepcopy", copy_deepcopy);
        def_value(m, "Error",
                  Value(in.new_exception_type("Error", lang::builtin_type("Exception"), "copy")));
    });
}

} // namespace ormsh::api::stdlib
