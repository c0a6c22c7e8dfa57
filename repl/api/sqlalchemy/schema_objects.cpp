// sqlalchemy.schema: Column, Table, MetaData, ForeignKey and the table-level constraints and
// Index, built on core/schema. Table(..., autoload_with=engine) reflects; MetaData(bind=...)
// gives statements their implicit engine (1.4's stmt.execute()).
#include "core/schema/ddl.h"
#include "core/sql/compiler.h"
#include "core/sql/dml.h"
#include "core/sql/schema_expression.h"
#include "core/sql/selectable.h"
#include "repl/api/convert.h"
#include "repl/api/sqlalchemy/binding.h"
#include "repl/api/sqlalchemy/column_collection.h"
#include "repl/api/sqlalchemy/engine_objects.h"

#include <unordered_map>

namespace ormsh::api {

namespace {

using lang::Layout;

struct ForeignKeyObj : lang::Object {
    explicit ForeignKeyObj(Type* t) : Object(t) {}
    std::shared_ptr<schema::ForeignKey> fk;
};

// UniqueConstraint / CheckConstraint / ForeignKeyConstraint / PrimaryKeyConstraint / Index,
// kept until the Table they are passed to (or, for Index on columns, created at once).
struct ConstraintObj : lang::Object {
    explicit ConstraintObj(Type* t) : Object(t) {}
    enum class Kind { Unique, Check, ForeignKey, PrimaryKey, Index } kind = Kind::Unique;
    std::optional<std::string> name;
    std::vector<std::string> columns;
    std::vector<std::string> refcolumns;
    std::optional<std::string> ondelete, onupdate;
    std::string sqltext;
    bool unique = false;
};

struct SchemaTypes {
    Type* foreign_key = nullptr;
    Type* constraint = nullptr;
    Type* unique = nullptr;
    Type* check = nullptr;
    Type* fk_constraint = nullptr;
    Type* pk_constraint = nullptr;
    Type* index = nullptr;
    Type* column_default = nullptr;
};
SchemaTypes& schema_types() {
    static SchemaTypes s;
    return s;
}

std::unordered_map<const schema::MetaData*, MetaDataObj*>& metadata_registry() {
    static std::unordered_map<const schema::MetaData*, MetaDataObj*> r;
    return r;
}

ColumnObj* column_self(const Value& v) {
    return v.as<ColumnObj>();
}
TableObj* table_self(const Value& v) {
    return v.as<TableObj>();
}
MetaDataObj* metadata_self(const Value& v) {
    return v.as<MetaDataObj>();
}

bool is_callable_value(const Value& v) {
    if (!v.is_obj()) return false;
    switch (v.type()->layout) {
    case Layout::Function:
    case Layout::NativeFunction:
    case Layout::BoundMethod:
        return true;
    case Layout::Type:
        return true;
    default:
        return false;
    }
}

// default= / onupdate=: a constant, a Python callable called per row, or an SQL expression.
schema::ColumnDefault column_default(Interpreter& in, const Value& v) {
    if (sql::NodePtr n = clause_of(in, v)) return sql::sql_default(n);
    if (is_callable_value(v)) {
        Value fn = v;
        return schema::ColumnDefault::from_callable([fn]() -> engine::Value {
            Interpreter& in = Interpreter::current();
            Value r = in.call(fn, {});
            return to_db(in, r);
        });
    }
    return schema::ColumnDefault::scalar(to_db(in, v));
}

std::optional<schema::ServerDefault> server_default(Interpreter& in, const Value& v) {
    if (v.empty() || v.is_none()) return std::nullopt;
    if (lang::is_str(v)) return schema::ServerDefault::from_literal(lang::as_str(v)->s);
    if (sql::NodePtr n = clause_of(in, v)) return sql::server_default(n);
    return schema::ServerDefault::from_literal(in.str(v));
}

std::string column_key_of(Interpreter& in, const Value& v) {
    if (lang::is_str(v)) return lang::as_str(v)->s;
    if (v.is_obj() && v.type()->is_subtype(api_types().column)) return column_self(v)->column->key;
    in.raise("TypeError", "expected a column name or Column, got " + in.type_name(v));
}

Value column_ctor(Interpreter& in, Type* cls, Args& args) {
    auto* o = static_cast<ColumnObj*>(cls->alloc ? cls->alloc(cls) : new ColumnObj(cls));
    Value result(o);
    std::string name;
    engine::TypeSpec type;
    bool have_type = false;
    std::vector<std::shared_ptr<schema::ForeignKey>> fks;
    for (const Value& a : args.pos) {
        if (lang::is_str(a) && name.empty() && !have_type) {
            name = lang::as_str(a)->s;
        } else if (a.is_obj() && a.type()->is_subtype(schema_types().foreign_key)) {
            fks.push_back(a.as<ForeignKeyObj>()->fk);
        } else if (a.is_obj() && (a.type()->is_subtype(api_types().type_engine) ||
                                  (has_layout(a, Layout::Type) &&
                                   a.as<Type>()->is_subtype(api_types().type_engine)))) {
            type = type_spec_of(in, a);
            have_type = true;
        } else if (a.is_none()) {
            continue;
        } else if (a.is_obj() && a.type()->is_subtype(schema_types().constraint)) {
            continue; // column-level constraints (Sequence, CheckConstraint) are not modelled
        } else {
            raise_sa(in, "ArgumentError",
                     "'SchemaItem' object, such as a 'Column' or a 'Constraint' expected, got " +
                         in.repr(a));
        }
    }
    if (Value n = kwarg(args, "name"); lang::is_str(n)) name = lang::as_str(n)->s;
    if (Value t = kwarg(args, "type_"); !t.empty() && !t.is_none()) type = type_spec_of(in, t);
    auto col = schema::Column::make(name, type);
    o->column = col;
    if (Value k = kwarg(args, "key"); lang::is_str(k)) col->key = lang::as_str(k)->s;
    col->primary_key = opt_bool(in, kwarg(args, "primary_key"), false);
    if (Value n = kwarg(args, "nullable"); !n.empty()) col->nullable_flag = in.truthy(n);
    col->unique = opt_bool(in, kwarg(args, "unique"), false);
    col->index = opt_bool(in, kwarg(args, "index"), false);
    if (Value a = kwarg(args, "autoincrement"); !a.empty() && a.is_bool())
        col->autoincrement = a.as_bool();
    if (Value d = kwarg(args, "default"); !d.empty() && !d.is_none())
        col->default_value = column_default(in, d);
    if (Value d = kwarg(args, "onupdate"); !d.empty() && !d.is_none())
        col->onupdate = column_default(in, d);
    col->server_default = server_default(in, kwarg(args, "server_default"));
    col->server_onupdate = server_default(in, kwarg(args, "server_onupdate"));
    if (Value c = kwarg(args, "comment"); lang::is_str(c)) col->comment = lang::as_str(c)->s;
    for (auto& fk : fks)
        col->add_foreign_key(fk);
    register_column_object(o);
    return result;
}

Value wrap_table(Interpreter& in, const schema::TablePtr& t, const Value& metadata) {
    Value existing = table_object(t.get());
    if (!existing.empty()) return existing;
    Value v = wrap_clause(in, sql::table(t));
    table_self(v)->metadata = metadata;
    return v;
}

// Makes sure every table of a MetaData has its Python wrapper in metadata.tables.
void sync_tables(Interpreter& in, const Value& md) {
    MetaDataObj* m = metadata_self(md);
    if (!m->tables) m->tables = lang::make<lang::Dict>();
    for (const auto& t : m->metadata->tables()) {
        if (!m->tables->get_str(t->name()).empty()) continue;
        m->tables->set_str(lang::intern(t->name()), wrap_table(in, t, md));
    }
}

schema::Constraint to_constraint(const ConstraintObj* c) {
    switch (c->kind) {
    case ConstraintObj::Kind::Check:
        return schema::CheckConstraint{c->name, c->sqltext};
    case ConstraintObj::Kind::ForeignKey: {
        schema::ForeignKeyConstraint f;
        f.name = c->name;
        f.columns = c->columns;
        f.refcolumns = c->refcolumns;
        f.ondelete = c->ondelete;
        f.onupdate = c->onupdate;
        return f;
    }
    default:
        return schema::UniqueConstraint{c->name, c->columns};
    }
}

void apply_constraint(Interpreter& in, schema::Table& t, const ConstraintObj* c) {
    guard(in, [&] {
        switch (c->kind) {
        case ConstraintObj::Kind::PrimaryKey:
            t.set_primary_key(schema::PrimaryKeyConstraint{c->name, c->columns});
            break;
        case ConstraintObj::Kind::Index:
            t.append_index(schema::Index{c->name.value_or(""), c->columns, c->unique});
            break;
        default:
            t.append_constraint(to_constraint(c));
            break;
        }
    });
}

Value with_connection(Interpreter& in, const Value& bind,
                      const std::function<void(engine::Connection&)>& fn) {
    if (ConnectionObj* c = as_connection(in, bind)) {
        guard(in, [&] {
            bool autocommit = !c->future && !c->conn->in_transaction();
            fn(*c->conn);
            if (autocommit) c->conn->commit();
        });
        return Value::none();
    }
    EngineObj* e = as_engine(in, bind);
    if (!e)
        raise_sa(in, "UnboundExecutionError", "MetaData is not bound to an Engine or Connection.");
    guard(in, [&] {
        auto conn = e->engine->connect();
        fn(*conn);
        conn->commit();
    });
    return Value::none();
}

Value metadata_bind(Interpreter& in, const Value& self, const Value& given) {
    if (!given.empty() && !given.is_none()) return given;
    const Value& b = metadata_self(self)->bind;
    if (b.empty() || b.is_none())
        raise_sa(in, "UnboundExecutionError",
                 "MetaData object is not bound to an Engine or Connection.  Execution can not "
                 "proceed without a "
                 "database to execute against.");
    return b;
}

Value table_ctor(Interpreter& in, Type*, Args& args) {
    if (args.size() < 2) in.raise("TypeError", "Table() requires a name and a MetaData");
    std::string name = str_arg(in, args[0], "table name");
    Value md = args[1];
    if (!md.is_obj() || !md.type()->is_subtype(api_types().metadata))
        raise_sa(in, "ArgumentError", "Table() expects a MetaData as its second argument");
    MetaDataObj* m = metadata_self(md);
    sync_tables(in, md);
    bool extend = opt_bool(in, kwarg(args, "extend_existing"), false) ||
                  opt_bool(in, kwarg(args, "keep_existing"), false);
    Value autoload_with = kwarg(args, "autoload_with");
    bool autoload = opt_bool(in, kwarg(args, "autoload"), false) ||
                    (!autoload_with.empty() && !autoload_with.is_none());
    std::vector<schema::ColumnPtr> columns;
    std::vector<const ConstraintObj*> constraints;
    for (size_t i = 2; i < args.size(); ++i) {
        const Value& a = args[i];
        if (a.is_obj() && a.type()->is_subtype(api_types().column)) {
            ColumnObj* co = column_self(a);
            if (co->column->table())
                raise_sa(in, "ArgumentError",
                         "Column object '" + co->column->name + "' already assigned to Table '" +
                             co->column->table()->name() + "'");
            columns.push_back(co->column);
        } else if (a.is_obj() && a.type()->is_subtype(schema_types().constraint)) {
            constraints.push_back(a.as<ConstraintObj>());
        } else {
            raise_sa(in, "ArgumentError",
                     "'SchemaItem' object, such as a 'Column' or a 'Constraint' expected, got " +
                         in.repr(a));
        }
    }
    if (schema::TablePtr existing = m->metadata->table(name)) {
        if (!extend && !columns.empty() && !autoload)
            raise_sa(in, "InvalidRequestError",
                     "Table '" + name +
                         "' is already defined for this MetaData instance.  Specify "
                         "'extend_existing=True' to redefine "
                         "options and columns on an existing Table object.");
        for (auto& c : columns)
            if (!existing->c(c->key)) guard(in, [&] { existing->append_column(c); });
        return m->tables->get_str(name);
    }
    schema::TablePtr t;
    if (autoload) {
        Value bind = autoload_with.empty() || autoload_with.is_none()
                         ? metadata_bind(in, md, Value())
                         : autoload_with;
        with_connection(in, bind, [&](engine::Connection& conn) {
            t = m->metadata->reflect_table(conn, name);
        });
        for (auto& c : columns)
            if (!t->c(c->key)) guard(in, [&] { t->append_column(c); });
    } else {
        guard(in, [&] { t = schema::Table::make(*m->metadata, name, columns); });
    }
    for (const ConstraintObj* c : constraints)
        apply_constraint(in, *t, c);
    Value tv = wrap_table(in, t, md);
    sync_tables(in, md);
    return tv;
}

Value fk_ctor(Interpreter& in, Type* cls, Args& args) {
    Value v[5];
    lang::parse_args(in, "ForeignKey", args,
                     {"column", "_constraint", "use_alter", "name", "onupdate"}, 1, v, true);
    auto* o = new ForeignKeyObj(cls);
    Value result(o);
    if (lang::is_str(v[0])) {
        o->fk = std::make_shared<schema::ForeignKey>(lang::as_str(v[0])->s);
    } else if (v[0].is_obj() && v[0].type()->is_subtype(api_types().column)) {
        o->fk = std::make_shared<schema::ForeignKey>(column_self(v[0])->column);
    } else if (sql::NodePtr node = clause_of(in, v[0]);
               node && node->is(sql::NodeKind::ColumnRef) && node->as<sql::ColumnRef>().column) {
        // A mapped attribute (ForeignKey(Child.id)) stands for its table column.
        o->fk = std::make_shared<schema::ForeignKey>(node->as<sql::ColumnRef>().column);
    } else {
        raise_sa(in, "ArgumentError", "ForeignKey expects a 'table.column' string or a Column");
    }
    if (lang::is_str(v[3])) o->fk->name = lang::as_str(v[3])->s;
    if (lang::is_str(v[4])) o->fk->onupdate = lang::as_str(v[4])->s;
    if (Value d = kwarg(args, "ondelete"); lang::is_str(d)) o->fk->ondelete = lang::as_str(d)->s;
    return result;
}

Value fk_object(const std::shared_ptr<schema::ForeignKey>& fk) {
    auto* o = new ForeignKeyObj(schema_types().foreign_key);
    Value v(o);
    o->fk = fk;
    return v;
}

std::vector<std::string> column_keys(Interpreter& in, std::span<const Value> values) {
    std::vector<std::string> out;
    for (const Value& v : values) {
        if (has_layout(v, Layout::List) || has_layout(v, Layout::Tuple)) {
            for (const Value& x : in.to_vector(v))
                out.push_back(column_key_of(in, x));
        } else {
            out.push_back(column_key_of(in, v));
        }
    }
    return out;
}

std::optional<std::string> opt_name(const Args& args) {
    Value n = kwarg(args, "name");
    if (lang::is_str(n)) return lang::as_str(n)->s;
    return std::nullopt;
}

Value constraint_ctor(Interpreter& in, Type* cls, Args& args) {
    auto* o = new ConstraintObj(cls);
    Value result(o);
    SchemaTypes& s = schema_types();
    o->name = opt_name(args);
    if (cls->is_subtype(s.unique)) {
        o->kind = ConstraintObj::Kind::Unique;
        o->columns = column_keys(in, args.pos);
    } else if (cls->is_subtype(s.pk_constraint)) {
        o->kind = ConstraintObj::Kind::PrimaryKey;
        o->columns = column_keys(in, args.pos);
    } else if (cls->is_subtype(s.check)) {
        o->kind = ConstraintObj::Kind::Check;
        if (args.size() < 1) in.raise("TypeError", "CheckConstraint() requires sqltext");
        if (sql::NodePtr n = clause_of(in, args[0]))
            o->sqltext = str_sql(n);
        else
            o->sqltext = in.str(args[0]);
    } else if (cls->is_subtype(s.fk_constraint)) {
        o->kind = ConstraintObj::Kind::ForeignKey;
        if (args.size() < 2)
            in.raise("TypeError", "ForeignKeyConstraint() requires columns and refcolumns");
        o->columns = column_keys(in, std::span<const Value>(args.pos.data(), 1));
        for (const Value& r : in.to_vector(args[1])) {
            if (lang::is_str(r))
                o->refcolumns.push_back(lang::as_str(r)->s);
            else if (r.is_obj() && r.type()->is_subtype(api_types().column))
                o->refcolumns.push_back(column_self(r)->column->fullname());
        }
        if (Value d = kwarg(args, "ondelete"); lang::is_str(d)) o->ondelete = lang::as_str(d)->s;
        if (Value d = kwarg(args, "onupdate"); lang::is_str(d)) o->onupdate = lang::as_str(d)->s;
    } else if (cls->is_subtype(s.index)) {
        o->kind = ConstraintObj::Kind::Index;
        if (args.size() < 1) in.raise("TypeError", "Index() requires a name");
        o->name = args[0].is_none() ? std::optional<std::string>()
                                    : std::optional<std::string>(in.str(args[0]));
        auto rest = std::span<const Value>(args.pos.data() + 1, args.pos.size() - 1);
        o->columns = column_keys(in, rest);
        o->unique = opt_bool(in, kwarg(args, "unique"), false);
        // Index('ix', table.c.x): attached to the column's table right away, as SQLAlchemy does.
        for (const Value& v : rest) {
            if (v.is_obj() && v.type()->is_subtype(api_types().column) &&
                column_self(v)->column->table()) {
                apply_constraint(in, *column_self(v)->column->table(), o);
                break;
            }
        }
    }
    return result;
}

std::string column_repr(Interpreter& in, ColumnObj* co) {
    const auto& c = *co->column;
    std::string s =
        "Column(" + in.repr(lang::new_str(c.name)) + ", " + in.repr(make_type_object(in, c.type));
    for (const auto& fk : c.foreign_keys())
        s += ", ForeignKey(" + in.repr(lang::new_str(fk->target_fullname())) + ")";
    if (c.table()) s += ", table=<" + c.table()->name() + ">";
    if (c.key != c.name) s += ", key=" + in.repr(lang::new_str(c.key));
    if (c.primary_key) s += ", primary_key=True";
    if (!c.nullable()) s += ", nullable=False";
    return s + ")";
}

Value table_dml(Interpreter& in, const Value& self, Args& args, int which) {
    schema::TablePtr t = table_self(self)->table;
    return guard(in, [&]() -> Value {
        sql::NodePtr stmt = which == 0   ? sql::insert(t)
                            : which == 1 ? sql::update(t)
                                         : sql::delete_(t);
        Value where = kwarg(args, "whereclause");
        Value values = kwarg(args, "values");
        if (which == 0 && args.size() >= 1) values = args[0];
        if (which != 0 && args.size() >= 1) where = args[0];
        if (which == 1 && args.size() >= 2) values = args[1];
        Value wrapped = wrap_clause(in, stmt);
        if (!where.empty() && !where.is_none())
            wrapped = wrap_clause(in, sql::where(stmt, node_of(in, where)));
        if (!values.empty() && !values.is_none()) {
            Value m = in.getattr(wrapped, "values");
            wrapped = in.call(m, {values});
        }
        return wrapped;
    });
}

} // namespace

MetaDataObj::~MetaDataObj() {
    auto& r = metadata_registry();
    auto it = r.find(metadata.get());
    if (it != r.end() && it->second == this) r.erase(it);
}

Value bound_engine_of(Interpreter&, const sql::NodePtr& node) {
    std::vector<const schema::Table*> tables;
    using K = sql::NodeKind;
    if (!node) return Value();
    switch (node->kind) {
    case K::Insert:
        tables.push_back(node->as<sql::Insert>().table.get());
        break;
    case K::Update:
        tables.push_back(node->as<sql::Update>().table.get());
        break;
    case K::Delete:
        tables.push_back(node->as<sql::Delete>().table.get());
        break;
    case K::Select: {
        const auto& s = node->as<sql::Select>();
        for (const auto& c : s.columns)
            for (auto* t : sql::tables_of(c))
                tables.push_back(t);
        for (const auto& f : s.from_clauses)
            for (auto* t : sql::tables_of(f))
                tables.push_back(t);
        break;
    }
    default:
        for (auto* t : sql::tables_of(node))
            tables.push_back(t);
        break;
    }
    for (const schema::Table* t : tables) {
        if (!t || !t->metadata()) continue;
        auto it = metadata_registry().find(t->metadata());
        if (it != metadata_registry().end() && !it->second->bind.empty() &&
            !it->second->bind.is_none())
            return it->second->bind;
    }
    return Value();
}

void init_schema_objects(Interpreter&) {
    ApiTypes& a = api_types();
    SchemaTypes& s = schema_types();
    const char* mod = "sqlalchemy.sql.schema";

    // ---- Column ----
    Type* col = a.column;
    col->ctor = column_ctor;
    def(col, "__repr__", [](Interpreter& in, const Value& self, Args&) -> Value {
        return lang::new_str(column_repr(in, column_self(self)));
    });
    def_property(col, "name", [](Interpreter&, const Value& self) -> Value {
        return lang::new_str(column_self(self)->column->name);
    });
    def_property(col, "key", [](Interpreter&, const Value& self) -> Value {
        return lang::new_str(column_self(self)->column->key);
    });
    def_property(col, "type", [](Interpreter& in, const Value& self) -> Value {
        return make_type_object(in, column_self(self)->column->type);
    });
    def_property(col, "primary_key", [](Interpreter&, const Value& self) -> Value {
        return Value::boolean(column_self(self)->column->primary_key);
    });
    def_property(col, "nullable", [](Interpreter&, const Value& self) -> Value {
        return Value::boolean(column_self(self)->column->nullable());
    });
    def_property(col, "unique", [](Interpreter&, const Value& self) -> Value {
        return column_self(self)->column->unique ? Value::boolean(true) : Value::none();
    });
    def_property(col, "index", [](Interpreter&, const Value& self) -> Value {
        return column_self(self)->column->index ? Value::boolean(true) : Value::none();
    });
    def_property(col, "autoincrement", [](Interpreter&, const Value& self) -> Value {
        const auto& ai = column_self(self)->column->autoincrement;
        return ai ? Value::boolean(*ai) : lang::new_str("auto");
    });
    def_property(col, "comment", [](Interpreter&, const Value& self) -> Value {
        const auto& c = column_self(self)->column->comment;
        return c ? lang::new_str(*c) : Value::none();
    });
    def_property(col, "table", [](Interpreter& in, const Value& self) -> Value {
        schema::Table* t = column_self(self)->column->table();
        if (!t) in.raise("AttributeError", "Column has no table yet");
        Value v = table_object(t);
        return v.empty() ? wrap_clause(in, sql::table(t->shared_from_this())) : v;
    });
    def_property(col, "foreign_keys", [](Interpreter&, const Value& self) -> Value {
        std::vector<Value> out;
        for (const auto& fk : column_self(self)->column->foreign_keys())
            out.push_back(fk_object(fk));
        return lang::new_list(std::move(out));
    });
    def_property(col, "default", [](Interpreter& in, const Value& self) -> Value {
        const auto& d = column_self(self)->column->default_value;
        if (d.kind == schema::ColumnDefault::Kind::None) return Value::none();
        Value o = in.call(Value(schema_types().column_default), {});
        if (d.kind == schema::ColumnDefault::Kind::Scalar)
            in.setattr(o, lang::intern("arg"), from_db(in, d.value));
        in.setattr(o, lang::intern("is_scalar"),
                   Value::boolean(d.kind == schema::ColumnDefault::Kind::Scalar));
        in.setattr(o, lang::intern("is_callable"),
                   Value::boolean(d.kind == schema::ColumnDefault::Kind::Callable));
        return o;
    });
    def_property(col, "server_default", [](Interpreter& in, const Value& self) -> Value {
        const auto& d = column_self(self)->column->server_default;
        if (!d) return Value::none();
        Value o = in.call(Value(schema_types().column_default), {});
        if (d->literal)
            in.setattr(o, lang::intern("arg"), lang::new_str(*d->literal));
        else if (sql::NodePtr n = sql::unwrap(d->expression.get()))
            in.setattr(o, lang::intern("arg"), wrap_clause(in, n));
        return o;
    });
    def(col, "references", [](Interpreter& in, const Value& self, Args& args) -> Value {
        if (args.size() != 1 || !args[0].is_obj() ||
            !args[0].type()->is_subtype(api_types().column))
            in.raise("TypeError", "references() expects a Column");
        return guard(in, [&] {
            return Value::boolean(
                column_self(self)->column->references(*column_self(args[0])->column));
        });
    });

    // ---- ForeignKey ----
    s.foreign_key = lang::TypeBuilder("ForeignKey", {}, mod).ctor(fk_ctor).build();
    auto fk_self = [](const Value& v) { return v.as<ForeignKeyObj>()->fk; };
    def_property(s.foreign_key, "target_fullname",
                 [fk_self](Interpreter&, const Value& self) -> Value {
                     return lang::new_str(fk_self(self)->target_fullname());
                 });
    def_property(s.foreign_key, "column", [fk_self](Interpreter& in, const Value& self) -> Value {
        auto target = guard(in, [&] { return fk_self(self)->column(); });
        return column_object(in, target);
    });
    def_property(s.foreign_key, "parent", [fk_self](Interpreter& in, const Value& self) -> Value {
        schema::Column* p = fk_self(self)->parent();
        if (!p || !p->table()) return Value::none();
        return column_object(in, p->table()->c(p->key));
    });
    def_property(s.foreign_key, "ondelete", [fk_self](Interpreter&, const Value& self) -> Value {
        const auto& d = fk_self(self)->ondelete;
        return d ? lang::new_str(*d) : Value::none();
    });
    def_property(s.foreign_key, "onupdate", [fk_self](Interpreter&, const Value& self) -> Value {
        const auto& d = fk_self(self)->onupdate;
        return d ? lang::new_str(*d) : Value::none();
    });
    def_property(s.foreign_key, "name", [fk_self](Interpreter&, const Value& self) -> Value {
        const auto& d = fk_self(self)->name;
        return d ? lang::new_str(*d) : Value::none();
    });
    def(s.foreign_key, "references",
        [fk_self](Interpreter& in, const Value& self, Args& args) -> Value {
            if (args.size() != 1 || !args[0].is_obj() ||
                !args[0].type()->is_subtype(api_types().table))
                in.raise("TypeError", "references() expects a Table");
            return Value::boolean(fk_self(self)->references(*table_self(args[0])->table));
        });
    def(s.foreign_key, "__repr__", [fk_self](Interpreter& in, const Value& self, Args&) -> Value {
        return lang::new_str("ForeignKey(" +
                             in.repr(lang::new_str(fk_self(self)->target_fullname())) + ")");
    });

    // ---- constraints and Index ----
    s.constraint = lang::TypeBuilder("Constraint", {}, mod).ctor(constraint_ctor).build();
    s.unique =
        lang::TypeBuilder("UniqueConstraint", {s.constraint}, mod).ctor(constraint_ctor).build();
    s.check =
        lang::TypeBuilder("CheckConstraint", {s.constraint}, mod).ctor(constraint_ctor).build();
    s.fk_constraint = lang::TypeBuilder("ForeignKeyConstraint", {s.constraint}, mod)
                          .ctor(constraint_ctor)
                          .build();
    s.pk_constraint = lang::TypeBuilder("PrimaryKeyConstraint", {s.constraint}, mod)
                          .ctor(constraint_ctor)
                          .build();
    s.index = lang::TypeBuilder("Index", {s.constraint}, mod).ctor(constraint_ctor).build();
    def_property(s.constraint, "name", [](Interpreter&, const Value& self) -> Value {
        const auto& n = self.as<ConstraintObj>()->name;
        return n ? lang::new_str(*n) : Value::none();
    });
    s.column_default = lang::TypeBuilder("ColumnDefault", {}, mod).instance_dict(true).build();

    // ---- Table ----
    Type* tbl = a.table;
    tbl->ctor = table_ctor;
    def_property(tbl, "name", [](Interpreter&, const Value& self) -> Value {
        return lang::new_str(table_self(self)->table->name());
    });
    def_property(tbl, "key", [](Interpreter&, const Value& self) -> Value {
        return lang::new_str(table_self(self)->table->name());
    });
    def_property(tbl, "fullname", [](Interpreter&, const Value& self) -> Value {
        return lang::new_str(table_self(self)->table->name());
    });
    def_property(tbl, "metadata", [](Interpreter&, const Value& self) -> Value {
        return table_self(self)->metadata;
    });
    auto table_columns = [](Interpreter& in, const Value& self) -> Value {
        Value coll = make_column_collection();
        for (const auto& c : table_self(self)->table->columns())
            column_collection_add(coll, c->key, column_object(in, c));
        return coll;
    };
    def_property(tbl, "c", table_columns);
    def_property(tbl, "columns", table_columns);
    def_property(tbl, "primary_key", [](Interpreter& in, const Value& self) -> Value {
        Value coll = make_primary_key_collection();
        for (const auto& c : table_self(self)->table->primary_key())
            column_collection_add(coll, c->key, column_object(in, c));
        return coll;
    });
    def_property(tbl, "foreign_keys", [](Interpreter&, const Value& self) -> Value {
        std::vector<Value> out;
        for (const auto& fk : table_self(self)->table->foreign_keys())
            out.push_back(fk_object(fk));
        return lang::new_list(std::move(out));
    });
    def_property(tbl, "indexes", [](Interpreter&, const Value& self) -> Value {
        std::vector<Value> out;
        for (const auto& ix : table_self(self)->table->indexes())
            out.push_back(lang::new_str(ix.name));
        return lang::new_list(std::move(out));
    });
    def(tbl, "insert", [](Interpreter& in, const Value& self, Args& args) {
        return table_dml(in, self, args, 0);
    });
    def(tbl, "update", [](Interpreter& in, const Value& self, Args& args) {
        return table_dml(in, self, args, 1);
    });
    def(tbl, "delete", [](Interpreter& in, const Value& self, Args& args) {
        return table_dml(in, self, args, 2);
    });
    def(tbl, "append_column", [](Interpreter& in, const Value& self, Args& args) -> Value {
        if (args.size() != 1 || !args[0].is_obj() ||
            !args[0].type()->is_subtype(api_types().column))
            in.raise("TypeError", "append_column() expects a Column");
        guard(in, [&] { table_self(self)->table->append_column(column_self(args[0])->column); });
        return Value::none();
    });
    def(tbl, "append_constraint", [](Interpreter& in, const Value& self, Args& args) -> Value {
        if (args.size() != 1 || !args[0].is_obj() ||
            !args[0].type()->is_subtype(schema_types().constraint))
            in.raise("TypeError", "append_constraint() expects a Constraint");
        apply_constraint(in, *table_self(self)->table, args[0].as<ConstraintObj>());
        return Value::none();
    });
    auto ddl = [](bool create) {
        return [create](Interpreter& in, const Value& self, Args& args) -> Value {
            Value v[2];
            lang::parse_args(in, create ? "create" : "drop", args, {"bind", "checkfirst"}, 0, v);
            TableObj* t = table_self(self);
            Value bind = v[0];
            if (bind.empty() || bind.is_none()) bind = metadata_bind(in, t->metadata, Value());
            bool checkfirst = opt_bool(in, v[1], false);
            return with_connection(in, bind, [&](engine::Connection& conn) {
                // One table through a throwaway MetaData view: create_all on just this table.
                const engine::Dialect& d = conn.dialect();
                bool exists = conn.driver().has_table(t->table->name());
                if (create) {
                    if (checkfirst && exists) return;
                    conn.execute(schema::create_table_sql(*t->table, d));
                    for (const auto& ix : t->table->indexes())
                        conn.execute(schema::create_index_sql(*t->table, ix, d));
                } else {
                    if (checkfirst && !exists) return;
                    conn.execute(schema::drop_table_sql(*t->table, d));
                }
            });
        };
    };
    def(tbl, "create", ddl(true));
    def(tbl, "drop", ddl(false));
    def(tbl, "exists", [](Interpreter& in, const Value& self, Args& args) -> Value {
        TableObj* t = table_self(self);
        Value bind =
            args.size() >= 1 ? args[0] : metadata_bind(in, t->metadata, kwarg(args, "bind"));
        bool found = false;
        with_connection(in, bind, [&](engine::Connection& conn) {
            found = conn.driver().has_table(t->table->name());
        });
        return Value::boolean(found);
    });
    def(tbl, "__repr__", [](Interpreter& in, const Value& self, Args&) -> Value {
        TableObj* t = table_self(self);
        std::string s = "Table(" + in.repr(lang::new_str(t->table->name())) + ", MetaData()";
        for (const auto& c : t->table->columns())
            s += ", " + in.repr(column_object(in, c));
        return lang::new_str(s + ", schema=None)");
    });

    // ---- MetaData ----
    Type* md = a.metadata;
    md->ctor = [](Interpreter& in, Type* cls, Args& args) -> Value {
        Value v[2];
        lang::parse_args(in, "MetaData", args, {"bind", "schema"}, 0, v, true);
        auto* o = static_cast<MetaDataObj*>(cls->alloc(cls));
        Value result(o);
        o->tables = lang::make<lang::Dict>();
        if (!v[0].empty() && !v[0].is_none()) o->bind = v[0];
        metadata_registry()[o->metadata.get()] = o;
        return result;
    };
    def_property(md, "tables", [](Interpreter& in, const Value& self) -> Value {
        sync_tables(in, self);
        return Value(metadata_self(self)->tables.get());
    });
    def_property(md, "sorted_tables", [](Interpreter& in, const Value& self) -> Value {
        sync_tables(in, self);
        std::vector<Value> out;
        auto sorted = guard(in, [&] { return metadata_self(self)->metadata->sorted_tables(); });
        for (const auto& t : sorted)
            out.push_back(metadata_self(self)->tables->get_str(t->name()));
        return lang::new_list(std::move(out));
    });
    lang::Ref<lang::NativeProperty> bind_prop(new lang::NativeProperty());
    bind_prop->name = "bind";
    bind_prop->get = [](Interpreter&, const Value& self) -> Value {
        const Value& b = metadata_self(self)->bind;
        return b.empty() ? Value::none() : b;
    };
    bind_prop->set = [](Interpreter&, const Value& self, const Value& v) {
        metadata_self(self)->bind = v;
    };
    md->set_attr("bind", bind_prop);
    auto create_drop = [](bool create) {
        return [create](Interpreter& in, const Value& self, Args& args) -> Value {
            Value v[3];
            lang::parse_args(in, create ? "create_all" : "drop_all", args,
                             {"bind", "tables", "checkfirst"}, 0, v);
            Value bind = metadata_bind(in, self, v[0]);
            bool checkfirst = opt_bool(in, v[2], true);
            MetaDataObj* m = metadata_self(self);
            return with_connection(in, bind, [&](engine::Connection& conn) {
                if (create)
                    m->metadata->create_all(conn, checkfirst);
                else
                    m->metadata->drop_all(conn, checkfirst);
            });
        };
    };
    def(md, "create_all", create_drop(true));
    def(md, "drop_all", create_drop(false));
    def(md, "reflect", [](Interpreter& in, const Value& self, Args& args) -> Value {
        Value v[2];
        lang::parse_args(in, "reflect", args, {"bind", "schema"}, 0, v, true);
        Value bind = metadata_bind(in, self, v[0]);
        std::optional<std::vector<std::string>> only;
        if (Value o = kwarg(args, "only"); !o.empty() && !o.is_none()) {
            only.emplace();
            for (const Value& x : in.to_vector(o))
                only->push_back(in.str(x));
        }
        with_connection(in, bind, [&](engine::Connection& conn) {
            metadata_self(self)->metadata->reflect(conn, only);
        });
        sync_tables(in, self);
        return Value::none();
    });
    def(md, "clear", [](Interpreter&, const Value& self, Args&) -> Value {
        metadata_self(self)->metadata->clear();
        metadata_self(self)->tables->clear();
        return Value::none();
    });
    def(md, "remove", [](Interpreter& in, const Value& self, Args& args) -> Value {
        if (args.size() != 1 || !args[0].is_obj() || !args[0].type()->is_subtype(api_types().table))
            in.raise("TypeError", "remove() expects a Table");
        metadata_self(self)->metadata->remove(*table_self(args[0])->table);
        metadata_self(self)->tables->remove_str(lang::intern(table_self(args[0])->table->name()));
        return Value::none();
    });
    def(md, "__contains__", [](Interpreter& in, const Value& self, Args& args) -> Value {
        if (args.size() != 1) return Value::boolean(false);
        if (lang::is_str(args[0]))
            return Value::boolean(
                metadata_self(self)->metadata->contains(lang::as_str(args[0])->s));
        if (args[0].is_obj() && args[0].type()->is_subtype(api_types().table))
            return Value::boolean(
                metadata_self(self)->metadata->contains(table_self(args[0])->table->name()));
        (void)in;
        return Value::boolean(false);
    });
    def(md, "__repr__", [](Interpreter& in, const Value& self, Args&) -> Value {
        const Value& b = metadata_self(self)->bind;
        if (b.empty() || b.is_none()) return lang::new_str("MetaData()");
        return lang::new_str("MetaData(bind=" + in.repr(b) + ")");
    });
}

void add_schema_names(Interpreter&, lang::Module& m) {
    ApiTypes& a = api_types();
    SchemaTypes& s = schema_types();
    auto put = [&](const char* n, Type* t) { m.dict->set_str(lang::intern(n), Value(t)); };
    put("Column", a.column);
    put("Table", a.table);
    put("MetaData", a.metadata);
    put("ForeignKey", s.foreign_key);
    put("UniqueConstraint", s.unique);
    put("CheckConstraint", s.check);
    put("ForeignKeyConstraint", s.fk_constraint);
    put("PrimaryKeyConstraint", s.pk_constraint);
    put("Index", s.index);
    put("Constraint", s.constraint);
    put("ColumnDefault", s.column_default);
}

} // namespace ormsh::api
