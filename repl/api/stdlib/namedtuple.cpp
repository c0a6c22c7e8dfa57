// collections.namedtuple: builds a tuple subclass with one read-only property per field, a
// native constructor that takes the fields by position or keyword (with CPython's TypeErrors
// and defaults), and _fields, _field_defaults, _asdict, _replace, _make and CPython's repr.
#include "repl/api/stdlib/module_util.h"

#include <algorithm>
#include <set>

namespace ormsh::api::stdlib {

namespace {

using lang::Tuple;

bool is_identifier(const std::string& s) {
    if (s.empty()) return false;
    auto ok_first = [](unsigned char c) { return c == '_' || std::isalpha(c) || c >= 0x80; };
    auto ok_rest = [](unsigned char c) { return c == '_' || std::isalnum(c) || c >= 0x80; };
    if (!ok_first(static_cast<unsigned char>(s[0]))) return false;
    return std::all_of(s.begin() + 1, s.end(),
                       [&](char c) { return ok_rest(static_cast<unsigned char>(c)); });
}

bool is_keyword(const std::string& s) {
    static const std::set<std::string> keywords = {
        "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
        "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
        "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
        "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield"};
    return keywords.count(s) > 0;
}

// The class namedtuple() created (subclasses of it inherit its constructor).
Type* base_of(Type* cls) {
    for (Type* t : cls->mro)
        if (!t->dict->get_str("_fields").empty()) return t;
    return cls;
}

std::vector<std::string> fields_of(Type* cls) {
    std::vector<std::string> out;
    Value f = cls->lookup("_fields");
    for (auto& v : f.as<Tuple>()->items)
        out.push_back(lang::as_str(v)->s);
    return out;
}

Value new_tuple_of(Type* cls, std::vector<Value> items) {
    Ref<Tuple> t = Ref<Tuple>(Tuple::create(std::move(items)));
    t->type->decref();
    t->type = cls;
    cls->incref();
    return Value(t.get());
}

std::string quoted_list(const std::vector<std::string>& names) {
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
        out += "'" + names[i] + "'";
    }
    return out;
}

Value nt_ctor(Interpreter& in, Type* cls, Args& args) {
    Type* base = base_of(cls);
    std::string fname = base->name + ".__new__()";
    std::vector<std::string> fields = fields_of(base);
    size_t n = fields.size();
    if (args.size() > n)
        in.raise("TypeError", fname + " takes " + std::to_string(n + 1) +
                                  " positional arguments but " + std::to_string(args.size() + 1) +
                                  " were given");
    std::vector<Value> items(n);
    for (size_t i = 0; i < args.size(); ++i)
        items[i] = args[i];
    for (auto& kw : args.kw) {
        auto it = std::find(fields.begin(), fields.end(), kw.name->s);
        if (it == fields.end())
            in.raise("TypeError",
                     fname + " got an unexpected keyword argument '" + kw.name->s + "'");
        size_t i = static_cast<size_t>(it - fields.begin());
        if (!items[i].empty())
            in.raise("TypeError", fname + " got multiple values for argument '" + kw.name->s + "'");
        items[i] = kw.value;
    }
    Value defaults = base->lookup("_field_defaults");
    std::vector<std::string> missing;
    for (size_t i = 0; i < n; ++i) {
        if (!items[i].empty()) continue;
        Value d = defaults.as<lang::Dict>()->get_str(fields[i]);
        if (!d.empty())
            items[i] = d;
        else
            missing.push_back(fields[i]);
    }
    if (!missing.empty())
        in.raise("TypeError", fname + " missing " + std::to_string(missing.size()) +
                                  " required positional argument" +
                                  (missing.size() > 1 ? "s" : "") + ": " + quoted_list(missing));
    return new_tuple_of(cls, std::move(items));
}

Value nt_repr(Interpreter& in, const Value& self, Args&) {
    std::vector<std::string> fields = fields_of(self.type());
    auto& items = self.as<Tuple>()->items;
    std::string out = short_type_name(self) + "(";
    for (size_t i = 0; i < fields.size() && i < items.size(); ++i)
        out += (i ? ", " : "") + fields[i] + "=" + in.repr(items[i]);
    return lang::new_str(out + ")");
}

Value nt_asdict(Interpreter& in, const Value& self, Args&) {
    std::vector<std::string> fields = fields_of(self.type());
    Ref<lang::Dict> d = lang::make<lang::Dict>();
    auto& items = self.as<Tuple>()->items;
    for (size_t i = 0; i < fields.size(); ++i)
        d->set(in, lang::new_str(fields[i]), items[i]);
    return Value(d.get());
}

Value nt_replace(Interpreter& in, const Value& self, Args& args) {
    std::vector<std::string> fields = fields_of(self.type());
    std::vector<Value> items = self.as<Tuple>()->items.to_vector();
    std::vector<std::string> unknown;
    for (auto& kw : args.kw) {
        auto it = std::find(fields.begin(), fields.end(), kw.name->s);
        if (it == fields.end())
            unknown.push_back(kw.name->s);
        else
            items[static_cast<size_t>(it - fields.begin())] = kw.value;
    }
    if (!unknown.empty()) {
        std::vector<Value> names;
        for (auto& u : unknown)
            names.push_back(lang::new_str(u));
        in.raise("ValueError",
                 "Got unexpected field names: " + in.repr(lang::new_list(std::move(names))));
    }
    return new_tuple_of(self.type(), std::move(items));
}

Value nt_make(Interpreter& in, const Value& cls, Args& args) {
    Type* t = cls.as<Type>();
    std::vector<Value> items = in.to_vector(args[0]);
    size_t n = fields_of(t).size();
    if (items.size() != n)
        in.raise("TypeError", "Expected " + std::to_string(n) + " arguments, got " +
                                  std::to_string(items.size()));
    return new_tuple_of(t, std::move(items));
}

Value field_getter(size_t index) {
    Ref<lang::NativeProperty> p(new lang::NativeProperty());
    p->get = [index](Interpreter&, const Value& self) { return self.as<Tuple>()->items[index]; };
    return Value(p.get());
}

std::vector<std::string> parse_field_names(Interpreter& in, const Value& spec) {
    std::vector<std::string> out;
    if (lang::is_str(spec)) {
        std::string cur;
        for (char c : lang::as_str(spec)->s + " ") {
            if (c == ',' || c == ' ' || c == '\t' || c == '\n') {
                if (!cur.empty()) out.push_back(cur);
                cur.clear();
            } else {
                cur += c;
            }
        }
        return out;
    }
    for (auto& v : in.to_vector(spec))
        out.push_back(in.str(v));
    return out;
}

} // namespace

// namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)
Value make_namedtuple_class(Interpreter& in, Args& args) {
    Value p[5];
    lang::parse_args(in, "namedtuple", args,
                     {"typename", "field_names", "rename", "defaults", "module"}, 2, p);
    std::string name = in.str(p[0]);
    std::vector<std::string> fields = parse_field_names(in, p[1]);
    bool rename = !p[2].empty() && in.truthy(p[2]);
    if (rename) {
        std::set<std::string> seen;
        for (size_t i = 0; i < fields.size(); ++i) {
            const std::string& f = fields[i];
            if (!is_identifier(f) || is_keyword(f) || f[0] == '_' || seen.count(f))
                fields[i] = "_" + std::to_string(i);
            seen.insert(fields[i]);
        }
    }
    std::vector<std::string> all = fields;
    all.insert(all.begin(), name);
    for (auto& f : all) {
        if (!is_identifier(f))
            in.raise("ValueError",
                     "Type names and field names must be valid identifiers: '" + f + "'");
        if (is_keyword(f))
            in.raise("ValueError", "Type names and field names cannot be a keyword: '" + f + "'");
    }
    std::set<std::string> seen;
    for (auto& f : fields) {
        if (f[0] == '_' && !rename)
            in.raise("ValueError", "Field names cannot start with an underscore: '" + f + "'");
        if (!seen.insert(f).second)
            in.raise("ValueError", "Encountered duplicate field name: '" + f + "'");
    }

    Ref<lang::Dict> ns = lang::make<lang::Dict>();
    std::vector<Value> field_values;
    for (size_t i = 0; i < fields.size(); ++i) {
        field_values.push_back(lang::new_str(fields[i]));
        ns->set_str(fields[i], field_getter(i));
    }
    ns->set_str("_fields", lang::new_tuple(field_values));
    ns->set_str("__match_args__", lang::new_tuple(field_values));
    Ref<lang::Dict> defaults = lang::make<lang::Dict>();
    if (!p[3].empty() && !p[3].is_none()) {
        std::vector<Value> d = in.to_vector(p[3]);
        if (d.size() > fields.size())
            in.raise("TypeError", "Got more default values than field names");
        size_t first = fields.size() - d.size();
        for (size_t i = 0; i < d.size(); ++i)
            defaults->set_str(fields[first + i], d[i]);
    }
    ns->set_str("_field_defaults", Value(defaults.get()));
    std::string module = "__main__";
    if (!p[4].empty() && !p[4].is_none())
        module = in.str(p[4]);
    else if (in.frame && in.frame->module)
        module = in.frame->module->name;
    ns->set_str("__module__", lang::new_str(module));
    ns->set_str("__repr__", lang::make_native_function("__repr__", nt_repr, true));
    ns->set_str("_asdict", lang::make_native_function("_asdict", nt_asdict, true));
    ns->set_str("_replace", lang::make_native_function("_replace", nt_replace, true));
    Ref<lang::WrapperDescr> make_cm(new lang::WrapperDescr(lang::Types::classmethod));
    make_cm->func = lang::make_native_function("_make", nt_make, false);
    ns->set_str("_make", Value(make_cm.get()));

    Ref<Type> cls = in.create_class(name, {Ref<Type>(lang::Types::tuple)}, ns);
    cls->ctor = nt_ctor;
    return Value(cls.get());
}

} // namespace ormsh::api::stdlib
