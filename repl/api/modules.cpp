// register_all_modules: every built-in module a script can import, registered with the
// interpreter (each is created lazily on first import).
#include "repl/api/modules.h"

#include "repl/api/datetime_objects.h"
#include "repl/api/exc_bridge.h"
#ifdef HAVE_ORMSH_API_STDLIB
#include "repl/api/stdlib/stdlib_modules.h"
#endif

namespace ormsh::api {

void register_all_modules(lang::Interpreter& in) {
#ifdef HAVE_ORMSH_API_DATETIME
    register_datetime_module(in);
    register_decimal_module(in);
#endif
#ifdef HAVE_ORMSH_API_STDLIB
    register_stdlib_modules(in);
#endif
#ifdef HAVE_ORMSH_API_SQLALCHEMY
    register_exc_module(in);
    register_sqlalchemy_core(in);
#endif
#ifdef HAVE_ORMSH_API_ORM
    register_sqlalchemy_orm(in);
    register_flask(in);
#endif
#ifdef HAVE_ORMSH_API_PYLIB
    register_pylib_modules(in);
#endif
    (void)in;
}

} // namespace ormsh::api
