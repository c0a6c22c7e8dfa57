// sqlalchemy.engine: create_engine, Engine, Connection, Transaction, URL and the Inspector.
// Execution follows 1.4's legacy (non-future) rules unless future=True: outside an explicit
// transaction a statement runs on its own and DML commits at once ("autocommit"), which is
// what the echo shows (no BEGIN, then COMMIT). Plain SQL strings use the DB-API's paramstyle
// (sqlite3: ?, :1, :name; psycopg2: %s, %(name)s), rewritten to the dialect's placeholders.
#include "repl/api/sqlalchemy/engine_objects.h"

#include "core/sql/execute.h"
#include "core/sql/flavor.h"
#include "repl/api/convert.h"
#include "repl/api/result_objects.h"
#include "repl/api/sqlalchemy/binding.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <regex>

namespace ormsh::api {

namespace {

using lang::Layout;

struct UrlObj : lang::Object {
    explicit UrlObj(Type* t) : Object(t) {}
    engine::Url url;
};

struct InspectorObj : lang::Object {
    explicit InspectorObj(Type* t) : Object(t) {}
    Value bind; // EngineObj or ConnectionObj
    void traverse(lang::Visitor& v) override {
        Object::traverse(v);
        if (bind.is_obj()) v.visit(bind.obj());
    }
    void clear_refs() override {
        Object::clear_refs();
        bind = Value();
    }
};

struct EngineTypes {
    Type* connection = nullptr;
    Type* transaction = nullptr;
    Type* url = nullptr;
    Type* dialect = nullptr;
    Type* inspector = nullptr;
};
EngineTypes& engine_types() {
    static EngineTypes t;
    return t;
}

// "2024-01-31 13:05:09,123": the asctime of Python's logging, as SQLAlchemy's echo prints it.
std::string log_timestamp() {
    auto now = std::chrono::system_clock::now();
    std::time_t secs = std::chrono::system_clock::to_time_t(now);
    auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() %
        1000;
    std::tm tm{};
    localtime_r(&secs, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
    char out[80];
    std::snprintf(out, sizeof out, "%s,%03d", buf, static_cast<int>(ms));
    return out;
}

// The shell's --echo / .echo on: every engine created echoes, whatever its echo= says.
bool g_echo_by_default = false;

// echo=True: each line on standard output, as SQLAlchemy's echo handler prints it.
struct EchoToOutput {
    void operator()(const std::string& message) const {
        Interpreter& in = Interpreter::current();
        in.write_out(log_timestamp() + " INFO sqlalchemy.engine.Engine " + message + "\n");
    }
};

// echo off while the logging module has "sqlalchemy.engine.Engine" enabled for INFO
// (logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)): each line goes to that
// logger, as SQLAlchemy logs its statements.
struct EchoToLogging {
    void operator()(const std::string& message) const {
        Interpreter& in = Interpreter::current();
        lang::Module* logging = in.find_loaded_module("logging");
        if (!logging) return;
        Value get_logger = logging->dict->get_str(lang::intern("getLogger"));
        if (get_logger.empty()) return;
        Value logger = in.call(get_logger, {lang::new_str("sqlalchemy.engine.Engine")});
        in.call_method(logger, "info", {lang::new_str(message)});
    }
};

bool sql_logging_enabled(Interpreter& in) {
    lang::Module* logging = in.find_loaded_module("logging");
    if (!logging) return false;
    Value enabled = logging->dict->get_str(lang::intern("_sqlalchemy_logs_info"));
    return !enabled.empty() && in.truthy(in.call(enabled, {}));
}

void set_echo(engine::Engine& e, bool on) {
    if (on)
        e.set_echo(EchoToOutput{});
    else if (sql_logging_enabled(Interpreter::current()))
        e.set_echo(EchoToLogging{});
    else
        e.set_echo(nullptr);
}

Value make_url_object(const engine::Url& url) {
    auto* o = new UrlObj(engine_types().url);
    Value v(o);
    o->url = url;
    return v;
}

// ---- plain SQL strings and DB-API paramstyles ----------------------------------------------

struct RawParams {
    std::vector<Value> positional;
    Value named; // a dict, or empty
};

// Rewrites the DB-API placeholders of `sql` to the dialect's and collects the values in order.
std::string convert_placeholders(Interpreter& in, const std::string& sql,
                                 const engine::Dialect& dialect, const RawParams& params,
                                 std::vector<engine::Value>& out) {
    bool pyformat = sql::flavor_for(dialect).echo_pyformat;
    std::string res;
    size_t next_pos = 0;
    auto take_pos = [&](size_t index) {
        if (index >= params.positional.size())
            raise_sa(in, "ProgrammingError", "Incorrect number of bindings supplied.");
        out.push_back(to_db(in, params.positional[index]));
        res += dialect.placeholder(static_cast<int>(out.size()));
    };
    auto take_named = [&](const std::string& name) {
        Value v;
        if (!params.named.empty()) v = params.named.as<lang::Dict>()->get_str(name);
        if (v.empty())
            raise_sa(in, "ProgrammingError",
                     "You did not supply a value for binding parameter :" + name + ".");
        out.push_back(to_db(in, v));
        res += dialect.placeholder(static_cast<int>(out.size()));
    };
    auto ident = [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_'; };
    for (size_t i = 0; i < sql.size(); ++i) {
        char ch = sql[i];
        if (ch == '\'' || ch == '"') {
            size_t j = sql.find(ch, i + 1);
            if (j == std::string::npos) j = sql.size() - 1;
            res += sql.substr(i, j - i + 1);
            i = j;
            continue;
        }
        if (pyformat) {
            if (ch == '%' && i + 1 < sql.size()) {
                if (sql[i + 1] == '%') {
                    res += '%';
                    ++i;
                    continue;
                }
                if (sql[i + 1] == 's') {
                    take_pos(next_pos++);
                    ++i;
                    continue;
                }
                if (sql[i + 1] == '(') {
                    size_t close = sql.find(")s", i + 2);
                    if (close != std::string::npos) {
                        take_named(sql.substr(i + 2, close - i - 2));
                        i = close + 1;
                        continue;
                    }
                }
            }
        } else {
            if (ch == '?') {
                take_pos(next_pos++);
                continue;
            }
            if (ch == ':' && i + 1 < sql.size() && (i == 0 || sql[i - 1] != ':') &&
                sql[i + 1] != ':') {
                size_t j = i + 1;
                while (j < sql.size() && ident(sql[j]))
                    ++j;
                if (j > i + 1) {
                    std::string name = sql.substr(i + 1, j - i - 1);
                    if (std::isdigit(static_cast<unsigned char>(name[0])))
                        take_pos(static_cast<size_t>(std::stoul(name)) - 1);
                    else
                        take_named(name);
                    i = j - 1;
                    continue;
                }
            }
        }
        res += ch;
    }
    return res;
}

bool is_autocommit_text(const std::string& sql) {
    static const std::regex re(R"(^\s*(UPDATE|INSERT|CREATE|DELETE|DROP|ALTER))",
                               std::regex::icase);
    return std::regex_search(sql, re);
}

sql::ParamMap param_map(Interpreter& in, const Value& dict) {
    sql::ParamMap m;
    if (!has_layout(dict, Layout::Dict))
        in.raise("TypeError", "parameters must be a dict, not " + in.type_name(dict));
    for (const auto& e : dict.as<lang::Dict>()->entries) {
        if (e.key.empty()) continue;
        m[in.str(e.key)] = to_db(in, e.value);
    }
    return m;
}

// INSERT / UPDATE / DELETE without .returning(): rows the dialect returned for its own needs
// (the primary key of an INSERT on PostgreSQL) are not the statement's result rows.
bool implicit_returning_only(const sql::NodePtr& node) {
    using K = sql::NodeKind;
    if (node->is(K::Insert)) return node->as<sql::Insert>().returning.empty();
    if (node->is(K::Update)) return node->as<sql::Update>().returning.empty();
    if (node->is(K::Delete)) return node->as<sql::Delete>().returning.empty();
    return false;
}

Value buffered_result(Interpreter& in, engine::Result& r, bool keep_rows = true) {
    auto keys = std::make_shared<RowKeys>();
    if (keep_rows) keys->names = r.keys();
    std::vector<std::vector<Value>> rows;
    std::vector<engine::Value> row;
    while (keep_rows && r.next(row)) {
        rows.push_back(row_from_db(in, r, row));
    }
    std::vector<Value> pk;
    for (const auto& v : r.inserted_primary_key)
        pk.push_back(from_db(in, v));
    return make_result(in, keys, std::move(rows), r.rowcount(), std::move(pk));
}

Value no_rows_result(Interpreter& in, std::int64_t rowcount) {
    return make_result(in, std::make_shared<RowKeys>(), {}, rowcount);
}

ConnectionObj* conn_self(Interpreter& in, const Value& v) {
    ConnectionObj* c = as_connection(in, v);
    if (!c) in.raise("TypeError", "expected a Connection");
    if (!c->conn) raise_sa(in, "ResourceClosedError", "This Connection is closed");
    return c;
}

Value new_transaction(Interpreter&, const Value& conn, bool close_connection) {
    auto* t = new TransactionObj(engine_types().transaction);
    t->track();
    Value v(t);
    t->connection = conn;
    t->close_connection = close_connection;
    return v;
}

void finish_transaction(Interpreter& in, TransactionObj* t, bool commit) {
    if (!t->active) return;
    t->active = false;
    ConnectionObj* c = as_connection(in, t->connection);
    if (!c || !c->conn) return;
    c->explicit_tx = false;
    guard(in, [&] {
        if (commit)
            c->conn->commit();
        else
            c->conn->rollback();
    });
}

void close_connection(ConnectionObj* c) {
    if (c->conn) c->conn->close();
}

engine::Connection& driver_connection(Interpreter& in, const Value& bind,
                                      std::unique_ptr<engine::Connection>& owned) {
    if (as_connection(in, bind)) return *conn_self(in, bind)->conn;
    EngineObj* e = as_engine(in, bind);
    if (!e) in.raise("TypeError", "expected an Engine or Connection");
    owned = guard(in, [&] { return e->engine->connect(); });
    return *owned;
}

Value inspector_call(Interpreter& in, const Value& self,
                     const std::function<Value(engine::Connection&)>& fn) {
    std::unique_ptr<engine::Connection> owned;
    engine::Connection& conn = driver_connection(in, self.as<InspectorObj>()->bind, owned);
    return guard(in, [&] { return fn(conn); });
}

engine::TableInfo reflect_or_raise(Interpreter& in, engine::Connection& conn,
                                   const std::string& name) {
    auto info = conn.driver().reflect_table(name);
    if (!info) raise_sa(in, "NoSuchTableError", name);
    return *info;
}

Value str_list(const std::vector<std::string>& v) {
    std::vector<Value> out;
    for (const auto& s : v)
        out.push_back(lang::new_str(s));
    return lang::new_list(std::move(out));
}

Value opt_str(const std::optional<std::string>& s) {
    return s ? lang::new_str(*s) : Value::none();
}

Value new_dict(Interpreter& in, std::initializer_list<std::pair<const char*, Value>> items) {
    auto d = lang::make<lang::Dict>();
    for (const auto& [k, v] : items)
        d->set(in, lang::new_str(k), v);
    return Value(d.get());
}

void init_inspector(Type* t) {
    def(t, "get_table_names", [](Interpreter& in, const Value& self, Args&) -> Value {
        return inspector_call(
            in, self, [](engine::Connection& c) { return str_list(c.driver().table_names()); });
    });
    def(t, "has_table", [](Interpreter& in, const Value& self, Args& args) -> Value {
        std::string name = str_arg(in, args.size() ? args[0] : Value::none(), "table name");
        return inspector_call(in, self, [&](engine::Connection& c) {
            return Value::boolean(c.driver().has_table(name));
        });
    });
    def(t, "get_columns", [](Interpreter& in, const Value& self, Args& args) -> Value {
        std::string name = str_arg(in, args.size() ? args[0] : Value::none(), "table name");
        return inspector_call(in, self, [&](engine::Connection& c) {
            engine::TableInfo info = reflect_or_raise(in, c, name);
            std::vector<Value> out;
            for (const auto& col : info.columns) {
                int pk = 0;
                for (size_t i = 0; i < info.primary_key.size(); ++i)
                    if (info.primary_key[i] == col.name) pk = static_cast<int>(i) + 1;
                out.push_back(
                    new_dict(in, {{"name", lang::new_str(col.name)},
                                  {"type", make_type_object(in, col.type)},
                                  {"nullable", Value::boolean(col.nullable)},
                                  {"default", opt_str(col.default_sql)},
                                  {"autoincrement", col.autoincrement ? Value::boolean(true)
                                                                      : lang::new_str("auto")},
                                  {"primary_key", Value::integer(pk)}}));
            }
            return lang::new_list(std::move(out));
        });
    });
    def(t, "get_pk_constraint", [](Interpreter& in, const Value& self, Args& args) -> Value {
        std::string name = str_arg(in, args.size() ? args[0] : Value::none(), "table name");
        return inspector_call(in, self, [&](engine::Connection& c) {
            engine::TableInfo info = reflect_or_raise(in, c, name);
            return new_dict(
                in, {{"constrained_columns", str_list(info.primary_key)}, {"name", Value::none()}});
        });
    });
    def(t, "get_foreign_keys", [](Interpreter& in, const Value& self, Args& args) -> Value {
        std::string name = str_arg(in, args.size() ? args[0] : Value::none(), "table name");
        return inspector_call(in, self, [&](engine::Connection& c) {
            engine::TableInfo info = reflect_or_raise(in, c, name);
            std::vector<Value> out;
            for (const auto& fk : info.foreign_keys) {
                Value options = new_dict(in, {});
                if (fk.ondelete)
                    in.setitem(options, lang::new_str("ondelete"), lang::new_str(*fk.ondelete));
                out.push_back(
                    new_dict(in, {{"name", opt_str(fk.name)},
                                  {"constrained_columns", str_list(fk.constrained_columns)},
                                  {"referred_schema", Value::none()},
                                  {"referred_table", lang::new_str(fk.referred_table)},
                                  {"referred_columns", str_list(fk.referred_columns)},
                                  {"options", options}}));
            }
            return lang::new_list(std::move(out));
        });
    });
    def(t, "get_unique_constraints", [](Interpreter& in, const Value& self, Args& args) -> Value {
        std::string name = str_arg(in, args.size() ? args[0] : Value::none(), "table name");
        return inspector_call(in, self, [&](engine::Connection& c) {
            engine::TableInfo info = reflect_or_raise(in, c, name);
            std::vector<Value> out;
            for (const auto& u : info.unique_constraints)
                out.push_back(new_dict(
                    in, {{"name", opt_str(u.name)}, {"column_names", str_list(u.columns)}}));
            return lang::new_list(std::move(out));
        });
    });
    def(t, "get_indexes", [](Interpreter& in, const Value& self, Args& args) -> Value {
        std::string name = str_arg(in, args.size() ? args[0] : Value::none(), "table name");
        return inspector_call(in, self, [&](engine::Connection& c) {
            engine::TableInfo info = reflect_or_raise(in, c, name);
            std::vector<Value> out;
            for (const auto& ix : info.indexes)
                out.push_back(new_dict(in, {{"name", lang::new_str(ix.name)},
                                            {"column_names", str_list(ix.columns)},
                                            {"unique", Value::boolean(ix.unique)}}));
            return lang::new_list(std::move(out));
        });
    });
}

Value make_inspector(const Value& bind) {
    auto* o = new InspectorObj(engine_types().inspector);
    o->track();
    Value v(o);
    o->bind = bind;
    return v;
}

std::function<Value(Interpreter&, const Value&)>& inspect_hook() {
    static std::function<Value(Interpreter&, const Value&)> h;
    return h;
}

} // namespace

// ---- public helpers ---------------------------------------------------------------------

void ConnectionObj::traverse(lang::Visitor& v) {
    Object::traverse(v);
    if (engine.is_obj()) v.visit(engine.obj());
}
void ConnectionObj::clear_refs() {
    Object::clear_refs();
    conn.reset();
    engine = Value();
}
void TransactionObj::traverse(lang::Visitor& v) {
    Object::traverse(v);
    if (connection.is_obj()) v.visit(connection.obj());
}
void TransactionObj::clear_refs() {
    Object::clear_refs();
    connection = Value();
}

ConnectionObj* as_connection(Interpreter&, const Value& v) {
    api_types();
    if (v.is_obj() && v.type()->is_subtype(engine_types().connection)) return v.as<ConnectionObj>();
    return nullptr;
}

EngineObj* as_engine(Interpreter&, const Value& v) {
    if (v.is_obj() && v.type()->is_subtype(api_types().engine)) return v.as<EngineObj>();
    return nullptr;
}

void register_inspect_hook(std::function<Value(Interpreter&, const Value&)> hook) {
    inspect_hook() = std::move(hook);
}

BorrowedConnection::BorrowedConnection(const Value& engine, engine::Connection& conn) {
    auto* c = new ConnectionObj(engine_types().connection);
    c->track();
    value_ = Value::steal(c);
    c->engine = engine;
    // Statements run inside the owner's transaction: no legacy autocommit.
    c->future = true;
    c->conn.reset(&conn);
}

BorrowedConnection::~BorrowedConnection() {
    // The owner keeps the connection; the object only forgets it.
    (void)value_.as<ConnectionObj>()->conn.release();
}

Value connect_engine(Interpreter& in, const Value& eng) {
    EngineObj* e = as_engine(in, eng);
    auto* c = new ConnectionObj(engine_types().connection);
    c->track();
    Value v(c);
    c->engine = eng;
    c->future = e->future;
    c->conn = guard(in, [&] { return e->engine->connect(); });
    return v;
}

Value connection_execute(Interpreter& in, ConnectionObj* c, const Value& stmt, Args& rest) {
    engine::Connection& conn = *c->conn;
    // Parameters: a dict, a list of dicts (executemany), positional values (plain SQL) or **kw.
    std::vector<Value> positional;
    Value named;
    std::vector<Value> many;
    if (rest.size() == 1 && has_layout(rest[0], Layout::Dict)) {
        named = rest[0];
    } else if (rest.size() == 1 &&
               (has_layout(rest[0], Layout::List) || has_layout(rest[0], Layout::Tuple))) {
        std::vector<Value> items = in.to_vector(rest[0]);
        if (!items.empty() && has_layout(items[0], Layout::Dict))
            many = std::move(items);
        else if (!items.empty() &&
                 (has_layout(items[0], Layout::List) || has_layout(items[0], Layout::Tuple)))
            many = std::move(items);
        else
            positional = std::move(items);
    } else if (rest.size() == 1) {
        positional.push_back(rest[0]); // execute("... where id = ?", 5)
    } else if (rest.size() > 1) {
        if (has_layout(rest[0], Layout::Dict))
            many.assign(rest.pos.begin(), rest.pos.end());
        else
            positional.assign(rest.pos.begin(), rest.pos.end());
    }
    if (!rest.kw.empty()) {
        auto d = lang::make<lang::Dict>();
        if (!named.empty())
            for (const auto& e : named.as<lang::Dict>()->entries)
                if (!e.key.empty()) d->set(in, e.key, e.value);
        for (const KwArg& k : rest.kw)
            d->set_str(k.name, k.value);
        named = Value(d.get());
    }

    bool legacy_autocommit = !c->future && !conn.in_transaction();
    bool dml = false;
    sql::NodePtr node;
    if (lang::is_str(stmt)) {
        dml = is_autocommit_text(lang::as_str(stmt)->s);
    } else {
        node = clause_of(in, stmt);
        if (!node)
            raise_sa(in, "ObjectNotExecutableError", "Not an executable object: " + in.repr(stmt));
        using K = sql::NodeKind;
        dml = node->is(K::Insert) || node->is(K::Update) || node->is(K::Delete) ||
              (node->is(K::TextClause) && is_autocommit_text(node->as<sql::TextClause>().text));
    }

    return guard(in, [&]() -> Value {
        if (legacy_autocommit) conn.driver().begin(); // silently: 1.4 legacy logs no BEGIN here
        try {
            Value result;
            if (lang::is_str(stmt)) {
                const lang::StrText& text = lang::as_str(stmt)->s;
                if (!many.empty()) {
                    std::vector<std::vector<engine::Value>> rows;
                    std::string converted;
                    for (const Value& m : many) {
                        RawParams p;
                        if (has_layout(m, Layout::Dict))
                            p.named = m;
                        else
                            p.positional = in.to_vector(m);
                        std::vector<engine::Value> vals;
                        converted = convert_placeholders(in, text, conn.dialect(), p, vals);
                        rows.push_back(std::move(vals));
                    }
                    result = no_rows_result(in, conn.execute_many(converted, rows));
                } else {
                    RawParams p;
                    p.positional = positional;
                    p.named = named;
                    std::vector<engine::Value> vals;
                    std::string converted =
                        positional.empty() && named.empty()
                            ? text
                            : convert_placeholders(in, text, conn.dialect(), p, vals);
                    engine::Result r = conn.execute(converted, vals);
                    result = buffered_result(in, r);
                }
            } else if (!many.empty()) {
                std::vector<sql::ParamMap> rows;
                for (const Value& m : many)
                    rows.push_back(param_map(in, m));
                result = no_rows_result(in, sql::execute_many(conn, node, rows));
            } else {
                sql::ParamMap params;
                if (!named.empty()) params = param_map(in, named);
                engine::Result r = sql::execute(conn, node, params);
                result = buffered_result(in, r, !implicit_returning_only(node));
            }
            if (legacy_autocommit) {
                if (dml)
                    conn.commit();
                else if (conn.in_transaction())
                    conn.driver().commit();
            }
            return result;
        } catch (...) {
            if (legacy_autocommit && conn.in_transaction()) {
                try {
                    conn.driver().rollback();
                } catch (...) {
                }
            }
            throw;
        }
    });
}

Value engine_execute(Interpreter& in, const Value& eng, Args& args) {
    if (args.size() < 1)
        in.raise("TypeError", "execute() missing 1 required positional argument: 'statement'");
    Value cv = connect_engine(in, eng);
    ConnectionObj* c = cv.as<ConnectionObj>();
    bool future = c->future;
    c->future = false; // engine.execute() always autocommits, as in 1.4
    Args rest{std::span<const Value>(args.pos.data() + 1, args.pos.size() - 1), args.kw};
    Value r;
    try {
        r = connection_execute(in, c, args[0], rest);
    } catch (...) {
        close_connection(c);
        throw;
    }
    c->future = future;
    close_connection(c);
    return r;
}

void init_engine_objects(Interpreter&) {
    EngineTypes& t = engine_types();
    const char* mod = "sqlalchemy.engine.base";
    t.connection = lang::TypeBuilder("Connection", {}, mod).build();
    t.transaction = lang::TypeBuilder("RootTransaction", {}, mod).build();
    t.url = lang::TypeBuilder("URL", {}, "sqlalchemy.engine.url").build();
    t.dialect =
        lang::TypeBuilder("Dialect", {}, "sqlalchemy.engine.default").instance_dict(true).build();
    t.inspector = lang::TypeBuilder("Inspector", {}, "sqlalchemy.engine.reflection").build();
    init_inspector(t.inspector);

    // ---- URL ----
    auto url_of = [](const Value& v) -> const engine::Url& { return v.as<UrlObj>()->url; };
    def_property(t.url, "drivername", [url_of](Interpreter&, const Value& s) -> Value {
        return lang::new_str(url_of(s).drivername);
    });
    def_property(t.url, "database", [url_of](Interpreter&, const Value& s) -> Value {
        return opt_str(url_of(s).database);
    });
    def_property(t.url, "host", [url_of](Interpreter&, const Value& s) -> Value {
        return opt_str(url_of(s).host);
    });
    def_property(t.url, "username", [url_of](Interpreter&, const Value& s) -> Value {
        return opt_str(url_of(s).username);
    });
    def_property(t.url, "password", [url_of](Interpreter&, const Value& s) -> Value {
        return opt_str(url_of(s).password);
    });
    def_property(t.url, "port", [url_of](Interpreter&, const Value& s) -> Value {
        const auto& p = url_of(s).port;
        return p ? Value::integer(*p) : Value::none();
    });
    def_property(t.url, "query", [url_of](Interpreter& in, const Value& s) -> Value {
        auto d = lang::make<lang::Dict>();
        for (const auto& [k, v] : url_of(s).query)
            d->set(in, lang::new_str(k), lang::new_str(v));
        return Value(d.get());
    });
    def(t.url, "get_backend_name", [url_of](Interpreter&, const Value& s, Args&) -> Value {
        return lang::new_str(url_of(s).backend);
    });
    def(t.url, "get_driver_name", [url_of](Interpreter&, const Value& s, Args&) -> Value {
        const auto& u = url_of(s);
        if (!u.driver.empty()) return lang::new_str(u.driver);
        return guard(Interpreter::current(), [&] {
            return lang::new_str(std::string(engine::dialect_for(u).default_driver()));
        });
    });
    for (const char* n : {"__repr__", "__str__", "render_as_string"})
        def(t.url, n, [url_of](Interpreter&, const Value& s, Args&) -> Value {
            return lang::new_str(url_of(s).to_string());
        });

    // ---- Engine ----
    Type* e = api_types().engine;
    auto eng = [](const Value& v) { return v.as<EngineObj>(); };
    def(e, "connect", [](Interpreter& in, const Value& self, Args&) -> Value {
        return connect_engine(in, self);
    });
    def(e, "begin", [](Interpreter& in, const Value& self, Args&) -> Value {
        Value cv = connect_engine(in, self);
        ConnectionObj* c = cv.as<ConnectionObj>();
        guard(in, [&] { c->conn->begin(); });
        c->explicit_tx = true;
        return new_transaction(in, cv, true);
    });
    def(e, "execute", [](Interpreter& in, const Value& self, Args& args) -> Value {
        return engine_execute(in, self, args);
    });
    def(e, "scalar", [](Interpreter& in, const Value& self, Args& args) -> Value {
        return in.call_method(engine_execute(in, self, args), "scalar", {});
    });
    def(e, "dispose", [eng](Interpreter&, const Value& self, Args&) -> Value {
        eng(self)->engine->dispose();
        return Value::none();
    });
    def(e, "table_names", [](Interpreter& in, const Value& self, Args&) -> Value {
        Value insp = make_inspector(self);
        return in.call_method(insp, "get_table_names", {});
    });
    def(e, "has_table", [](Interpreter& in, const Value& self, Args& args) -> Value {
        Value insp = make_inspector(self);
        return in.call_method(insp, "has_table", {args.size() ? args[0] : Value::none()});
    });
    def_property(e, "url", [eng](Interpreter&, const Value& self) -> Value {
        return make_url_object(eng(self)->engine->url());
    });
    def_property(e, "name", [eng](Interpreter&, const Value& self) -> Value {
        return lang::new_str(std::string(eng(self)->engine->dialect().name()));
    });
    def_property(e, "driver", [eng](Interpreter&, const Value& self) -> Value {
        const auto& u = eng(self)->engine->url();
        return lang::new_str(u.driver.empty()
                                 ? std::string(eng(self)->engine->dialect().default_driver())
                                 : u.driver);
    });
    def_property(e, "dialect", [eng](Interpreter& in, const Value& self) -> Value {
        Value d = in.call(Value(engine_types().dialect), {});
        const auto& dialect = eng(self)->engine->dialect();
        const auto& u = eng(self)->engine->url();
        in.setattr(d, lang::intern("name"), lang::new_str(std::string(dialect.name())));
        in.setattr(
            d, lang::intern("driver"),
            lang::new_str(u.driver.empty() ? std::string(dialect.default_driver()) : u.driver));
        in.setattr(d, lang::intern("paramstyle"),
                   lang::new_str(sql::flavor_for(dialect).echo_pyformat ? "pyformat" : "qmark"));
        return d;
    });
    lang::Ref<lang::NativeProperty> echo(new lang::NativeProperty());
    echo->name = "echo";
    echo->get = [eng](Interpreter&, const Value& self) -> Value {
        return Value::boolean(eng(self)->engine->echo().target<EchoToOutput>() != nullptr);
    };
    echo->set = [eng](Interpreter& in, const Value& self, const Value& v) {
        set_echo(*eng(self)->engine, in.truthy(v));
    };
    e->set_attr("echo", echo);
    def(e, "__repr__", [eng](Interpreter&, const Value& self, Args&) -> Value {
        return lang::new_str("Engine(" + eng(self)->engine->url().to_string() + ")");
    });

    // ---- Connection ----
    Type* c = t.connection;
    def(c, "execute", [](Interpreter& in, const Value& self, Args& args) -> Value {
        if (args.size() < 1)
            in.raise("TypeError", "execute() missing 1 required positional argument: 'statement'");
        Args rest{std::span<const Value>(args.pos.data() + 1, args.pos.size() - 1), args.kw};
        return connection_execute(in, conn_self(in, self), args[0], rest);
    });
    def(c, "exec_driver_sql", [](Interpreter& in, const Value& self, Args& args) -> Value {
        if (args.size() < 1 || !lang::is_str(args[0]))
            in.raise("TypeError", "exec_driver_sql() expects an SQL string");
        Args rest{std::span<const Value>(args.pos.data() + 1, args.pos.size() - 1), args.kw};
        return connection_execute(in, conn_self(in, self), args[0], rest);
    });
    def(c, "scalar", [](Interpreter& in, const Value& self, Args& args) -> Value {
        Args rest{std::span<const Value>(args.pos.data() + 1, args.pos.size() - 1), args.kw};
        Value r = connection_execute(in, conn_self(in, self), args.size() ? args[0] : Value::none(),
                                     rest);
        return in.call_method(r, "scalar", {});
    });
    def(c, "scalars", [](Interpreter& in, const Value& self, Args& args) -> Value {
        Args rest{std::span<const Value>(args.pos.data() + 1, args.pos.size() - 1), args.kw};
        Value r = connection_execute(in, conn_self(in, self), args.size() ? args[0] : Value::none(),
                                     rest);
        return in.call_method(r, "scalars", {});
    });
    def(c, "begin", [](Interpreter& in, const Value& self, Args&) -> Value {
        ConnectionObj* co = conn_self(in, self);
        guard(in, [&] { co->conn->begin(); });
        co->explicit_tx = true;
        return new_transaction(in, self, false);
    });
    def(c, "commit", [](Interpreter& in, const Value& self, Args&) -> Value {
        ConnectionObj* co = conn_self(in, self);
        guard(in, [&] { co->conn->commit(); });
        co->explicit_tx = false;
        return Value::none();
    });
    def(c, "rollback", [](Interpreter& in, const Value& self, Args&) -> Value {
        ConnectionObj* co = conn_self(in, self);
        guard(in, [&] { co->conn->rollback(); });
        co->explicit_tx = false;
        return Value::none();
    });
    def(c, "in_transaction", [](Interpreter& in, const Value& self, Args&) -> Value {
        ConnectionObj* co = as_connection(in, self);
        return Value::boolean(co && co->conn && co->conn->in_transaction());
    });
    def(c, "close", [](Interpreter& in, const Value& self, Args&) -> Value {
        ConnectionObj* co = as_connection(in, self);
        if (co) guard(in, [&] { close_connection(co); });
        return Value::none();
    });
    def_property(c, "closed", [](Interpreter& in, const Value& self) -> Value {
        ConnectionObj* co = as_connection(in, self);
        return Value::boolean(!co->conn || co->conn->closed());
    });
    def_property(c, "engine", [](Interpreter& in, const Value& self) -> Value {
        return as_connection(in, self)->engine;
    });
    def_property(c, "dialect", [](Interpreter& in, const Value& self) -> Value {
        return in.getattr(as_connection(in, self)->engine, "dialect");
    });
    def(c, "__enter__", [](Interpreter&, const Value& self, Args&) -> Value { return self; });
    def(c, "__exit__", [](Interpreter& in, const Value& self, Args&) -> Value {
        ConnectionObj* co = as_connection(in, self);
        if (co) guard(in, [&] { close_connection(co); });
        return Value::boolean(false);
    });

    // ---- Transaction ----
    Type* tx = t.transaction;
    auto tx_self = [](const Value& v) { return v.as<TransactionObj>(); };
    def(tx, "commit", [tx_self](Interpreter& in, const Value& self, Args&) -> Value {
        finish_transaction(in, tx_self(self), true);
        return Value::none();
    });
    def(tx, "rollback", [tx_self](Interpreter& in, const Value& self, Args&) -> Value {
        finish_transaction(in, tx_self(self), false);
        return Value::none();
    });
    def(tx, "close", [tx_self](Interpreter& in, const Value& self, Args&) -> Value {
        finish_transaction(in, tx_self(self), false);
        return Value::none();
    });
    def_property(tx, "is_active", [tx_self](Interpreter&, const Value& self) -> Value {
        return Value::boolean(tx_self(self)->active);
    });
    def_property(tx, "connection", [tx_self](Interpreter&, const Value& self) -> Value {
        return tx_self(self)->connection;
    });
    def(tx, "__enter__", [tx_self](Interpreter&, const Value& self, Args&) -> Value {
        // engine.begin() yields the connection; conn.begin() the transaction itself.
        return tx_self(self)->close_connection ? tx_self(self)->connection : self;
    });
    def(tx, "__exit__", [tx_self](Interpreter& in, const Value& self, Args& args) -> Value {
        TransactionObj* t = tx_self(self);
        bool ok = args.size() == 0 || args[0].is_none();
        try {
            finish_transaction(in, t, ok);
        } catch (...) {
            if (t->close_connection)
                if (ConnectionObj* co = as_connection(in, t->connection)) close_connection(co);
            throw;
        }
        if (t->close_connection)
            if (ConnectionObj* co = as_connection(in, t->connection))
                guard(in, [&] { close_connection(co); });
        return Value::boolean(false);
    });
}

namespace {

// connect_args={'timeout': 2} are the driver's connection parameters; both dialects read
// those from the URL's query (sqlite: timeout; libpq: connect_timeout, sslmode, ...).
void add_connect_args(Interpreter& in, const Value& connect_args, engine::Url& url) {
    if (connect_args.empty() || connect_args.is_none()) return;
    if (!lang::has_layout(connect_args, lang::Layout::Dict))
        in.raise("TypeError", "connect_args must be a dict");
    for (const auto& entry : connect_args.as<lang::Dict>()->entries)
        if (!entry.key.empty()) url.query[in.str(entry.key)] = in.str(entry.value);
}

} // namespace

void add_engine_names(Interpreter&, lang::Module& m) {
    api_types();
    m.dict->set_str(
        lang::intern("create_engine"),
        lang::make_native_closure(
            "create_engine", [](Interpreter& in, const Value&, Args& args) -> Value {
                if (args.size() < 1)
                    in.raise("TypeError",
                             "create_engine() missing 1 required positional argument: 'url'");
                std::string url_text =
                    lang::is_str(args[0]) ? lang::as_str(args[0])->s : in.str(args[0]);
                auto* o = new EngineObj(api_types().engine);
                Value v(o);
                o->engine = guard(in, [&] {
                    engine::Url url = engine::Url::parse(url_text);
                    add_connect_args(in, kwarg(args, "connect_args"), url);
                    return engine::Engine::create(url);
                });
                o->future = opt_bool(in, kwarg(args, "future"), false);
                set_echo(*o->engine, g_echo_by_default || opt_bool(in, kwarg(args, "echo"), false));
                return v;
            }));
    m.dict->set_str(lang::intern("make_url"),
                    lang::make_native_closure(
                        "make_url", [](Interpreter& in, const Value&, Args& args) -> Value {
                            if (args.size() != 1)
                                in.raise("TypeError", "make_url() takes exactly one argument");
                            if (args[0].is_obj() && args[0].type() == engine_types().url)
                                return args[0];
                            std::string text = str_arg(in, args[0], "url");
                            return guard(in,
                                         [&] { return make_url_object(engine::Url::parse(text)); });
                        }));
    m.dict->set_str(lang::intern("inspect"),
                    lang::make_native_closure(
                        "inspect", [](Interpreter& in, const Value&, Args& args) -> Value {
                            if (args.size() < 1)
                                in.raise(
                                    "TypeError",
                                    "inspect() missing 1 required positional argument: 'subject'");
                            const Value& x = args[0];
                            if (as_engine(in, x) || as_connection(in, x)) return make_inspector(x);
                            if (x.is_obj() && x.type()->is_subtype(api_types().clause_element))
                                return x;
                            if (x.is_obj() && x.type() == engine_types().inspector) return x;
                            if (inspect_hook()) {
                                Value r = inspect_hook()(in, x);
                                if (!r.empty()) return r;
                            }
                            raise_sa(in, "NoInspectionAvailable",
                                     "No inspection system is available for object of type " +
                                         std::string("<class '") + in.type_name(x) + "'>");
                        }));
    m.dict->set_str(lang::intern("Engine"), Value(api_types().engine));
    m.dict->set_str(lang::intern("Connection"), Value(engine_types().connection));
    m.dict->set_str(lang::intern("URL"), Value(engine_types().url));
    m.dict->set_str(lang::intern("Inspector"), Value(engine_types().inspector));
}

void set_engine_echo(engine::Engine& e, bool on) {
    set_echo(e, on);
}

void refresh_sql_logging(Interpreter& in) {
    bool on = sql_logging_enabled(in);
    for (const auto& e : engine::Engine::live_engines())
        if (!e->echo() || e->echo().target<EchoToLogging>())
            e->set_echo(on ? engine::EchoSink(EchoToLogging{}) : nullptr);
}

void set_echo_everywhere(bool on) {
    g_echo_by_default = on;
    for (const auto& e : engine::Engine::live_engines())
        set_echo(*e, on);
}

} // namespace ormsh::api
