// The schema the SQL tests share, declared with core/schema exactly as gen_expected.py
// declares it with SQLAlchemy, plus the dialect instances (the real SQLite and PostgreSQL
// dialect classes: compiling needs no database).
#pragma once

#include "core/schema/metadata.h"
#include "core/sql/dml.h"
#include "core/sql/schema_expression.h"
#include "core/sql/selectable.h"
#include "dialects/postgresql/postgresql_dialect.h"
#include "dialects/sqlite/sqlite_dialect.h"

#include <memory>
#include <string>

namespace ormsh::sql::testing {

inline schema::ColumnPtr make_column(const std::string& name, schema::TypeSpec type,
                                     bool primary_key = false) {
    auto c = schema::Column::make(name, std::move(type));
    c->primary_key = primary_key;
    return c;
}

struct TestSchema {
    schema::MetaData md;
    schema::TablePtr users, addresses, memberships;
    NodePtr U, A, M;

    TestSchema() {
        using namespace schema;
        auto name = make_column("name", String(50));
        name->nullable_flag = false;
        name->unique = true;
        auto email = make_column("email", String(120));
        email->index = true;
        auto age = make_column("age", Integer());
        age->default_value = ColumnDefault::scalar(std::int64_t{18});
        auto active = make_column("active", Boolean());
        active->server_default = sql::server_default(sql::text("1"));
        auto created = make_column("created", DateTime());
        created->server_default = sql::server_default(sql::func("now"));
        users = Table::make(md, "users",
                            {make_column("id", Integer(), true), name, email, age, active, created,
                             make_column("score", Numeric(10, 2))});

        auto user_id = make_column("user_id", NullType());
        auto fk = std::make_shared<ForeignKey>("users.id");
        fk->ondelete = "CASCADE";
        user_id->add_foreign_key(fk);
        user_id->nullable_flag = false;
        auto email_address = make_column("email_address", String());
        email_address->nullable_flag = false;
        addresses = Table::make(md, "addresses",
                                {make_column("id", Integer(), true), user_id, email_address,
                                 make_column("kind", Enum({"home", "work"}, "addr_kind"))});

        auto note = make_column("note", Text());
        note->server_default = ServerDefault::from_literal("none");
        memberships = Table::make(md, "memberships",
                                  {make_column("user_id", Integer(), true),
                                   make_column("group_id", Integer(), true), note,
                                   make_column("weight", Float()), make_column("since", Date()),
                                   make_column("big", BigInteger())});
        ForeignKeyConstraint fkc;
        fkc.name = "fk_member_user";
        fkc.columns = {"user_id"};
        fkc.refcolumns = {"users.id"};
        memberships->append_constraint(fkc);
        memberships->append_constraint(UniqueConstraint{"uq_member_note", {"user_id", "note"}});
        memberships->append_constraint(CheckConstraint{"ck_weight", "weight > 0"});
        memberships->append_index(Index{"ix_member_since", {"since", "big"}, false});

        U = sql::table(users);
        A = sql::table(addresses);
        M = sql::table(memberships);
    }
    NodePtr u(std::string_view key) const { return sql::c(U, key); }
    NodePtr a(std::string_view key) const { return sql::c(A, key); }
};

inline const engine::Dialect& sqlite_dialect() {
    static dialects::SQLiteDialect d;
    return d;
}

inline const engine::Dialect& postgresql_dialect() {
    static dialects::PostgreSQLDialect d;
    return d;
}

} // namespace ormsh::sql::testing
