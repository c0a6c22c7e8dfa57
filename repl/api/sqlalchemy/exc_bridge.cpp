// sqlalchemy.exc and sqlalchemy.orm.exc: the exception classes with SQLAlchemy 1.4's
// hierarchy, created on first use, and the translation of core/'s C++ errors into them
// (DBAPIError subclasses carry .orig, .statement and .params as in SQLAlchemy).
#include "repl/api/exc_bridge.h"

#include "core/engine/errors.h"
#include "repl/api/convert.h"
#include "repl/api/sqlalchemy/binding.h"

#include <algorithm>
#include <map>
#include <new>
#include <stdexcept>

namespace ormsh::api {

namespace {

struct ExcDef {
    const char* name;
    const char* parent; // nullptr: Exception
    bool orm = false;   // lives in sqlalchemy.orm.exc
};

// In dependency order: every parent comes before its children.
const ExcDef kExceptions[] = {
    {"SQLAlchemyError", nullptr},
    {"ArgumentError", "SQLAlchemyError"},
    {"NoSuchModuleError", "ArgumentError"},
    {"NoForeignKeysError", "ArgumentError"},
    {"AmbiguousForeignKeysError", "ArgumentError"},
    {"ObjectNotExecutableError", "ArgumentError"},
    {"CompileError", "SQLAlchemyError"},
    {"UnsupportedCompilationError", "CompileError"},
    {"IdentifierError", "SQLAlchemyError"},
    {"DisconnectionError", "SQLAlchemyError"},
    {"TimeoutError", "SQLAlchemyError"},
    {"CircularDependencyError", "SQLAlchemyError"},
    {"InvalidRequestError", "SQLAlchemyError"},
    {"NoSuchTableError", "InvalidRequestError"},
    {"NoSuchColumnError", "InvalidRequestError"},
    {"NoResultFound", "InvalidRequestError"},
    {"MultipleResultsFound", "InvalidRequestError"},
    {"PendingRollbackError", "InvalidRequestError"},
    {"ResourceClosedError", "InvalidRequestError"},
    {"NoInspectionAvailable", "InvalidRequestError"},
    {"UnboundExecutionError", "InvalidRequestError"},
    {"NoReferenceError", "InvalidRequestError"},
    {"NoReferencedTableError", "NoReferenceError"},
    {"NoReferencedColumnError", "NoReferenceError"},
    {"StatementError", "SQLAlchemyError"},
    {"DBAPIError", "StatementError"},
    {"InterfaceError", "DBAPIError"},
    {"DatabaseError", "DBAPIError"},
    {"DataError", "DatabaseError"},
    {"OperationalError", "DatabaseError"},
    {"IntegrityError", "DatabaseError"},
    {"InternalError", "DatabaseError"},
    {"ProgrammingError", "DatabaseError"},
    {"NotSupportedError", "DatabaseError"},
    // sqlalchemy.orm.exc
    {"ObjectDeletedError", "InvalidRequestError", true},
    {"DetachedInstanceError", "SQLAlchemyError", true},
    {"StaleDataError", "SQLAlchemyError", true},
    {"FlushError", "SQLAlchemyError", true},
    {"UnmappedError", "InvalidRequestError", true},
    {"UnmappedInstanceError", "UnmappedError", true},
    {"UnmappedClassError", "UnmappedError", true},
    {"UnmappedColumnError", "InvalidRequestError", true},
    {"ObjectDereferencedError", "SQLAlchemyError", true},
    {"LoaderStrategyException", "InvalidRequestError", true},
    // SQLAlchemy 2.0: a Mapped[] annotation that cannot be read.
    {"MappedAnnotationError", "ArgumentError", true},
};

std::map<std::string, Type*>& exc_types() {
    static std::map<std::string, Type*> m;
    return m;
}

const ExcDef* find_def(std::string_view name) {
    for (const ExcDef& d : kExceptions)
        if (name == d.name) return &d;
    return nullptr;
}

// The class of `d`, made (after its bases) on first use: a script that raises or catches
// none of them does not pay for building fifty classes.
Type* defined_type(Interpreter& in, const ExcDef& d) {
    auto& m = exc_types();
    auto it = m.find(d.name);
    if (it != m.end()) return it->second;
    Type* base = d.parent ? defined_type(in, *find_def(d.parent)) : lang::builtin_type("Exception");
    Type* t = in.new_exception_type(d.name, base, d.orm ? "sqlalchemy.orm.exc" : "sqlalchemy.exc");
    m[d.name] = t;
    return t;
}

// The names of sqlalchemy.orm.exc besides its own classes, after them.
constexpr const char* kOrmResultErrors[] = {"NoResultFound", "MultipleResultsFound"};

// The Module::deferred_names hook of sqlalchemy.exc (every class) and sqlalchemy.orm.exc (the
// ORM's classes, then the two result errors). With no name, all are defined in that order.
bool define_exc_names(Interpreter& in, lang::Module& m, lang::Str* name, bool orm_module) {
    auto is_result_error = [](const ExcDef& d) {
        return std::ranges::any_of(kOrmResultErrors,
                                   [&](const char* n) { return std::string_view(n) == d.name; });
    };
    if (name) {
        const ExcDef* d = find_def(name->s);
        if (d && (!orm_module || d->orm || is_result_error(*d)))
            m.dict->set_str(name, Value(defined_type(in, *d)));
        return true;
    }
    auto define = [&](const ExcDef& d) {
        lang::Str* key = lang::intern(d.name);
        m.dict->remove_str(key); // one looked up before goes back to its place in the order
        m.dict->set_str(key, Value(defined_type(in, d)));
    };
    for (const ExcDef& d : kExceptions)
        if (!orm_module || d.orm) define(d);
    if (orm_module)
        for (const char* n : kOrmResultErrors)
            define(*find_def(n));
    return false;
}

// The DB-API's own exception class (sqlite3.IntegrityError, psycopg2.errors.UniqueViolation)
// for DBAPIError.orig.
Type* driver_exception_type(Interpreter& in, const std::string& module, const std::string& name) {
    static std::map<std::string, Type*> m;
    std::string key = module + "." + name;
    auto it = m.find(key);
    if (it != m.end()) return it->second;
    Type* t = in.new_exception_type(name, lang::builtin_type("Exception"), module);
    m[key] = t;
    return t;
}

Value params_value(Interpreter& in, const std::vector<engine::Value>& params) {
    std::vector<Value> items;
    for (const auto& p : params)
        items.push_back(from_db(in, p));
    return lang::new_tuple(std::move(items));
}

[[noreturn]] void raise_dbapi(Interpreter& in, const engine::DBAPIError& e) {
    Value exc = in.new_exception(exc_type(in, e.class_name()), {lang::new_str(e.what())});
    std::string cls = e.driver_class().empty() ? e.class_name() : e.driver_class();
    Value orig = in.new_exception(driver_exception_type(in, e.driver_module(), cls),
                                  {lang::new_str(e.driver_message())});
    in.setattr(exc, lang::intern("orig"), orig);
    in.setattr(exc, lang::intern("statement"),
               e.sql().empty() ? Value::none() : lang::new_str(e.sql()));
    in.setattr(exc, lang::intern("params"), params_value(in, e.params()));
    in.setattr(exc, lang::intern("connection_invalidated"),
               Value::boolean(e.connection_invalidated));
    in.setattr(exc, lang::intern("code"),
               e.sqlstate().empty() ? Value::none() : lang::new_str(e.sqlstate()));
    in.raise_value(exc);
}

} // namespace

Type* exc_type(Interpreter& in, const std::string& name) {
    if (const ExcDef* d = find_def(name)) return defined_type(in, *d);
    auto& m = exc_types();
    auto it = m.find(name);
    if (it != m.end()) return it->second;
    // A class core/ knows and this table does not: still catchable as SQLAlchemyError.
    Type* t = in.new_exception_type(name, defined_type(in, kExceptions[0]), "sqlalchemy.exc");
    m[name] = t;
    return t;
}

void raise_sa(Interpreter& in, const std::string& cls, const std::string& msg) {
    in.raise(exc_type(in, cls), msg);
}

void rethrow_as_python(Interpreter& in, std::exception_ptr error) {
    try {
        std::rethrow_exception(error);
    } catch (const lang::PyException&) {
        throw;
    } catch (const engine::HostError& e) {
        std::rethrow_exception(e.original);
    } catch (const engine::DBAPIError& e) {
        raise_dbapi(in, e);
    } catch (const engine::SQLAlchemyError& e) {
        in.raise(exc_type(in, e.class_name()), e.what());
    } catch (const engine::StatementInterrupted&) {
        in.raise_value(in.new_exception(lang::builtin_type("KeyboardInterrupt"), {}));
    } catch (const std::bad_alloc&) {
        in.raise("MemoryError", "out of memory");
    } catch (const std::invalid_argument& e) {
        // A value the driver refuses before sending it (psycopg2's ValueError).
        in.raise("ValueError", e.what());
    } catch (const std::exception& e) {
        in.raise("RuntimeError", e.what());
    }
    in.raise("RuntimeError", "unknown native error");
}

void register_exc_module(Interpreter& in) {
    in.register_builtin_module("sqlalchemy.exc", [](Interpreter&, lang::Module& m) {
        m.deferred_names = [](Interpreter& in, lang::Module& m, lang::Str* name) {
            return define_exc_names(in, m, name, false);
        };
    });
    in.register_builtin_module("sqlalchemy.orm.exc", [](Interpreter&, lang::Module& m) {
        m.deferred_names = [](Interpreter& in, lang::Module& m, lang::Str* name) {
            return define_exc_names(in, m, name, true);
        };
    });
}

} // namespace ormsh::api
