// SandboxConnection: savepoints inside one transaction that is always rolled back.
#include "core/engine/sandbox_connection.h"

namespace ormsh::engine {
namespace {

// Opened first and never released: a driver may defer BEGIN until the first write (SQLite's
// does), and releasing an outermost savepoint would commit.
constexpr const char* kOuter = "ormsh_sandbox";
constexpr const char* kUserTransaction = "ormsh_sandbox_tx";
constexpr const char* kStatement = "ormsh_sandbox_stmt";

} // namespace

SandboxConnection::SandboxConnection(std::unique_ptr<DriverConnection> real)
    : real_(std::move(real)) {
    real_->begin();
    real_->savepoint(kOuter);
}

SandboxConnection::~SandboxConnection() {
    try {
        if (real_->is_alive() && real_->in_transaction()) real_->rollback();
    } catch (const std::exception&) {
        // Closing the connection discards the transaction anyway.
    }
}

template <typename Fn> auto SandboxConnection::autocommitted(Fn&& fn) {
    if (in_transaction_) return fn();
    real_->savepoint(kStatement);
    try {
        auto result = fn();
        real_->release_savepoint(kStatement);
        return result;
    } catch (...) {
        try {
            real_->rollback_to_savepoint(kStatement);
            real_->release_savepoint(kStatement);
        } catch (const std::exception&) {
        }
        throw;
    }
}

std::unique_ptr<Cursor> SandboxConnection::execute(const std::string& sql,
                                                   const std::vector<Value>& params) {
    return autocommitted([&] { return real_->execute(sql, params); });
}

std::int64_t SandboxConnection::execute_many(const std::string& sql,
                                             const std::vector<std::vector<Value>>& rows) {
    return autocommitted([&] { return real_->execute_many(sql, rows); });
}

void SandboxConnection::execute_script(const std::string& sql) {
    autocommitted([&] {
        real_->execute_script(sql);
        return 0;
    });
}

std::vector<Value> SandboxConnection::bulk_insert(const std::string& table,
                                                  const std::vector<std::string>& columns,
                                                  const BulkRows& rows,
                                                  const std::optional<std::string>& returning) {
    return autocommitted([&] { return real_->bulk_insert(table, columns, rows, returning); });
}

void SandboxConnection::begin() {
    real_->savepoint(kUserTransaction);
    in_transaction_ = true;
}

void SandboxConnection::commit() {
    if (!in_transaction_) return;
    in_transaction_ = false;
    real_->release_savepoint(kUserTransaction);
}

void SandboxConnection::rollback() {
    if (!in_transaction_) return;
    in_transaction_ = false;
    real_->rollback_to_savepoint(kUserTransaction);
    real_->release_savepoint(kUserTransaction);
}

} // namespace ormsh::engine
