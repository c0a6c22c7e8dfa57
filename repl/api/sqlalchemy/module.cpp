// register_sqlalchemy_core: the importable modules of SQLAlchemy Core (sqlalchemy,
// sqlalchemy.types, .sql, .sql.expression, .schema, .engine), each filled from the binding
// files of this folder when first imported.
#include "repl/api/modules.h"
#include "repl/api/sqlalchemy/binding.h"
#include "repl/api/sqlalchemy/engine_objects.h"

namespace ormsh::api {

namespace {

void make_sqlalchemy(Interpreter& in, lang::Module& m) {
    add_expression_functions(in, m);
    add_schema_names(in, m);
    add_type_names(in, m);
    add_engine_names(in, m);
    m.dict->set_str(lang::intern("__version__"), lang::new_str("1.4.46"));
    // `import sqlalchemy` makes sqlalchemy.exc reachable, as the real package imports it.
    m.dict->set_str(lang::intern("exc"), Value(in.import_module("sqlalchemy.exc")));
}

} // namespace

void register_sqlalchemy_core(Interpreter& in) {
    in.register_builtin_module("sqlalchemy", make_sqlalchemy);
    in.register_builtin_module("sqlalchemy.types",
                               [](Interpreter& in, lang::Module& m) { add_type_names(in, m); });
    in.register_builtin_module("sqlalchemy.sql.sqltypes",
                               [](Interpreter& in, lang::Module& m) { add_type_names(in, m); });
    in.register_builtin_module("sqlalchemy.schema",
                               [](Interpreter& in, lang::Module& m) { add_schema_names(in, m); });
    in.register_builtin_module("sqlalchemy.sql", [](Interpreter& in, lang::Module& m) {
        add_expression_functions(in, m);
        add_schema_names(in, m);
    });
    in.register_builtin_module("sqlalchemy.sql.expression", [](Interpreter& in, lang::Module& m) {
        add_expression_functions(in, m);
    });
    in.register_builtin_module("sqlalchemy.sql.functions", [](Interpreter& in, lang::Module& m) {
        add_expression_functions(in, m);
    });
    in.register_builtin_module("sqlalchemy.engine",
                               [](Interpreter& in, lang::Module& m) { add_engine_names(in, m); });
    in.register_builtin_module("sqlalchemy.engine.url",
                               [](Interpreter& in, lang::Module& m) { add_engine_names(in, m); });
    in.register_builtin_module("sqlalchemy.inspection",
                               [](Interpreter& in, lang::Module& m) { add_engine_names(in, m); });
    in.register_builtin_module("_ormsh_sql_logging", [](Interpreter&, lang::Module& m) {
        m.dict->set_str(lang::intern("refresh"),
                        lang::make_native_function(
                            "refresh", +[](Interpreter& in, const Value&, lang::Args&) {
                                refresh_sql_logging(in);
                                return Value::none();
                            }));
    });
}

} // namespace ormsh::api
