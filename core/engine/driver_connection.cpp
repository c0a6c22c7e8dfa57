// Every open driver connection, so a process can close them all when it exits without tearing
// down its heap (see DriverConnection::close_all_for_exit).
#include "core/engine/dialect.h"

#include <mutex>
#include <unordered_set>

namespace ormsh::engine {

namespace {

std::mutex& open_connections_mutex() {
    static auto* mutex = new std::mutex;
    return *mutex;
}

std::unordered_set<DriverConnection*>& open_connections() {
    static auto* connections = new std::unordered_set<DriverConnection*>;
    return *connections;
}

} // namespace

DriverConnection::DriverConnection() {
    std::lock_guard lock(open_connections_mutex());
    open_connections().insert(this);
}

DriverConnection::~DriverConnection() {
    std::lock_guard lock(open_connections_mutex());
    open_connections().erase(this);
}

void DriverConnection::close_all_for_exit() {
    std::lock_guard lock(open_connections_mutex());
    for (DriverConnection* connection : open_connections())
        connection->close_for_exit();
    open_connections().clear();
}

} // namespace ormsh::engine
