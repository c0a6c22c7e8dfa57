// The PostgreSQL dialect: SQLAlchemy's PGDialect_psycopg2 flavour of SQL (capabilities,
// quoting with PostgreSQL's reserved words, $n placeholders, type names) and the factory for
// PostgreSQL connections.
#pragma once

#include "core/engine/dialect.h"

namespace ormsh::dialects {

class PostgreSQLDialect : public engine::Dialect {
public:
    PostgreSQLDialect();
    std::string_view name() const override { return "postgresql"; }
    std::string_view driver_module() const override { return "psycopg2"; }
    std::string_view default_driver() const override { return "psycopg2"; }
    const engine::Capabilities& caps() const override { return caps_; }

    std::string quote_identifier(std::string_view name) const override;
    std::string force_quote_identifier(std::string_view name) const override;
    std::string placeholder(int index) const override;
    std::string type_ddl(const engine::TypeSpec& type) const override;
    std::string autoincrement_type_ddl(const engine::TypeSpec& type) const override;

    std::unique_ptr<engine::DriverConnection> connect(const engine::Url& url) const override;

private:
    engine::Capabilities caps_;
};

// A format_type() spelling as SQLAlchemy reflects it (postgresql_reflection.cpp).
engine::TypeSpec parse_pg_type(const std::string& formatted, bool is_enum);

// Registers the dialect under "postgresql" (and the "postgres" alias); called from
// dialects/registry.cpp.
void register_postgresql_dialect();

} // namespace ormsh::dialects
