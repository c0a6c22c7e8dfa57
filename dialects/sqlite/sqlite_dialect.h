// The SQLite dialect: SQLAlchemy's SQLiteDialect_pysqlite flavour of SQL (capabilities,
// quoting, '?' placeholders, type names) and the factory for SQLite connections.
#pragma once

#include "core/engine/dialect.h"

namespace ormsh::dialects {

class SQLiteDialect : public engine::Dialect {
public:
    SQLiteDialect();
    std::string_view name() const override { return "sqlite"; }
    std::string_view driver_module() const override { return "sqlite3"; }
    std::string_view default_driver() const override { return "pysqlite"; }
    const engine::Capabilities& caps() const override { return caps_; }

    std::string quote_identifier(std::string_view name) const override;
    std::string force_quote_identifier(std::string_view name) const override;
    std::string placeholder(int index) const override;
    std::string type_ddl(const engine::TypeSpec& type) const override;
    std::string autoincrement_type_ddl(const engine::TypeSpec& type) const override;

    std::unique_ptr<engine::DriverConnection> connect(const engine::Url& url) const override;
    bool single_connection(const engine::Url& url) const override;

    // The file SQLite opens for `url`: ":memory:" for sqlite:// and sqlite:///:memory:.
    static std::string filename(const engine::Url& url);

private:
    engine::Capabilities caps_;
};

// A declared column type as SQLAlchemy's SQLite dialect reflects it (sqlite_reflection.cpp).
engine::TypeSpec parse_sqlite_type(const std::string& declared);

// Registers the dialect under "sqlite"; called from dialects/registry.cpp.
void register_sqlite_dialect();

} // namespace ormsh::dialects
