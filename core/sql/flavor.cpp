// The built-in flavours, matching SQLAlchemy 1.4's SQLite and PostgreSQL compilers.
#include "core/sql/flavor.h"

#include <map>
#include <mutex>

namespace ormsh::sql {
namespace {

std::map<std::string, Flavor, std::less<>>& registry() {
    static std::map<std::string, Flavor, std::less<>> flavors = [] {
        std::map<std::string, Flavor, std::less<>> m;
        Flavor sqlite;
        sqlite.limit_style = Flavor::LimitStyle::SQLite;
        sqlite.now_function = "CURRENT_TIMESTAMP";
        sqlite.empty_in_as_subquery = true;
        sqlite.parenthesize_expression_defaults = true;
        sqlite.distinct_from_as_is = true;
        m["sqlite"] = sqlite;
        Flavor pg;
        pg.limit_style = Flavor::LimitStyle::PostgreSQL;
        pg.echo_pyformat = true;
        m["postgresql"] = pg;
        return m;
    }();
    return flavors;
}

std::mutex registry_mutex;

} // namespace

const Flavor& flavor_for(const engine::Dialect& dialect) {
    static const Flavor generic;
    std::lock_guard lock(registry_mutex);
    auto& m = registry();
    auto it = m.find(dialect.name());
    return it == m.end() ? generic : it->second;
}

void register_flavor(const std::string& dialect_name, Flavor flavor) {
    std::lock_guard lock(registry_mutex);
    registry()[dialect_name] = std::move(flavor);
}

} // namespace ormsh::sql
