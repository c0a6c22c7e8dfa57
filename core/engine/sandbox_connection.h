// A driver connection whose work is never kept: it opens one outer transaction when created
// and rolls it back when destroyed, and turns the transactions its users begin, commit and
// roll back into savepoints inside it. The shell's --sandbox runs every engine on one of
// these, so commit() behaves as usual during the session and nothing reaches the database.
#pragma once

#include "core/engine/dialect.h"

#include <memory>

namespace ormsh::engine {

class SandboxConnection : public DriverConnection {
public:
    explicit SandboxConnection(std::unique_ptr<DriverConnection> real);
    ~SandboxConnection() override;

    std::unique_ptr<Cursor> execute(const std::string& sql,
                                    const std::vector<Value>& params) override;
    std::int64_t execute_many(const std::string& sql,
                              const std::vector<std::vector<Value>>& rows) override;
    void execute_script(const std::string& sql) override;

    // The user's transaction: a savepoint in the outer transaction.
    void begin() override;
    void commit() override;
    void rollback() override;
    bool in_transaction() const override { return in_transaction_; }
    void savepoint(const std::string& name) override { real_->savepoint(name); }
    void release_savepoint(const std::string& name) override { real_->release_savepoint(name); }
    void rollback_to_savepoint(const std::string& name) override {
        real_->rollback_to_savepoint(name);
    }

    std::optional<std::int64_t> last_insert_id() override { return real_->last_insert_id(); }
    void interrupt() override { real_->interrupt(); }
    bool is_alive() const override { return real_->is_alive(); }
    std::vector<Value> bulk_insert(const std::string& table,
                                   const std::vector<std::string>& columns, const BulkRows& rows,
                                   const std::optional<std::string>& returning) override;
    std::vector<std::string> table_names() override { return real_->table_names(); }
    bool has_table(const std::string& name) override { return real_->has_table(name); }
    std::optional<TableInfo> reflect_table(const std::string& name) override {
        return real_->reflect_table(name);
    }

private:
    // Statements outside a user transaction still run inside the outer one; each is wrapped
    // in its own savepoint so that a failing one (PostgreSQL aborts the whole transaction)
    // can be undone alone.
    template <typename Fn> auto autocommitted(Fn&& fn);

    std::unique_ptr<DriverConnection> real_;
    bool in_transaction_ = false;
};

} // namespace ormsh::engine
