// The builtin types: created once per process with their layouts and constructors
// (int(), str(), list(), ... — the equivalent of CPython's tp_new), and the exception hierarchy.
#include "repl/lang/interpreter.h"
#include "repl/lang/iterators.h"
#include "repl/lang/numbers.h"
#include "repl/lang/text/errors.h"
#include "repl/lang/text/float_repr.h"
#include "repl/lang/text/int_text.h"
#include "repl/lang/text/str_methods.h"

#include <cmath>
#include <mutex>
#include <unordered_map>

namespace ormsh::lang {

Type *Types::object, *Types::type, *Types::none, *Types::bool_, *Types::int_, *Types::float_,
    *Types::str, *Types::bytes, *Types::tuple, *Types::list, *Types::dict, *Types::set,
    *Types::frozenset, *Types::function, *Types::builtin_function, *Types::method, *Types::cell,
    *Types::module, *Types::property, *Types::staticmethod, *Types::classmethod,
    *Types::native_property, *Types::super, *Types::range, *Types::slice, *Types::iterator,
    *Types::generator, *Types::dict_keys, *Types::dict_values, *Types::dict_items,
    *Types::not_implemented, *Types::ellipsis, *Types::file, *Types::base_exception;
Object* Singletons::not_implemented;
Object* Singletons::ellipsis;

void install_methods(); // methods.cpp

namespace {

std::unordered_map<std::string, Type*>& registry() {
    static auto* m = new std::unordered_map<std::string, Type*>();
    return *m;
}

Type* new_type(const char* name, Layout layout, Type* base, bool basetype = true) {
    Type* t = new Type(name);
    t->make_immortal();
    t->layout = layout;
    t->basetype = basetype;
    if (base) t->bases.emplace_back(base);
    t->mro.push_back(t);
    if (base)
        for (Type* b : base->mro)
            t->mro.push_back(b);
    registry()[name] = t;
    return t;
}

Value list_ctor(Interpreter& in, Type* cls, Args& args) {
    if (args.size() > 1)
        in.raise("TypeError",
                 "list expected at most 1 argument, got " + std::to_string(args.size()));
    Ref<List> l = make<List>();
    if (cls != Types::list) {
        l->type->decref();
        l->type = cls;
        cls->incref();
    }
    if (args.size() == 1 && cls == Types::list) l->items = in.to_vector(args[0]);
    return l;
}

Value tuple_ctor(Interpreter& in, Type* cls, Args& args) {
    if (args.size() > 1)
        in.raise("TypeError",
                 "tuple expected at most 1 argument, got " + std::to_string(args.size()));
    Ref<Tuple> t(Tuple::create(args.size() == 1 ? in.to_vector(args[0]) : std::vector<Value>()));
    if (cls != Types::tuple) {
        t->type->decref();
        t->type = cls;
        cls->incref();
    }
    return t;
}

void dict_update_from(Interpreter& in, Dict* d, const Value& src) {
    if (has_layout(src, Layout::Dict)) {
        std::vector<std::pair<Value, Value>> items;
        for (auto& e : src.as<Dict>()->entries)
            if (!e.key.empty()) items.emplace_back(e.key, e.value);
        for (auto& [k, v] : items)
            d->set(in, k, v);
        return;
    }
    if (!in.getattr_opt(src, intern("keys")).empty()) {
        for (auto& k : in.to_vector(in.call_method(src, "keys", {})))
            d->set(in, k, in.getitem(src, k));
        return;
    }
    size_t idx = 0;
    for (auto& item : in.to_vector(src)) {
        std::vector<Value> kv;
        if (has_layout(item, Layout::Tuple) || has_layout(item, Layout::List))
            kv = in.to_vector(item);
        else {
            try {
                kv = in.to_vector(item);
            } catch (PyException&) {
                in.raise("TypeError", "cannot convert dictionary update sequence element #" +
                                          std::to_string(idx) + " to a sequence");
            }
        }
        if (kv.size() != 2)
            in.raise("ValueError", "dictionary update sequence element #" + std::to_string(idx) +
                                       " has length " + std::to_string(kv.size()) +
                                       "; 2 is required");
        d->set(in, kv[0], kv[1]);
        ++idx;
    }
}

Value dict_ctor(Interpreter& in, Type* cls, Args& args) {
    Ref<Dict> d = make<Dict>();
    if (cls != Types::dict) {
        d->type->decref();
        d->type = cls;
        cls->incref();
    }
    if (args.size() > 1)
        in.raise("TypeError",
                 "dict expected at most 1 argument, got " + std::to_string(args.size()));
    if (cls == Types::dict) {
        if (args.size() == 1) dict_update_from(in, d.get(), args[0]);
        for (auto& kw : args.kw)
            d->set_str(kw.name, kw.value);
    }
    return d;
}

Value set_ctor_impl(Interpreter& in, Type* cls, Args& args, bool frozen) {
    if (!args.kw.empty())
        in.raise("TypeError",
                 std::string(frozen ? "frozenset" : "set") + "() takes no keyword arguments");
    if (args.size() > 1)
        in.raise("TypeError", std::string(frozen ? "frozenset" : "set") +
                                  " expected at most 1 argument, got " +
                                  std::to_string(args.size()));
    Ref<Set> s = make<Set>(frozen);
    if (cls != Types::set && cls != Types::frozenset) {
        s->type->decref();
        s->type = cls;
        cls->incref();
    }
    if (args.size() == 1) {
        if (has_layout(args[0], Layout::Set)) {
            for (auto& sl : args[0].as<Set>()->table)
                if (!sl.key.empty() && !sl.dummy) s->add(in, sl.key);
        } else {
            for (auto& x : in.to_vector(args[0]))
                s->add(in, x);
        }
    }
    return s;
}
Value set_ctor(Interpreter& in, Type* cls, Args& args) {
    return set_ctor_impl(in, cls, args, false);
}
Value frozenset_ctor(Interpreter& in, Type* cls, Args& args) {
    return set_ctor_impl(in, cls, args, true);
}

Value int_ctor(Interpreter& in, Type*, Args& args) {
    Value a[2];
    parse_args(in, "int", args, {"x", "base"}, 0, a);
    if (a[0].empty()) return Value::integer(0);
    const Value& x = a[0];
    if (!a[1].empty()) {
        if (!is_str(x) && !has_layout(x, Layout::Bytes))
            in.raise("TypeError", "int() can't convert non-string with explicit base");
        int base = static_cast<int>(in.index_value(a[1]));
        std::string s = is_str(x) ? as_str(x)->s : x.as<Bytes>()->s;
        std::optional<text::IntValue> r;
        try {
            r = text::parse_int(s, base);
        } catch (text::FormatError& e) {
            in.raise(e.kind_name(), e.what());
        }
        if (!r) in.raise("ValueError", text::int_parse_error_message(s, base));
        if (auto* i = std::get_if<int64_t>(&*r)) return Value::integer(*i);
        return make_int(std::get<text::BigInt>(*r));
    }
    if (x.is_int()) return x;
    if (x.is_bool()) return Value::integer(x.as_bool());
    if (has_layout(x, Layout::BigInt)) return x;
    if (x.is_float()) return int_from_double(in, std::trunc(x.as_float()));
    if (is_str(x) || has_layout(x, Layout::Bytes)) {
        std::string s = is_str(x) ? as_str(x)->s : x.as<Bytes>()->s;
        std::optional<text::IntValue> r;
        try {
            r = text::parse_int(s, 10);
        } catch (text::FormatError& e) {
            in.raise(e.kind_name(), e.what());
        }
        if (!r) in.raise("ValueError", text::int_parse_error_message(s, 10));
        if (auto* i = std::get_if<int64_t>(&*r)) return Value::integer(*i);
        return make_int(std::get<text::BigInt>(*r));
    }
    for (const char* m : {"__int__", "__index__", "__trunc__"}) {
        if (!x.type()->lookup(m).empty()) return in.call_method(x, m, {});
    }
    in.raise("TypeError",
             "int() argument must be a string, a bytes-like object or a real number, not '" +
                 in.type_name(x) + "'");
}

Value float_ctor(Interpreter& in, Type*, Args& args) {
    if (args.size() == 0) return Value::flt(0.0);
    const Value& x = args[0];
    if (x.is_float()) return x;
    if (auto d = to_double(x)) return Value::flt(*d);
    if (is_str(x)) {
        auto r = text::parse_float(as_str(x)->s);
        if (!r) in.raise("ValueError", text::float_parse_error_message(as_str(x)->s));
        return Value::flt(*r);
    }
    if (!x.type()->lookup("__float__").empty()) return in.call_method(x, "__float__", {});
    if (!x.type()->lookup("__index__").empty())
        return Value::flt(static_cast<double>(in.index_value(x)));
    in.raise("TypeError",
             "float() argument must be a string or a real number, not '" + in.type_name(x) + "'");
}

Value bool_ctor(Interpreter& in, Type*, Args& args) {
    if (args.size() == 0) return Value::boolean(false);
    return Value::boolean(in.truthy(args[0]));
}

Value str_ctor(Interpreter& in, Type* cls, Args& args) {
    Value a[3];
    parse_args(in, "str", args, {"object", "encoding", "errors"}, 0, a);
    std::string s;
    if (!a[0].empty()) {
        if (has_layout(a[0], Layout::Bytes) && !a[1].empty())
            s = a[0].as<Bytes>()->s;
        else
            s = in.str(a[0]);
    }
    if (cls == Types::str) return new_str(std::move(s));
    return Value::steal(Str::create(s, cls));
}

Value bytes_ctor(Interpreter& in, Type*, Args& args) {
    if (args.size() == 0) return Value::steal(new Bytes(""));
    const Value& x = args[0];
    if (is_str(x)) {
        if (args.size() < 2 && args.kw.empty())
            in.raise("TypeError", "string argument without an encoding");
        return Value::steal(new Bytes(as_str(x)->s));
    }
    if (x.is_int()) {
        if (x.as_int() < 0) in.raise("ValueError", "negative count");
        return Value::steal(new Bytes(std::string(static_cast<size_t>(x.as_int()), '\0')));
    }
    if (has_layout(x, Layout::Bytes)) return x;
    std::string s;
    for (auto& v : in.to_vector(x)) {
        int64_t b = in.index_value(v);
        if (b < 0 || b > 255) in.raise("ValueError", "bytes must be in range(0, 256)");
        s += static_cast<char>(b);
    }
    return Value::steal(new Bytes(std::move(s)));
}

Value range_ctor(Interpreter& in, Type*, Args& args) {
    if (!args.kw.empty()) in.raise("TypeError", "range() takes no keyword arguments");
    int64_t a = 0, b = 0, c = 1;
    auto idx = [&](const Value& v) {
        if (v.is_float())
            in.raise("TypeError", "'float' object cannot be interpreted as an integer");
        return in.index_value(v);
    };
    if (args.size() == 1)
        b = idx(args[0]);
    else if (args.size() == 2) {
        a = idx(args[0]);
        b = idx(args[1]);
    } else if (args.size() == 3) {
        a = idx(args[0]);
        b = idx(args[1]);
        c = idx(args[2]);
        if (c == 0) in.raise("ValueError", "range() arg 3 must not be zero");
    } else {
        in.raise("TypeError", args.size() == 0 ? "range expected at least 1 argument, got 0"
                                               : "range expected at most 3 arguments, got " +
                                                     std::to_string(args.size()));
    }
    return Value::steal(new Range(a, b, c));
}

Value slice_ctor(Interpreter& in, Type*, Args& args) {
    if (args.size() == 1) return Value::steal(new Slice(Value::none(), args[0], Value::none()));
    if (args.size() == 2) return Value::steal(new Slice(args[0], args[1], Value::none()));
    if (args.size() == 3) return Value::steal(new Slice(args[0], args[1], args[2]));
    in.raise("TypeError", "slice expected at least 1 argument, got 0");
}

Value object_ctor(Interpreter& in, Type* cls, Args& args) {
    if (cls == Types::object && (args.size() || !args.kw.empty()))
        in.raise("TypeError", "object() takes no arguments");
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
    return Value(o);
}

Value type_ctor(Interpreter& in, Type*, Args& args) {
    if (args.size() == 1) return Value(args[0].type());
    if (args.size() != 3) in.raise("TypeError", "type() takes 1 or 3 arguments");
    if (!is_str(args[0]))
        in.raise("TypeError",
                 "type.__new__() argument 1 must be str, not " + in.type_name(args[0]));
    std::vector<Ref<Type>> bases;
    for (auto& b : in.to_vector(args[1])) {
        if (!has_layout(b, Layout::Type)) in.raise("TypeError", "bases must be types");
        bases.emplace_back(b.as<Type>());
    }
    Ref<Dict> ns = make<Dict>();
    if (has_layout(args[2], Layout::Dict))
        for (auto& e : args[2].as<Dict>()->entries)
            if (!e.key.empty()) ns->set(in, e.key, e.value);
    if (ns->get_str(intern("__module__")).empty() && in.frame) {
        // Globals without __name__ (exec() given a bare dict) leave the class in builtins.
        Value module_name = in.frame->module->dict->get_str(intern("__name__"));
        if (!module_name.empty()) ns->set_str(intern("__module__"), module_name);
    }
    if (ns->get_str(intern("__qualname__")).empty()) ns->set_str(intern("__qualname__"), args[0]);
    Ref<Type> t = in.create_class(as_str(args[0])->s, std::move(bases), ns);
    return Value(t.get());
}

Value property_ctor(Interpreter& in, Type* cls, Args& args) {
    Value a[4];
    parse_args(in, "property", args, {"fget", "fset", "fdel", "doc"}, 0, a);
    Ref<Property> p = make<Property>();
    if (cls != Types::property) {
        p->type->decref();
        p->type = cls;
        cls->incref();
    }
    p->fget = a[0].is_none() ? Value() : a[0];
    p->fset = a[1].is_none() ? Value() : a[1];
    p->fdel = a[2].is_none() ? Value() : a[2];
    p->doc = a[3];
    return p;
}

Value staticmethod_ctor(Interpreter& in, Type*, Args& args) {
    if (args.size() != 1)
        in.raise("TypeError",
                 "staticmethod expected 1 argument, got " + std::to_string(args.size()));
    Ref<WrapperDescr> w(new WrapperDescr(Types::staticmethod));
    w->func = args[0];
    return w;
}

Value classmethod_ctor(Interpreter& in, Type*, Args& args) {
    if (args.size() != 1)
        in.raise("TypeError",
                 "classmethod expected 1 argument, got " + std::to_string(args.size()));
    Ref<WrapperDescr> w(new WrapperDescr(Types::classmethod));
    w->func = args[0];
    return w;
}

Value super_ctor(Interpreter& in, Type*, Args& args) {
    Ref<Super> s = make<Super>();
    if (args.size() == 2) {
        if (!has_layout(args[0], Layout::Type))
            in.raise("TypeError",
                     "super() argument 1 must be a type, not " + in.type_name(args[0]));
        s->start = args[0].as<Type>();
        s->self = args[1];
        s->self_type = has_layout(args[1], Layout::Type) && args[1].as<Type>()->is_subtype(s->start)
                           ? args[1].as<Type>()
                           : args[1].type();
        if (!s->self_type->is_subtype(s->start))
            in.raise("TypeError", "super(type, obj): obj must be an instance or subtype of type");
        return s;
    }
    if (args.size() != 0) in.raise("TypeError", "super() takes 0 or 2 arguments");
    Frame* f = in.frame;
    while (f && !f->func && f->gen == nullptr)
        f = f->back;
    if (!f || !f->func || !f->func->klass)
        in.raise("RuntimeError", "super(): __class__ cell not found");
    if (f->code->n_positional == 0 && !f->code->has_varargs)
        in.raise("RuntimeError", "super(): no arguments");
    Value first = f->slots[0];
    if (!first.empty() && has_layout(first, Layout::Cell)) first = first.as<Cell>()->value;
    if (first.empty()) in.raise("RuntimeError", "super(): arg[0] deleted");
    s->start = f->func->klass;
    s->self = first;
    s->self_type = has_layout(first, Layout::Type) && first.as<Type>()->is_subtype(s->start)
                       ? first.as<Type>()
                       : first.type();
    return s;
}

Value exception_ctor(Interpreter& in, Type* cls, Args& args) {
    if (!args.kw.empty()) {
        Value init = cls->lookup("__init__");
        if (init.empty() || has_layout(init, Layout::NativeFunction))
            in.raise("TypeError", cls->name + "() takes no keyword arguments");
    }
    Ref<ExceptionObj> e(new ExceptionObj(cls));
    e->args = Tuple::create(args.pos);
    return e;
}

Object* alloc_exception(Type* t) {
    return new ExceptionObj(t);
}

} // namespace

Type* builtin_type(std::string_view name) {
    auto it = registry().find(std::string(name));
    return it == registry().end() ? nullptr : it->second;
}

void init_builtin_types() {
    static std::once_flag once;
    std::call_once(once, [] {
        // `type` and `object` reference each other; build them by hand.
        Types::type = nullptr;
        Type* obj = new Type("object");
        Type* type = new Type("type");
        obj->type = type;
        type->type = type;
        type->incref();
        type->incref();
        obj->dict->type = nullptr; // dicts created before `dict` exists get fixed below
        type->dict->type = nullptr;
        obj->make_immortal();
        type->make_immortal();
        obj->mro = {obj};
        type->bases.emplace_back(obj);
        type->mro = {type, obj};
        type->layout = Layout::Type;
        Types::object = obj;
        Types::type = type;
        registry()["object"] = obj;
        registry()["type"] = type;
        Types::dict = new_type("dict", Layout::Dict, obj);
        Types::str = new_type("str", Layout::Str, obj);
        for (Type* t : {obj, type, Types::dict, Types::str}) {
            t->dict->type = Types::dict;
            Types::dict->incref();
        }
        Types::none = new_type("NoneType", Layout::Singleton, obj, false);
        Types::int_ = new_type("int", Layout::BigInt, obj);
        Types::bool_ = new_type("bool", Layout::Object, Types::int_, false);
        Types::float_ = new_type("float", Layout::Object, obj);
        Types::bytes = new_type("bytes", Layout::Bytes, obj);
        Types::tuple = new_type("tuple", Layout::Tuple, obj);
        Types::list = new_type("list", Layout::List, obj);
        Types::set = new_type("set", Layout::Set, obj);
        Types::frozenset = new_type("frozenset", Layout::Set, obj);
        Types::function = new_type("function", Layout::Function, obj, false);
        Types::builtin_function =
            new_type("builtin_function_or_method", Layout::NativeFunction, obj, false);
        Types::method = new_type("method", Layout::BoundMethod, obj, false);
        Types::cell = new_type("cell", Layout::Cell, obj, false);
        Types::module = new_type("module", Layout::Module, obj);
        Types::property = new_type("property", Layout::Property, obj);
        Types::staticmethod = new_type("staticmethod", Layout::StaticMethod, obj);
        Types::classmethod = new_type("classmethod", Layout::ClassMethod, obj);
        Types::native_property = new_type("getset_descriptor", Layout::NativeProperty, obj, false);
        Types::super = new_type("super", Layout::Super, obj);
        Types::range = new_type("range", Layout::Range, obj, false);
        Types::slice = new_type("slice", Layout::Slice, obj, false);
        Types::iterator = new_type("iterator", Layout::Iterator, obj, false);
        Types::generator = new_type("generator", Layout::Iterator, obj, false);
        new_type("reversed", Layout::Iterator, obj, false);
        new_type("enumerate", Layout::Iterator, obj, false);
        new_type("zip", Layout::Iterator, obj, false);
        new_type("map", Layout::Iterator, obj, false);
        new_type("filter", Layout::Iterator, obj, false);
        Types::dict_keys = new_type("dict_keys", Layout::DictView, obj, false);
        Types::dict_values = new_type("dict_values", Layout::DictView, obj, false);
        Types::dict_items = new_type("dict_items", Layout::DictView, obj, false);
        Types::not_implemented = new_type("NotImplementedType", Layout::Singleton, obj, false);
        Types::ellipsis = new_type("ellipsis", Layout::Singleton, obj, false);
        Types::file = new_type("TextIOWrapper", Layout::Object, obj, false);
        Types::file->module = "_io";
        Singletons::not_implemented = new Object(Types::not_implemented);
        Singletons::not_implemented->make_immortal();
        Singletons::ellipsis = new Object(Types::ellipsis);
        Singletons::ellipsis->make_immortal();

        obj->ctor = object_ctor;
        type->ctor = type_ctor;
        Types::int_->ctor = int_ctor;
        Types::bool_->ctor = bool_ctor;
        Types::float_->ctor = float_ctor;
        Types::str->ctor = str_ctor;
        Types::bytes->ctor = bytes_ctor;
        Types::list->ctor = list_ctor;
        Types::tuple->ctor = tuple_ctor;
        Types::dict->ctor = dict_ctor;
        Types::set->ctor = set_ctor;
        Types::frozenset->ctor = frozenset_ctor;
        Types::range->ctor = range_ctor;
        Types::slice->ctor = slice_ctor;
        Types::property->ctor = property_ctor;
        Types::staticmethod->ctor = staticmethod_ctor;
        Types::classmethod->ctor = classmethod_ctor;
        Types::super->ctor = super_ctor;

        // Exceptions.
        Type* be = new_type("BaseException", Layout::Exception, obj);
        be->ctor = exception_ctor;
        be->alloc = alloc_exception;
        be->instance_dict = true;
        Types::base_exception = be;
        struct E {
            const char* name;
            const char* base;
        };
        static const E hier[] = {
            {"SystemExit", "BaseException"},
            {"KeyboardInterrupt", "BaseException"},
            {"GeneratorExit", "BaseException"},
            {"Exception", "BaseException"},
            {"StopIteration", "Exception"},
            {"ArithmeticError", "Exception"},
            {"OverflowError", "ArithmeticError"},
            {"ZeroDivisionError", "ArithmeticError"},
            {"FloatingPointError", "ArithmeticError"},
            {"AssertionError", "Exception"},
            {"AttributeError", "Exception"},
            {"BufferError", "Exception"},
            {"EOFError", "Exception"},
            {"ImportError", "Exception"},
            {"ModuleNotFoundError", "ImportError"},
            {"LookupError", "Exception"},
            {"IndexError", "LookupError"},
            {"KeyError", "LookupError"},
            {"MemoryError", "Exception"},
            {"NameError", "Exception"},
            {"UnboundLocalError", "NameError"},
            {"OSError", "Exception"},
            {"FileNotFoundError", "OSError"},
            {"FileExistsError", "OSError"},
            {"PermissionError", "OSError"},
            {"IsADirectoryError", "OSError"},
            {"NotADirectoryError", "OSError"},
            {"TimeoutError", "OSError"},
            {"ConnectionError", "OSError"},
            {"ReferenceError", "Exception"},
            {"RuntimeError", "Exception"},
            {"NotImplementedError", "RuntimeError"},
            {"RecursionError", "RuntimeError"},
            {"SyntaxError", "Exception"},
            {"IndentationError", "SyntaxError"},
            {"TabError", "IndentationError"},
            {"SystemError", "Exception"},
            {"TypeError", "Exception"},
            {"ValueError", "Exception"},
            {"UnicodeError", "ValueError"},
            {"UnicodeDecodeError", "UnicodeError"},
            {"UnicodeEncodeError", "UnicodeError"},
            {"Warning", "Exception"},
            {"UserWarning", "Warning"},
            {"DeprecationWarning", "Warning"},
            {"RuntimeWarning", "Warning"},
            {"FutureWarning", "Warning"},
            {"StopAsyncIteration", "Exception"},
        };
        for (const E& e : hier) {
            Type* t = new_type(e.name, Layout::Exception, registry()[e.base]);
            t->instance_dict = true;
        }
        registry()["IOError"] = registry()["OSError"];
        registry()["EnvironmentError"] = registry()["OSError"];
        install_methods();
    });
}

} // namespace ormsh::lang
