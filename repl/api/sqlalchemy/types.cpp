// sqlalchemy.types: the column type classes (Integer, String(80), Numeric(10, 2), Enum ...)
// and their upper-case SQL spellings (INTEGER, VARCHAR ...). Each instance is a TypeObj
// holding an engine::TypeSpec; a class used bare (Column('id', Integer)) means Integer().
#include "repl/api/sqlalchemy/binding.h"

#include <fmt/format.h>
#include <map>

namespace ormsh::api {

namespace {

using engine::TypeKind;

// What a type class builds and how its constructor reads its arguments.
enum class Family { Plain, Stringy, Numeric, Float, DateTime, Time, Enum, Binary, Interval, Json };

struct TypeClassInfo {
    TypeKind kind;
    Family family;
    // Upper-case SQL spelling classes whose str() is their own name (CHAR(10), TIMESTAMP).
    bool own_name = false;
};

std::map<const Type*, TypeClassInfo>& class_info() {
    static std::map<const Type*, TypeClassInfo> m;
    return m;
}
std::map<TypeKind, Type*>& class_for_kind() {
    static std::map<TypeKind, Type*> m;
    return m;
}
std::vector<std::pair<std::string, Type*>>& exported() {
    static std::vector<std::pair<std::string, Type*>> v;
    return v;
}

const TypeClassInfo* info_of(const Type* cls) {
    for (const Type* t : cls->mro) {
        auto it = class_info().find(t);
        if (it != class_info().end()) return &it->second;
    }
    return nullptr;
}

Value type_ctor(Interpreter& in, Type* cls, Args& args) {
    const TypeClassInfo* info = info_of(cls);
    auto* o = new TypeObj(cls);
    Value result(o);
    engine::TypeSpec& s = o->spec;
    s.kind = info ? info->kind : TypeKind::Null;
    Value v[4];
    switch (info ? info->family : Family::Plain) {
    case Family::Plain:
        break;
    case Family::Stringy:
        lang::parse_args(in, cls->name.c_str(), args, {"length", "collation"}, 0, v, true);
        s.length = opt_int(in, v[0]);
        break;
    case Family::Binary:
        lang::parse_args(in, cls->name.c_str(), args, {"length"}, 0, v, true);
        s.length = opt_int(in, v[0]);
        break;
    case Family::Numeric:
        lang::parse_args(in, cls->name.c_str(), args,
                         {"precision", "scale", "decimal_return_scale", "asdecimal"}, 0, v, true);
        s.precision = opt_int(in, v[0]);
        s.scale = opt_int(in, v[1]);
        s.asdecimal = opt_bool(in, v[3], true);
        break;
    case Family::Float:
        lang::parse_args(in, cls->name.c_str(), args,
                         {"precision", "asdecimal", "decimal_return_scale"}, 0, v, true);
        s.precision = opt_int(in, v[0]);
        s.asdecimal = opt_bool(in, v[1], false);
        break;
    case Family::DateTime:
    case Family::Time:
        lang::parse_args(in, cls->name.c_str(), args, {"timezone"}, 0, v, true);
        s.timezone = opt_bool(in, v[0], false);
        break;
    case Family::Interval:
    case Family::Json:
        break;
    case Family::Enum: {
        std::vector<std::string> values;
        for (const Value& a : args.pos) {
            if (lang::is_str(a)) {
                values.push_back(lang::as_str(a)->s);
            } else if (has_layout(a, lang::Layout::Type)) {
                // Enum(PythonEnumClass): the members' names are stored, the class remembered.
                o->enum_class = a;
                // The column's TypeSpec names the class; it must outlive every copy of it.
                a.obj()->incref();
                s.python_enum = a.obj();
                for (const Value& member : in.to_vector(a))
                    values.push_back(in.str(in.getattr(member, "name")));
            } else {
                for (const Value& x : in.to_vector(a))
                    values.push_back(in.str(x));
            }
        }
        s.enum_values = values;
        size_t longest = 0;
        for (const auto& x : values)
            longest = std::max(longest, x.size());
        s.length = static_cast<int>(longest);
        if (Value len = kwarg(args, "length"); !len.empty() && !len.is_none())
            s.length = opt_int(in, len);
        if (Value name = kwarg(args, "name"); !name.empty() && !name.is_none())
            s.enum_name = in.str(name);
        else if (!o->enum_class.empty()) {
            std::string n = o->enum_class.as<Type>()->name;
            for (auto& ch : n)
                ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            s.enum_name = n;
        }
        break;
    }
    }
    return result;
}

std::string type_str(const TypeObj* t) {
    const TypeClassInfo* info = info_of(t->type);
    const engine::TypeSpec& s = t->spec;
    if (info && info->own_name) {
        const std::string& n = t->type->name;
        if (s.precision && s.scale) return fmt::format("{}({}, {})", n, *s.precision, *s.scale);
        if (s.precision) return fmt::format("{}({})", n, *s.precision);
        if (s.length) return fmt::format("{}({})", n, *s.length);
        return n;
    }
    return s.sqlalchemy_str();
}

std::string type_repr(Interpreter& in, const TypeObj* t) {
    const engine::TypeSpec& s = t->spec;
    std::vector<std::string> parts;
    const TypeClassInfo* info = info_of(t->type);
    Family f = info ? info->family : Family::Plain;
    if (f == Family::Enum) {
        for (const auto& v : s.enum_values)
            parts.push_back(in.repr(lang::new_str(v)));
    }
    if ((f == Family::Stringy || f == Family::Binary) && s.length)
        parts.push_back(fmt::format("length={}", *s.length));
    if ((f == Family::Numeric || f == Family::Float) && s.precision)
        parts.push_back(fmt::format("precision={}", *s.precision));
    if (f == Family::Numeric && s.scale) parts.push_back(fmt::format("scale={}", *s.scale));
    if (f == Family::Numeric && !s.asdecimal) parts.push_back("asdecimal=False");
    if (f == Family::Float && s.asdecimal) parts.push_back("asdecimal=True");
    if ((f == Family::DateTime || f == Family::Time) && s.timezone)
        parts.push_back("timezone=True");
    std::string out = t->type->name + "(";
    for (size_t i = 0; i < parts.size(); ++i)
        out += (i ? ", " : "") + parts[i];
    return out + ")";
}

Type* add_class(const std::string& name, Type* base, TypeKind kind, Family family,
                bool own_name = false) {
    Type* t = lang::TypeBuilder(name, {base}, "sqlalchemy.sql.sqltypes").ctor(type_ctor).build();
    class_info()[t] = TypeClassInfo{kind, family, own_name};
    exported().emplace_back(name, t);
    return t;
}

} // namespace

void init_type_objects(Interpreter&) {
    Type* base = api_types().type_engine;
    base->ctor = type_ctor;
    struct Def {
        const char* name;
        TypeKind kind;
        Family family;
        const char* kind_class; // registered as the class for make_type_object
    };
    Type* integer = add_class("Integer", base, TypeKind::Integer, Family::Plain);
    Type* big = add_class("BigInteger", integer, TypeKind::BigInteger, Family::Plain);
    Type* small = add_class("SmallInteger", integer, TypeKind::SmallInteger, Family::Plain);
    Type* string = add_class("String", base, TypeKind::String, Family::Stringy);
    Type* text = add_class("Text", string, TypeKind::Text, Family::Stringy);
    Type* unicode = add_class("Unicode", string, TypeKind::Unicode, Family::Stringy);
    add_class("UnicodeText", text, TypeKind::Text, Family::Stringy);
    Type* boolean = add_class("Boolean", base, TypeKind::Boolean, Family::Plain);
    Type* numeric = add_class("Numeric", base, TypeKind::Numeric, Family::Numeric);
    Type* flt = add_class("Float", numeric, TypeKind::Float, Family::Float);
    Type* date = add_class("Date", base, TypeKind::Date, Family::Plain);
    Type* datetime = add_class("DateTime", base, TypeKind::DateTime, Family::DateTime);
    Type* time = add_class("Time", base, TypeKind::Time, Family::Time);
    Type* binary = add_class("LargeBinary", base, TypeKind::LargeBinary, Family::Binary);
    Type* json = add_class("JSON", base, TypeKind::JSON, Family::Json);
    Type* enum_ = add_class("Enum", string, TypeKind::Enum, Family::Enum);
    Type* interval = add_class("Interval", base, TypeKind::Interval, Family::Interval);
    Type* null = add_class("NullType", base, TypeKind::Null, Family::Plain);
    add_class("PickleType", binary, TypeKind::LargeBinary, Family::Binary);
    // Upper-case SQL spellings.
    add_class("INTEGER", integer, TypeKind::Integer, Family::Plain);
    add_class("INT", integer, TypeKind::Integer, Family::Plain);
    add_class("BIGINT", big, TypeKind::BigInteger, Family::Plain);
    add_class("SMALLINT", small, TypeKind::SmallInteger, Family::Plain);
    add_class("VARCHAR", string, TypeKind::String, Family::Stringy);
    add_class("NVARCHAR", unicode, TypeKind::Unicode, Family::Stringy, true);
    add_class("CHAR", string, TypeKind::String, Family::Stringy, true);
    add_class("NCHAR", unicode, TypeKind::Unicode, Family::Stringy, true);
    add_class("TEXT", text, TypeKind::Text, Family::Stringy);
    add_class("CLOB", text, TypeKind::Text, Family::Stringy, true);
    add_class("BOOLEAN", boolean, TypeKind::Boolean, Family::Plain);
    add_class("NUMERIC", numeric, TypeKind::Numeric, Family::Numeric);
    add_class("DECIMAL", numeric, TypeKind::Numeric, Family::Numeric, true);
    add_class("FLOAT", flt, TypeKind::Float, Family::Float);
    add_class("REAL", flt, TypeKind::Float, Family::Float, true);
    add_class("DATE", date, TypeKind::Date, Family::Plain);
    add_class("DATETIME", datetime, TypeKind::DateTime, Family::DateTime);
    add_class("TIMESTAMP", datetime, TypeKind::DateTime, Family::DateTime, true);
    add_class("TIME", time, TypeKind::Time, Family::Time);
    add_class("BLOB", binary, TypeKind::LargeBinary, Family::Binary);
    add_class("BINARY", binary, TypeKind::LargeBinary, Family::Binary, true);
    add_class("VARBINARY", binary, TypeKind::LargeBinary, Family::Binary, true);
    (void)json;
    (void)enum_;
    (void)interval;
    (void)null;

    auto& k = class_for_kind();
    k[TypeKind::Null] = null;
    k[TypeKind::Integer] = integer;
    k[TypeKind::BigInteger] = big;
    k[TypeKind::SmallInteger] = small;
    k[TypeKind::String] = string;
    k[TypeKind::Text] = text;
    k[TypeKind::Unicode] = unicode;
    k[TypeKind::Boolean] = boolean;
    k[TypeKind::Float] = flt;
    k[TypeKind::Numeric] = numeric;
    k[TypeKind::Date] = date;
    k[TypeKind::DateTime] = datetime;
    k[TypeKind::Time] = time;
    k[TypeKind::LargeBinary] = binary;
    k[TypeKind::JSON] = json;
    k[TypeKind::Enum] = enum_;
    k[TypeKind::Interval] = interval;

    auto self_of = [](const Value& v) { return v.as<TypeObj>(); };
    def(base, "__str__", [self_of](Interpreter&, const Value& self, Args&) -> Value {
        return lang::new_str(type_str(self_of(self)));
    });
    def(base, "__repr__", [self_of](Interpreter& in, const Value& self, Args&) -> Value {
        return lang::new_str(type_repr(in, self_of(self)));
    });
    def(base, "compile", [self_of](Interpreter&, const Value& self, Args&) -> Value {
        return lang::new_str(type_str(self_of(self)));
    });
    def_property(base, "length", [self_of](Interpreter&, const Value& self) -> Value {
        auto& l = self_of(self)->spec.length;
        return l ? Value::integer(*l) : Value::none();
    });
    def_property(base, "precision", [self_of](Interpreter&, const Value& self) -> Value {
        auto& p = self_of(self)->spec.precision;
        return p ? Value::integer(*p) : Value::none();
    });
    def_property(base, "scale", [self_of](Interpreter&, const Value& self) -> Value {
        auto& p = self_of(self)->spec.scale;
        return p ? Value::integer(*p) : Value::none();
    });
    def_property(base, "asdecimal", [self_of](Interpreter&, const Value& self) -> Value {
        return Value::boolean(self_of(self)->spec.asdecimal);
    });
    def_property(base, "timezone", [self_of](Interpreter&, const Value& self) -> Value {
        return Value::boolean(self_of(self)->spec.timezone);
    });
    def_property(base, "enums", [self_of](Interpreter&, const Value& self) -> Value {
        std::vector<Value> out;
        for (const auto& v : self_of(self)->spec.enum_values)
            out.push_back(lang::new_str(v));
        return lang::new_list(std::move(out));
    });
    def_property(base, "enum_class", [self_of](Interpreter&, const Value& self) -> Value {
        const Value& c = self_of(self)->enum_class;
        return c.empty() ? Value::none() : c;
    });
    def_property(base, "name", [self_of](Interpreter&, const Value& self) -> Value {
        const auto& n = self_of(self)->spec.enum_name;
        return n.empty() ? Value::none() : lang::new_str(n);
    });
    def_property(base, "python_type", [self_of](Interpreter& in, const Value& self) -> Value {
        switch (self_of(self)->spec.kind) {
        case TypeKind::Integer:
        case TypeKind::BigInteger:
        case TypeKind::SmallInteger:
            return Value(lang::Types::int_);
        case TypeKind::String:
        case TypeKind::Text:
        case TypeKind::Unicode:
        case TypeKind::Enum:
            return Value(lang::Types::str);
        case TypeKind::Boolean:
            return Value(lang::Types::bool_);
        case TypeKind::Float:
            return Value(lang::Types::float_);
        case TypeKind::LargeBinary:
            return Value(lang::Types::bytes);
        case TypeKind::JSON:
            return Value(lang::Types::dict);
        default:
            break;
        }
        in.raise("NotImplementedError", "python_type is not known for this type");
    });
}

Value make_type_object(Interpreter&, const engine::TypeSpec& spec) {
    api_types();
    auto it = class_for_kind().find(spec.kind);
    auto* o = new TypeObj(it != class_for_kind().end() ? it->second : api_types().type_engine);
    Value v(o);
    o->spec = spec;
    return v;
}

void add_type_names(Interpreter&, lang::Module& m) {
    api_types();
    for (auto& [name, t] : exported())
        m.dict->set_str(lang::intern(name), Value(t));
    m.dict->set_str(lang::intern("TypeEngine"), Value(api_types().type_engine));
}

} // namespace ormsh::api
