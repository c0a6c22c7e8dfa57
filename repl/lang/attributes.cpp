// Attribute access and calls: CPython's descriptor protocol (data descriptors before the
// instance dict, non-data after), __getattr__/__setattr__/__delattr__ hooks, binding of
// functions to instances, construction of instances and creation of classes.
#include "repl/lang/attr_cache.h"
#include "repl/lang/interpreter.h"
#include "repl/lang/text/errors.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace ormsh::lang {

namespace {

// A dunder name, interned once per call site: these are looked up on every attribute access
// and operator, and interning hashes the text each time.
#define S(text)                                                                                    \
    ([]() -> Str* {                                                                                \
        static Str* const interned = intern(text);                                                 \
        return interned;                                                                           \
    }())
bool layout_compatible_check(Layout a, Layout b);

} // namespace

bool is_data_descriptor(const Value& d) {
    if (!d.is_obj()) return false;
    Layout l = d.obj()->type->layout;
    if (l == Layout::Property || l == Layout::NativeProperty) return true;
    if (l == Layout::Function || l == Layout::NativeFunction || l == Layout::Str) return false;
    Type* t = d.obj()->type;
    if (!t->heap && l != Layout::Object) return false;
    return !t->lookup(S("__set__")).empty() || !t->lookup(S("__delete__")).empty();
}

namespace {

Dict* instance_dict(const Value& obj, bool create) {
    Object* o = obj.obj_or_null();
    if (!o) return nullptr;
    if (!o->attrs && create) {
        o->attrs = new Dict();
        o->attrs->incref();
        o->track(); // an instance dict can close a reference cycle
    }
    return static_cast<Dict*>(o->attrs);
}

bool allows_instance_dict(const Value& obj) {
    Object* o = obj.obj_or_null();
    return o && (o->type->heap || o->type->instance_dict);
}

// Explicit dunder calls on builtin values (x.__len__(), (5).__add__(3)): the builtin types
// implement these protocols in C++, so bind a small wrapper that calls the protocol.
Value builtin_dunder(Interpreter& in, const Value& obj, std::string_view n) {
    (void)in;
    if (n.size() < 5 || n[0] != '_' || n[1] != '_') return Value();
    static const char* const kBinary[] = {"__add__",      "__sub__",    "__mul__", "__truediv__",
                                          "__floordiv__", "__mod__",    "__pow__", "__matmul__",
                                          "__lshift__",   "__rshift__", "__and__", "__or__",
                                          "__xor__"};
    static const char* const kCompare[] = {"__lt__", "__le__", "__gt__",
                                           "__ge__", "__eq__", "__ne__"};
    NativeClosure fn;
    for (int i = 0; i < 13; ++i)
        if (n == kBinary[i])
            fn = [i](Interpreter& in, const Value& self, Args& a) {
                if (a.size() != 1) in.raise("TypeError", "expected 1 argument");
                return in.binary_op(static_cast<BinOpKind>(i), self, a[0]);
            };
    for (int i = 0; i < 6; ++i)
        if (n == kCompare[i])
            fn = [i](Interpreter& in, const Value& self, Args& a) {
                if (a.size() != 1) in.raise("TypeError", "expected 1 argument");
                return in.compare(static_cast<CmpKind>(i), self, a[0]);
            };
    if (n == "__len__")
        fn = [](Interpreter& in, const Value& self, Args&) { return Value::integer(in.len(self)); };
    if (n == "__contains__")
        fn = [](Interpreter& in, const Value& self, Args& a) {
            return Value::boolean(in.contains(self, a[0]));
        };
    if (n == "__getitem__")
        fn = [](Interpreter& in, const Value& self, Args& a) { return in.getitem(self, a[0]); };
    if (n == "__setitem__")
        fn = [](Interpreter& in, const Value& self, Args& a) {
            in.setitem(self, a[0], a[1]);
            return Value::none();
        };
    if (n == "__delitem__")
        fn = [](Interpreter& in, const Value& self, Args& a) {
            in.delitem(self, a[0]);
            return Value::none();
        };
    if (n == "__iter__")
        fn = [](Interpreter& in, const Value& self, Args&) { return in.iter(self); };
    if (n == "__hash__")
        fn = [](Interpreter& in, const Value& self, Args&) {
            return Value::integer(in.hash(self));
        };
    if (n == "__bool__")
        fn = [](Interpreter& in, const Value& self, Args&) {
            return Value::boolean(in.truthy(self));
        };
    if (!fn) return Value();
    Value f = make_native_closure(std::string(n), std::move(fn), true);
    return Value::steal(new BoundMethod(obj, f));
}

// super().__setitem__ and friends when the rest of the MRO reaches a builtin container
// (dict, list, ...) whose protocols live in C++ rather than in its type dict: a method that
// runs the builtin implementation on self, skipping the subclass's override.
Value builtin_protocol_method(Super* sp, std::string_view n) {
    auto& mro = sp->self_type->mro;
    auto start = std::find(mro.begin(), mro.end(), sp->start);
    bool builtin_base = std::any_of(start == mro.end() ? start : start + 1, mro.end(), [](Type* t) {
        return !t->heap && t->layout != Layout::Object;
    });
    if (!builtin_base) return Value();
    NativeClosure fn;
    if (n == "__getitem__")
        fn = [](Interpreter& in, const Value& self, Args& a) {
            if (a.size() != 1) in.raise("TypeError", "expected 1 argument");
            return in.getitem(self, a[0], true);
        };
    else if (n == "__setitem__")
        fn = [](Interpreter& in, const Value& self, Args& a) {
            if (a.size() != 2) in.raise("TypeError", "expected 2 arguments");
            in.setitem(self, a[0], a[1], true);
            return Value::none();
        };
    else if (n == "__delitem__")
        fn = [](Interpreter& in, const Value& self, Args& a) {
            if (a.size() != 1) in.raise("TypeError", "expected 1 argument");
            in.delitem(self, a[0], true);
            return Value::none();
        };
    else if (n == "__contains__")
        fn = [](Interpreter& in, const Value& self, Args& a) {
            if (a.size() != 1) in.raise("TypeError", "expected 1 argument");
            return Value::boolean(in.contains(self, a[0], true));
        };
    else if (n == "__len__")
        fn = [](Interpreter& in, const Value& self, Args&) {
            return Value::integer(in.len(self, true));
        };
    else
        return Value();
    Value f = make_native_closure(std::string(n), std::move(fn), true);
    return Value::steal(new BoundMethod(sp->self, f));
}

// A function's docstring: a string literal as the first statement of its body.
Value docstring(const CodeInfo& code) {
    if (code.is_lambda || code.body.empty()) return Value::none();
    const Node* first = code.body[0];
    if (first->kind == NodeKind::ExprStmt && first->a->kind == NodeKind::Const &&
        is_str(first->a->constant))
        return first->a->constant;
    return Value::none();
}

// A class's or function's own __annotations__ (never an inherited one), created empty on
// first access as CPython does.
Value own_annotations(Dict* dict) {
    Value existing = dict->get_str(S("__annotations__"));
    if (!existing.empty()) return existing;
    Value created(make<Dict>());
    dict->set_str(S("__annotations__"), created);
    type_modified();
    return created;
}

} // namespace

Value Interpreter::generic_getattr(const Value& obj, Str* name, bool raise_missing) {
    Type* t = obj.type();
    // Type objects: look along the class's own MRO, binding with instance=None.
    if (t->layout == Layout::Type || obj.type() == Types::type) {
        Type* cls = obj.as<Type>();
        if (cls->heap && name->s == "__annotations__") return own_annotations(cls->dict.get());
        Value d = cls->lookup(name);
        if (!d.empty()) {
            if (d.is_obj()) {
                Layout l = d.obj()->type->layout;
                if (l == Layout::ClassMethod)
                    return Value::steal(new BoundMethod(obj, d.as<WrapperDescr>()->func));
                if (l == Layout::StaticMethod) return d.as<WrapperDescr>()->func;
                if (l == Layout::Function || l == Layout::Property || l == Layout::NativeProperty ||
                    l == Layout::Str)
                    return d;
                if (l == Layout::NativeFunction) {
                    NativeFunction* nf = d.as<NativeFunction>();
                    if (nf->is_method && nf->name == "__class_getitem__")
                        return Value::steal(new BoundMethod(obj, d));
                    return d;
                }
                Value get = d.obj()->type->lookup(S("__get__"));
                if (!get.empty() && (d.obj()->type->heap || l == Layout::Object ||
                                     !d.obj()->type->lookup(S("__get__")).empty()))
                    return call(get, {d, Value::none(), obj});
            }
            return d;
        }
        // Attributes of the metatype.
        const StrText& n = name->s;
        // Native types may carry their module in the name ("datetime.date"); __name__ and
        // __qualname__ are the bare class name, as in CPython.
        std::string bare = cls->heap ? cls->name : cls->name.substr(cls->name.rfind('.') + 1);
        if (n == "__name__") return new_str(bare);
        if (n == "__qualname__") {
            Value q = cls->dict->get_str(name);
            return q.empty() ? new_str(bare) : q;
        }
        if (n == "__module__") return new_str(cls->module);
        if (n == "__dict__") {
            Ref<Dict> copy = make<Dict>();
            for (auto& e : cls->dict->entries)
                if (!e.key.empty()) copy->set(*this, e.key, e.value);
            return copy;
        }
        if (n == "__bases__") {
            std::vector<Value> b;
            for (auto& x : cls->bases)
                b.emplace_back(x.get());
            return new_tuple(std::move(b));
        }
        if (n == "__base__") return cls->bases.empty() ? Value::none() : Value(cls->bases[0].get());
        if (n == "__mro__") {
            std::vector<Value> b;
            for (Type* x : cls->mro)
                b.emplace_back(x);
            return new_tuple(std::move(b));
        }
        if (n == "__doc__") return Value::none();
        if (n == "__class__") return Value(Types::type);
        Value md = Types::type->lookup(name);
        if (!md.empty()) {
            if (has_layout(md, Layout::NativeFunction))
                return Value::steal(new BoundMethod(obj, md));
            return md;
        }
        if (!raise_missing) return Value();
        raise("AttributeError", "type object '" + cls->name + "' has no attribute '" + n + "'");
    }
    if (t->layout == Layout::Module) {
        Module* m = obj.as<Module>();
        Value v = m->dict->get_str(name);
        if (v.empty() && m->deferred_names) v = module_lookup(*this, *m, name);
        if (!v.empty()) return v;
        if (name->s == "__dict__") {
            define_deferred_names(*this, *m);
            return m->dict;
        }
        if (name->s == "__name__") return new_str(m->name);
        Value ga = m->dict->get_str(S("__getattr__"));
        if (!ga.empty()) return call(ga, {Value(name)});
        if (!raise_missing) return Value();
        raise("AttributeError", "module '" + m->name + "' has no attribute '" + name->s + "'");
    }
    if (t->layout == Layout::Super) {
        Super* sp = obj.as<Super>();
        auto& mro = sp->self_type->mro;
        size_t i = 0;
        while (i < mro.size() && mro[i] != sp->start)
            ++i;
        for (++i; i < mro.size(); ++i) {
            Value d = mro[i]->dict->get_str(name);
            if (d.empty()) continue;
            if (d.is_obj()) {
                Layout l = d.obj()->type->layout;
                bool self_is_type = has_layout(sp->self, Layout::Type);
                if (l == Layout::Function ||
                    (l == Layout::NativeFunction && d.as<NativeFunction>()->is_method))
                    return self_is_type ? d : Value::steal(new BoundMethod(sp->self, d));
                if (l == Layout::ClassMethod)
                    return Value::steal(
                        new BoundMethod(self_is_type ? sp->self : Value(sp->self_type),
                                        d.as<WrapperDescr>()->func));
                if (l == Layout::StaticMethod) return d.as<WrapperDescr>()->func;
                if (l == Layout::Property) {
                    Property* p = d.as<Property>();
                    if (p->fget.empty())
                        raise("AttributeError", "property '" + name->s + "' has no getter");
                    return call(p->fget, {sp->self});
                }
                if (l == Layout::NativeProperty)
                    return d.as<NativeProperty>()->get(*this, sp->self);
            }
            return d;
        }
        if (name->s == "__class__") return Value(Types::super);
        if (Value m = builtin_protocol_method(sp, name->s); !m.empty()) return m;
        if (!raise_missing) return Value();
        raise("AttributeError", "'super' object has no attribute '" + name->s + "'");
    }
    Value d = t->lookup(name);
    if (!d.empty() && d.is_obj()) {
        if (const NativeDescriptorHooks* hooks = native_descriptor_hooks(d.obj()->type))
            return hooks->get(*this, d, obj, t);
        Layout l = d.obj()->type->layout;
        if (l == Layout::Property) {
            Property* p = d.as<Property>();
            if (p->fget.empty())
                raise("AttributeError",
                      "property '" + name->s + "' of '" + t->name + "' object has no getter");
            return call(p->fget, {obj});
        }
        if (l == Layout::NativeProperty) return d.as<NativeProperty>()->get(*this, obj);
        if (is_data_descriptor(d))
            return call(d.obj()->type->lookup(S("__get__")), {d, obj, Value(t)});
    }
    if (Object* o = obj.obj_or_null(); o && o->attrs) {
        Value v = static_cast<Dict*>(o->attrs)->get_str(name);
        if (!v.empty()) return v;
    }
    if (!d.empty()) {
        if (!d.is_obj()) return d;
        Layout l = d.obj()->type->layout;
        switch (l) {
        case Layout::Function:
            return Value::steal(new BoundMethod(obj, d));
        case Layout::NativeFunction:
            if (d.as<NativeFunction>()->is_method) return Value::steal(new BoundMethod(obj, d));
            return d;
        case Layout::ClassMethod:
            return Value::steal(new BoundMethod(Value(t), d.as<WrapperDescr>()->func));
        case Layout::StaticMethod:
            return d.as<WrapperDescr>()->func;
        case Layout::Str:
        case Layout::Tuple:
        case Layout::List:
        case Layout::Dict:
        case Layout::Type:
            return d;
        default: {
            if (d.obj()->type->heap || l == Layout::Object) {
                Value get = d.obj()->type->lookup(S("__get__"));
                if (!get.empty()) return call(get, {d, obj, Value(t)});
            }
            return d;
        }
        }
    }
    const StrText& n = name->s;
    // Every implicit attribute below is a dunder; a plain name that got this far is missing
    // (proxies such as scoped_session reach here on every call before their __getattr__).
    bool dunder = n.size() > 4 && n[0] == '_' && n[1] == '_';
    if (!dunder) {
        if (!raise_missing) return Value();
        raise("AttributeError", "'" + t->name + "' object has no attribute '" + n + "'");
    }
    if (n == "__class__") return Value(t);
    if (n == "__dict__" && (allows_instance_dict(obj) || has_layout(obj, Layout::Function)))
        return Value(instance_dict(obj, true));
    if (Value slot = builtin_dunder(*this, obj, n); !slot.empty()) return slot;
    if (n == "__name__" || n == "__qualname__") {
        if (has_layout(obj, Layout::Function))
            return new_str(n == "__name__" ? obj.as<Function>()->name
                                           : obj.as<Function>()->qualname);
        if (has_layout(obj, Layout::NativeFunction)) return new_str(obj.as<NativeFunction>()->name);
        if (has_layout(obj, Layout::BoundMethod)) return getattr(obj.as<BoundMethod>()->func, name);
    }
    if (n == "__self__" && has_layout(obj, Layout::BoundMethod)) return obj.as<BoundMethod>()->self;
    if (n == "__func__" && has_layout(obj, Layout::BoundMethod)) return obj.as<BoundMethod>()->func;
    if (n == "__globals__" && has_layout(obj, Layout::Function))
        return Value(obj.as<Function>()->module->dict.get());
    if (n == "__module__" && has_layout(obj, Layout::Function)) {
        Value module_name = obj.as<Function>()->module->dict->get_str(S("__name__"));
        return module_name.empty() ? Value::none() : module_name; // globals without __name__
    }
    if (n == "__doc__") {
        if (has_layout(obj, Layout::BoundMethod)) return getattr(obj.as<BoundMethod>()->func, name);
        return has_layout(obj, Layout::Function) ? docstring(*obj.as<Function>()->code)
                                                 : Value::none();
    }
    if (n == "__annotations__" && has_layout(obj, Layout::Function))
        return own_annotations(instance_dict(obj, true));
    if (n == "__defaults__" && has_layout(obj, Layout::Function)) {
        auto& dd = obj.as<Function>()->defaults;
        return dd.empty() ? Value::none() : new_tuple(dd);
    }
    if (!raise_missing) return Value();
    raise("AttributeError", "'" + t->name + "' object has no attribute '" + n + "'");
}

Value Interpreter::getattr(const Value& obj, Str* name) {
    Type* t = obj.type();
    if (t->heap || t->instance_dict) {
        Value ga = t->lookup(S("__getattr__"));
        if (!ga.empty()) {
            // A miss asks __getattr__ without raising first: proxies (scoped_session) take
            // this path on every call.
            try {
                Value v = generic_getattr(obj, name, false);
                if (!v.empty()) return v;
            } catch (PyException& e) {
                if (!e.exc.type()->is_subtype(builtin_type("AttributeError"))) throw;
            }
            return call(ga, {obj, Value(name)});
        }
    }
    return generic_getattr(obj, name, true);
}

Value Interpreter::getattr_opt(const Value& obj, Str* name) {
    Type* t = obj.type();
    if (t->heap || t->instance_dict) {
        try {
            return getattr(obj, name);
        } catch (PyException& e) {
            if (!e.exc.type()->is_subtype(builtin_type("AttributeError"))) throw;
            return Value();
        }
    }
    try {
        return generic_getattr(obj, name, false);
    } catch (PyException& e) {
        if (!e.exc.type()->is_subtype(builtin_type("AttributeError"))) throw;
        return Value();
    }
}

bool Interpreter::hasattr(const Value& obj, Str* name) {
    return !getattr_opt(obj, name).empty();
}

void Interpreter::generic_setattr(const Value& obj, Str* name, Value v) {
    Type* t = obj.type();
    if (t->layout == Layout::Type) {
        Type* cls = obj.as<Type>();
        if (!cls->heap && !cls->instance_dict)
            raise("TypeError",
                  "cannot set '" + name->s + "' attribute of immutable type '" + cls->name + "'");
        cls->dict->set_str(name, std::move(v));
        type_modified();
        return;
    }
    if (t->layout == Layout::Module) {
        obj.as<Module>()->dict->set_str(name, std::move(v));
        return;
    }
    if (t->layout == Layout::Function && (name->s == "__name__" || name->s == "__qualname__")) {
        if (!is_str(v)) raise("TypeError", name->s + " must be set to a string object");
        Function* fn = obj.as<Function>();
        (name->s == "__name__" ? fn->name : fn->qualname) = as_str(v)->s;
        return;
    }
    Value d = t->lookup(name);
    if (!d.empty() && d.is_obj()) {
        if (const NativeDescriptorHooks* hooks = native_descriptor_hooks(d.obj()->type)) {
            hooks->set(*this, d, obj, v);
            return;
        }
        Layout l = d.obj()->type->layout;
        if (l == Layout::Property) {
            Property* p = d.as<Property>();
            if (p->fset.empty())
                raise("AttributeError",
                      "property '" + name->s + "' of '" + t->name + "' object has no setter");
            call(p->fset, {obj, v});
            return;
        }
        if (l == Layout::NativeProperty) {
            NativeProperty* np = d.as<NativeProperty>();
            if (!np->set)
                raise("AttributeError",
                      "attribute '" + name->s + "' of '" + t->name + "' objects is not writable");
            np->set(*this, obj, v);
            return;
        }
        if (is_data_descriptor(d)) {
            Value set = d.obj()->type->lookup(S("__set__"));
            if (set.empty()) raise("AttributeError", "__set__");
            call(set, {d, obj, v});
            return;
        }
    }
    if (!allows_instance_dict(obj)) {
        if (has_layout(obj, Layout::Function)) {
            instance_dict(obj, true)->set_str(name, std::move(v));
            return;
        }
        if (d.empty())
            raise("AttributeError", "'" + t->name + "' object has no attribute '" + name->s + "'");
        raise("AttributeError",
              "'" + t->name + "' object attribute '" + name->s + "' is read-only");
    }
    instance_dict(obj, true)->set_str(name, std::move(v));
}

void Interpreter::setattr(const Value& obj, Str* name, Value v) {
    Type* t = obj.type();
    if (t->heap || t->instance_dict) {
        Value sa = t->lookup(S("__setattr__"));
        if (!sa.empty() && !has_layout(sa, Layout::NativeFunction)) {
            call(sa, {obj, Value(name), v});
            return;
        }
        if (!sa.empty() && sa.as<NativeFunction>()->closure) {
            call(Value::steal(new BoundMethod(obj, sa)), {Value(name), v});
            return;
        }
    }
    generic_setattr(obj, name, std::move(v));
}

void Interpreter::delattr(const Value& obj, Str* name) {
    Type* t = obj.type();
    if (t->heap || t->instance_dict) {
        Value da = t->lookup(S("__delattr__"));
        if (!da.empty() && !has_layout(da, Layout::NativeFunction)) {
            call(da, {obj, Value(name)});
            return;
        }
    }
    if (t->layout == Layout::Type) {
        Type* cls = obj.as<Type>();
        if (!cls->dict->remove_str(name)) raise("AttributeError", name->s);
        type_modified();
        return;
    }
    if (t->layout == Layout::Module) {
        if (!obj.as<Module>()->dict->remove_str(name))
            raise("AttributeError",
                  "module '" + obj.as<Module>()->name + "' has no attribute '" + name->s + "'");
        return;
    }
    Value d = t->lookup(name);
    if (!d.empty() && has_layout(d, Layout::Property)) {
        Property* p = d.as<Property>();
        if (p->fdel.empty())
            raise("AttributeError",
                  "property '" + name->s + "' of '" + t->name + "' object has no deleter");
        call(p->fdel, {obj});
        return;
    }
    if (!d.empty() && is_data_descriptor(d)) {
        Value del = d.obj()->type->lookup(S("__delete__"));
        if (!del.empty()) {
            call(del, {d, obj});
            return;
        }
    }
    Dict* dict = instance_dict(obj, false);
    if (!dict || !dict->remove_str(name))
        raise("AttributeError", "'" + t->name + "' object has no attribute '" + name->s + "'");
}

// ---- calls ----

Value Interpreter::call(const Value& f, std::initializer_list<Value> pos) {
    Args a{std::span<const Value>(pos.begin(), pos.size()), {}};
    return call(f, a);
}

Value Interpreter::call(const Value& f, std::vector<Value> pos, std::vector<KwArg> kw) {
    Args a{std::span<const Value>(pos), std::span<const KwArg>(kw)};
    return call(f, a);
}

Value Interpreter::call_method(const Value& obj, std::string_view name,
                               std::initializer_list<Value> pos) {
    return call(getattr(obj, intern(name)), pos);
}

static Value call_native(Interpreter& in, NativeFunction* nf, const Value& self, Args& args) {
    try {
        if (nf->fn) return nf->fn(in, self, args);
        return nf->closure(in, self, args);
    } catch (text::FormatError& e) {
        in.raise(e.kind_name(), e.what());
    }
}

Value Interpreter::call(const Value& f, Args& args) {
    if (!f.is_obj()) raise("TypeError", "'" + type_name(f) + "' object is not callable");
    Object* o = f.obj();
    switch (o->type->layout) {
    case Layout::Function:
        return call_function(static_cast<Function*>(o), nullptr, args);
    case Layout::NativeFunction: {
        NativeFunction* nf = static_cast<NativeFunction*>(o);
        if (nf->is_method && nf->self.empty()) {
            // Unbound method taken from the class: the first argument is self.
            if (args.pos.empty())
                raise("TypeError", "unbound method " + nf->name + "() needs an argument");
            Value self = args.pos[0];
            Args rest{args.pos.subspan(1), args.kw};
            return call_native(*this, nf, self, rest);
        }
        return call_native(*this, nf, nf->self, args);
    }
    case Layout::BoundMethod: {
        BoundMethod* bm = static_cast<BoundMethod*>(o);
        Value func = bm->func;
        Value self = bm->self;
        if (has_layout(func, Layout::Function))
            return call_function(func.as<Function>(), &self, args);
        if (has_layout(func, Layout::NativeFunction))
            return call_native(*this, func.as<NativeFunction>(), self, args);
        std::vector<Value> pos{self};
        pos.insert(pos.end(), args.pos.begin(), args.pos.end());
        Args a2{std::span<const Value>(pos), args.kw};
        return call(func, a2);
    }
    case Layout::Type:
        return construct(static_cast<Type*>(o), args);
    default:
        break;
    }
    Value c = o->type->lookup(S("__call__"));
    if (c.empty()) raise("TypeError", "'" + o->type->name + "' object is not callable");
    if (has_layout(c, Layout::Function)) return call_function(c.as<Function>(), &f, args);
    if (has_layout(c, Layout::NativeFunction))
        return call_native(*this, c.as<NativeFunction>(), f, args);
    std::vector<Value> pos{f};
    pos.insert(pos.end(), args.pos.begin(), args.pos.end());
    Args a2{std::span<const Value>(pos), args.kw};
    return call(c, a2);
}

namespace {

// What construct() resolves on a class around making an instance, valid while no class changes
// (the type epoch also moves when a class is made, so a class reusing a freed one's address
// misses): a loop constructing one class skips the lookups of __new__ and __init__. (Native
// constructors and allocators are not class attributes: they are found along the MRO each time.)
struct ConstructSite {
    const Type* cls = nullptr;
    uint64_t epoch = 0;
    Value newf; // __new__, unwrapped from its staticmethod (empty: none)
    Value init; // __init__ when it must be called (not object's own), else empty

    bool valid_for(const Type* t) const { return cls == t && epoch == type_epoch(); }
};

ConstructSite& construct_site(Type* cls) {
    static auto* site = new ConstructSite();
    if (site->valid_for(cls)) return *site;
    site->cls = cls;
    site->epoch = type_epoch();
    site->newf = cls->lookup(S("__new__"));
    if (!site->newf.empty() && has_layout(site->newf, Layout::StaticMethod))
        site->newf = site->newf.as<WrapperDescr>()->func;
    site->init = cls->lookup(S("__init__"));
    bool runs =
        !site->init.empty() && (has_layout(site->init, Layout::Function) ||
                                (has_layout(site->init, Layout::NativeFunction) &&
                                 site->init.as<NativeFunction>()->name != "object.__init__"));
    if (!runs) site->init = Value();
    return *site;
}

} // namespace

Value Interpreter::construct(Type* cls, Args& args) {
    if (cls == Types::type && args.size() == 1 && args.kw.empty()) return Value(args[0].type());
    Value newf = construct_site(cls).newf;
    Value obj;
    bool custom_new = false;
    if (!newf.empty() && has_layout(newf, Layout::Function)) {
        custom_new = true;
        std::vector<Value> pos{Value(cls)};
        pos.insert(pos.end(), args.pos.begin(), args.pos.end());
        Args a2{std::span<const Value>(pos), args.kw};
        obj = call(newf, a2);
        if (!obj.type()->is_subtype(cls)) return obj;
    } else {
        CtorFn ctor = nullptr;
        for (Type* t : cls->mro)
            if (t->ctor) {
                ctor = t->ctor;
                break;
            }
        if (ctor) {
            obj = ctor(*this, cls, args);
        } else {
            Object* o = nullptr;
            for (Type* t : cls->mro)
                if (t->alloc) {
                    o = t->alloc(cls);
                    break;
                }
            if (!o) {
                o = new Object(cls);
                o->track();
            }
            obj = Value(o);
        }
    }
    if (!cls->heap && cls->ctor) return obj; // builtin constructors do the whole job
    // Looked up after __new__ ran, which may have changed the class.
    Value init = construct_site(cls).init;
    if (!init.empty()) {
        if (has_layout(init, Layout::Function)) {
            Value r = call_function(init.as<Function>(), &obj, args);
            if (!r.is_none())
                raise("TypeError", "__init__() should return None, not '" + type_name(r) + "'");
        } else {
            call_native(*this, init.as<NativeFunction>(), obj, args);
        }
    } else if (!custom_new && (args.size() || !args.kw.empty())) {
        bool has_ctor = false;
        for (Type* t : cls->mro)
            if (t->ctor) has_ctor = true;
        if (!has_ctor) raise("TypeError", cls->name + "() takes no arguments");
    }
    return obj;
}

Ref<Type> Interpreter::create_class(const std::string& name, std::vector<Ref<Type>> bases,
                                    Ref<Dict> ns, std::vector<KwArg> kwargs) {
    if (bases.empty()) bases.emplace_back(Types::object);
    for (auto& b : bases)
        if (!b->basetype)
            raise("TypeError", "type '" + b->name + "' is not an acceptable base type");
    Ref<Type> cls(new Type(name));
    cls->bases = std::move(bases);
    cls->dict = ns;
    cls->heap = true;
    cls->instance_dict = true;
    cls->compute_mro(*this);
    // The most derived native layout wins (the "solid base").
    Layout layout = Layout::Object;
    for (Type* t : cls->mro) {
        if (t == cls.get()) continue;
        if (t->layout != Layout::Object) {
            layout = t->layout;
            break;
        }
    }
    cls->layout = layout;
    for (auto& b : cls->bases) {
        if (b->layout != Layout::Object && b->layout != layout &&
            !layout_compatible_check(b->layout, layout))
            raise("TypeError", "multiple bases have instance lay-out conflict");
    }
    // __init_subclass__ and __class_getitem__ are implicitly class methods.
    for (const char* implicit : {"__init_subclass__", "__class_getitem__"}) {
        Str* key = intern(implicit);
        Value fn = ns->get_str(key);
        if (!has_layout(fn, Layout::Function)) continue;
        Ref<WrapperDescr> cm(new WrapperDescr(Types::classmethod));
        cm->func = fn;
        ns->set_str(key, Value(cm));
    }
    // A class that defines __eq__ without __hash__ is unhashable, as in CPython.
    if (!ns->get_str(S("__eq__")).empty() && ns->get_str(S("__hash__")).empty())
        ns->set_str(S("__hash__"), Value::none());
    Value modname = ns->get_str(S("__module__"));
    if (is_str(modname)) cls->module = as_str(modname)->s;
    // Functions remember their class for zero-argument super().
    for (auto& e : ns->entries) {
        if (e.key.empty() || !e.value.is_obj()) continue;
        Value v = e.value;
        Layout l = v.obj()->type->layout;
        if (l == Layout::StaticMethod || l == Layout::ClassMethod) v = v.as<WrapperDescr>()->func;
        if (has_layout(v, Layout::Function)) v.as<Function>()->klass = cls.get();
        if (l == Layout::Property) {
            Property* p = v.as<Property>();
            for (Value* x : {&p->fget, &p->fset, &p->fdel})
                if (has_layout(*x, Layout::Function)) x->as<Function>()->klass = cls.get();
        }
    }
    type_modified();
    // __set_name__ on descriptors.
    std::vector<std::pair<Value, Value>> items;
    for (auto& e : ns->entries)
        if (!e.key.empty()) items.emplace_back(e.key, e.value);
    for (auto& [k, v] : items) {
        if (!v.is_obj()) continue;
        Type* vt = v.obj()->type;
        if (!vt->heap && vt->layout != Layout::Object) continue;
        Value sn = vt->lookup(S("__set_name__"));
        if (!sn.empty()) call(sn, {v, Value(cls.get()), k});
    }
    // __init_subclass__ of the parent (a classmethod), then native hooks.
    if (cls->mro.size() > 1) {
        for (size_t i = 1; i < cls->mro.size(); ++i) {
            Value d = cls->mro[i]->dict->get_str(S("__init_subclass__"));
            if (d.empty()) continue;
            if (has_layout(d, Layout::ClassMethod)) d = d.as<WrapperDescr>()->func;
            Value bound = Value::steal(new BoundMethod(Value(cls.get()), d));
            Args a{{}, std::span<const KwArg>(kwargs)};
            call(bound, a);
            break;
        }
        for (size_t i = 1; i < cls->mro.size(); ++i) {
            if (cls->mro[i]->on_subclass_created) {
                cls->mro[i]->on_subclass_created(*this, *cls);
                break;
            }
        }
    }
    return cls;
}

namespace {
bool layout_compatible_check(Layout a, Layout b) {
    return a == b || a == Layout::Object || b == Layout::Object || a == Layout::Exception ||
           b == Layout::Exception;
}
} // namespace

// ---- argument parsing for native functions ----

void parse_args(Interpreter& in, const char* fname, Args& args,
                std::initializer_list<const char*> names, size_t n_required, Value* out,
                bool allow_extra_kw) {
    size_t n = names.size();
    if (args.pos.size() > n) {
        if (n == 0)
            in.raise("TypeError", std::string(fname) + "() takes no arguments (" +
                                      std::to_string(args.pos.size()) + " given)");
        in.raise("TypeError", std::string(fname) + "() takes " +
                                  (n_required < n ? "at most " : "exactly ") + std::to_string(n) +
                                  " argument" + (n == 1 ? "" : "s") + " (" +
                                  std::to_string(args.pos.size()) + " given)");
    }
    for (size_t i = 0; i < args.pos.size(); ++i)
        out[i] = args.pos[i];
    for (const KwArg& kw : args.kw) {
        size_t idx = 0;
        bool found = false;
        for (const char* nm : names) {
            if (kw.name->s == nm) {
                found = true;
                break;
            }
            ++idx;
        }
        if (!found) {
            if (allow_extra_kw) continue;
            in.raise("TypeError", std::string(fname) + "() got an unexpected keyword argument '" +
                                      kw.name->s + "'");
        }
        if (!out[idx].empty())
            in.raise("TypeError", "argument for " + std::string(fname) + "() given by name ('" +
                                      kw.name->s + "') and position (" + std::to_string(idx + 1) +
                                      ")");
        out[idx] = kw.value;
    }
    size_t i = 0;
    for (const char* nm : names) {
        if (i < n_required && out[i].empty()) {
            in.raise("TypeError", std::string(fname) + "() missing required argument '" + nm +
                                      "' (pos " + std::to_string(i + 1) + ")");
        }
        ++i;
    }
}

// ---- native type builder ----

Value make_native_function(const std::string& name, NativeFn fn, bool is_method) {
    NativeFunction* nf = new NativeFunction();
    nf->name = name;
    nf->fn = fn;
    nf->is_method = is_method;
    return Value::steal(nf);
}

Value make_native_closure(const std::string& name, NativeClosure fn, bool is_method) {
    NativeFunction* nf = new NativeFunction();
    nf->name = name;
    nf->closure = std::move(fn);
    nf->is_method = is_method;
    return Value::steal(nf);
}

TypeBuilder::TypeBuilder(std::string name, std::vector<Type*> bases, std::string module) {
    // A dotted native name ("decimal.Decimal", as CPython's tp_name) names its module too.
    size_t dot = name.rfind('.');
    if (module == "builtins" && dot != std::string::npos) module = name.substr(0, dot);
    type_ = Ref<Type>(new Type(std::move(name)));
    type_->module = std::move(module);
    if (bases.empty()) bases.push_back(Types::object);
    for (Type* b : bases)
        type_->bases.emplace_back(b);
    for (Type* t : bases)
        if (t->layout != Layout::Object) type_->layout = t->layout;
}

TypeBuilder& TypeBuilder::method(const std::string& name, NativeFn fn) {
    type_->set_attr(name, make_native_function(name, fn, true));
    return *this;
}
TypeBuilder& TypeBuilder::method(const std::string& name, NativeClosure fn) {
    type_->set_attr(name, make_native_closure(name, std::move(fn), true));
    return *this;
}
TypeBuilder& TypeBuilder::static_method(const std::string& name, NativeClosure fn) {
    type_->set_attr(name, make_native_closure(name, std::move(fn), false));
    return *this;
}
TypeBuilder& TypeBuilder::class_method(const std::string& name, NativeClosure fn) {
    Ref<WrapperDescr> cm(new WrapperDescr(Types::classmethod));
    cm->func = make_native_closure(name, std::move(fn), false);
    type_->set_attr(name, cm);
    return *this;
}
TypeBuilder& TypeBuilder::property(const std::string& name, NativeGetter get, NativeSetter set) {
    Ref<NativeProperty> p(new NativeProperty());
    p->name = name;
    p->get = std::move(get);
    p->set = std::move(set);
    type_->set_attr(name, p);
    return *this;
}
TypeBuilder& TypeBuilder::attr(const std::string& name, Value v) {
    type_->set_attr(name, std::move(v));
    return *this;
}
TypeBuilder& TypeBuilder::layout(Layout l, Object* (*alloc)(Type*)) {
    type_->layout = l;
    type_->alloc = alloc;
    return *this;
}
TypeBuilder& TypeBuilder::ctor(CtorFn fn) {
    type_->ctor = fn;
    return *this;
}
TypeBuilder& TypeBuilder::on_subclass_created(SubclassHook hook) {
    type_->on_subclass_created = std::move(hook);
    return *this;
}
TypeBuilder& TypeBuilder::instance_dict(bool on) {
    type_->instance_dict = on;
    return *this;
}

namespace {
// At most this many native descriptor types; the table is scanned on every descriptor access.
constexpr std::size_t kMaxNativeDescriptors = 4;
NativeDescriptorHooks g_native_descriptors[kMaxNativeDescriptors];
std::size_t g_native_descriptor_count = 0;
} // namespace

void register_native_descriptor(const Type* type, DescrGetFn get, DescrSetFn set) {
    if (g_native_descriptor_count == kMaxNativeDescriptors)
        throw std::logic_error("too many native descriptor types");
    g_native_descriptors[g_native_descriptor_count++] = {type, get, set};
}

const NativeDescriptorHooks* native_descriptor_hooks(const Type* type) {
    for (std::size_t i = 0; i < g_native_descriptor_count; ++i)
        if (g_native_descriptors[i].type == type) return &g_native_descriptors[i];
    return nullptr;
}

// Native types live for the whole process; keeping them listed here makes that explicit (and
// keeps leak checkers quiet).
std::vector<Type*>& immortal_types() {
    static auto* v = new std::vector<Type*>();
    return *v;
}

Type* TypeBuilder::build() {
    type_->compute_mro(Interpreter::current());
    type_->incref(); // the builder's caller owns one reference (keep it in a module)
    Type* t = type_.get();
    type_.reset();
    t->refcnt--;
    t->make_immortal();
    immortal_types().push_back(t);
    type_modified();
    return t;
}

} // namespace ormsh::lang
