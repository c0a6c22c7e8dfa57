// Registers every dialect ormsh ships under its URL scheme. Adding a dialect is one line here.
#include "dialects/registry.h"

#include "dialects/postgresql/postgresql_dialect.h"
#include "dialects/sqlite/sqlite_dialect.h"

#include <mutex>

namespace ormsh::dialects {

void register_builtin_dialects() {
    static std::once_flag once;
    std::call_once(once, [] {
        register_sqlite_dialect();
        register_postgresql_dialect();
    });
}

} // namespace ormsh::dialects
