// ColumnCollection: attribute and key access to the columns of a table, alias or select, so
// that users.c.name, users.c['name'], list(users.c) and 'name' in users.c behave as in
// SQLAlchemy.
#include "repl/api/sqlalchemy/column_collection.h"

#include "repl/api/sqlalchemy/binding.h"

namespace ormsh::api {

namespace {

Type* collection_type() {
    static Type* t = nullptr;
    if (t) return t;
    t = lang::TypeBuilder("ImmutableColumnCollection", {}, "sqlalchemy.sql.base")
            .instance_dict(true)
            .build();
    auto self_of = [](const Value& v) { return v.as<ColumnCollectionObj>(); };
    def_getattr(t, [self_of](Interpreter& in, const Value& self, const std::string& name) -> Value {
        Value v = self_of(self)->get(name);
        if (v.empty()) in.raise("AttributeError", name);
        return v;
    });
    def(t, "__getitem__", [self_of](Interpreter& in, const Value& self, Args& args) -> Value {
        ColumnCollectionObj* c = self_of(self);
        if (args.size() != 1) in.raise("TypeError", "__getitem__ takes one argument");
        if (lang::is_str(args[0])) {
            Value v = c->get(lang::as_str(args[0])->s);
            if (v.empty())
                in.raise_value(in.new_exception(lang::builtin_type("KeyError"), {args[0]}));
            return v;
        }
        int64_t i = in.index_value(args[0]);
        int64_t n = static_cast<int64_t>(c->items.size());
        if (i < 0) i += n;
        if (i < 0 || i >= n) in.raise("IndexError", "index out of range");
        return c->items[static_cast<size_t>(i)].second;
    });
    def(t, "__len__", [self_of](Interpreter&, const Value& self, Args&) -> Value {
        return Value::integer(static_cast<int64_t>(self_of(self)->items.size()));
    });
    auto values = [self_of](const Value& self) {
        std::vector<Value> out;
        for (auto& kv : self_of(self)->items)
            out.push_back(kv.second);
        return out;
    };
    def(t, "__iter__", [values](Interpreter& in, const Value& self, Args&) -> Value {
        return in.iter(lang::new_list(values(self)));
    });
    def(t, "values", [values](Interpreter&, const Value& self, Args&) -> Value {
        return lang::new_list(values(self));
    });
    def(t, "keys", [self_of](Interpreter&, const Value& self, Args&) -> Value {
        std::vector<Value> out;
        for (auto& kv : self_of(self)->items)
            out.push_back(lang::new_str(kv.first));
        return lang::new_list(std::move(out));
    });
    def(t, "items", [self_of](Interpreter&, const Value& self, Args&) -> Value {
        std::vector<Value> out;
        for (auto& kv : self_of(self)->items)
            out.push_back(lang::new_tuple({lang::new_str(kv.first), kv.second}));
        return lang::new_list(std::move(out));
    });
    def(t, "get", [self_of](Interpreter&, const Value& self, Args& args) -> Value {
        if (args.size() >= 1 && lang::is_str(args[0])) {
            Value v = self_of(self)->get(lang::as_str(args[0])->s);
            if (!v.empty()) return v;
        }
        return args.size() >= 2 ? args[1] : Value::none();
    });
    def(t, "__contains__", [self_of](Interpreter&, const Value& self, Args& args) -> Value {
        if (args.size() != 1) return Value::boolean(false);
        if (lang::is_str(args[0]))
            return Value::boolean(!self_of(self)->get(lang::as_str(args[0])->s).empty());
        for (auto& kv : self_of(self)->items)
            if (kv.second.is(args[0])) return Value::boolean(true);
        return Value::boolean(false);
    });
    def(t, "__repr__", [self_of](Interpreter& in, const Value& self, Args&) -> Value {
        std::string s = "ImmutableColumnCollection(";
        bool first = true;
        for (auto& kv : self_of(self)->items) {
            if (!first) s += ", ";
            first = false;
            s += in.str(kv.second);
        }
        return lang::new_str(s + ")");
    });
    return t;
}

} // namespace

void ColumnCollectionObj::traverse(lang::Visitor& v) {
    Object::traverse(v);
    for (auto& kv : items)
        if (kv.second.is_obj()) v.visit(kv.second.obj());
}

void ColumnCollectionObj::clear_refs() {
    Object::clear_refs();
    items.clear();
}

Value ColumnCollectionObj::get(std::string_view key) const {
    for (auto& kv : items)
        if (kv.first == key) return kv.second;
    return Value();
}

// table.primary_key: SQLAlchemy's PrimaryKeyConstraint iterates and indexes like its columns
// and also offers them as .columns.
Type* primary_key_type() {
    static Type* t = [] {
        Type* pk = lang::TypeBuilder("PrimaryKeyConstraint", {collection_type()}, "sqlalchemy.sql.schema")
                       .instance_dict(true)
                       .build();
        def_property(pk, "columns", [](Interpreter&, const Value& self) -> Value {
            Value copy = make_column_collection();
            copy.as<ColumnCollectionObj>()->items = self.as<ColumnCollectionObj>()->items;
            return copy;
        });
        def_property(pk, "name", [](Interpreter&, const Value&) -> Value { return Value::none(); });
        return pk;
    }();
    return t;
}

Value make_primary_key_collection() {
    auto* o = new ColumnCollectionObj(primary_key_type());
    o->track();
    return Value(o);
}

Value make_column_collection() {
    auto* o = new ColumnCollectionObj(collection_type());
    o->track();
    return Value(o);
}

void column_collection_add(const Value& coll, std::string key, Value column) {
    coll.as<ColumnCollectionObj>()->items.emplace_back(std::move(key), std::move(column));
}

void def_getattr(Type* t, std::function<Value(Interpreter&, const Value&, const std::string&)> fn) {
    def(t, "__getattr__", [fn](Interpreter& in, const Value& self, Args& args) -> Value {
        // Called unbound by attribute lookup: (obj, name); bound when called explicitly.
        if (self.empty()) {
            if (args.size() != 2) in.raise("TypeError", "__getattr__ expects (obj, name)");
            return fn(in, args[0], str_arg(in, args[1], "attribute name"));
        }
        if (args.size() != 1) in.raise("TypeError", "__getattr__ expects a name");
        return fn(in, self, str_arg(in, args[0], "attribute name"));
    });
}

} // namespace ormsh::api
