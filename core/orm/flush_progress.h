// Counters a running flush keeps up to date, so another thread (the shell's progress line on
// a terminal) can report "rows written of rows pending" during a long flush. Reading them is
// all anyone else does; the core never prints.
#pragma once

#include <atomic>
#include <cstddef>

namespace ormsh::orm {

struct FlushProgress {
    std::atomic<bool> running{false};
    std::atomic<std::size_t> pending{0}; // objects taking part in the current flush
    std::atomic<std::size_t> written{0}; // rows inserted, updated or deleted so far
};

// The process-wide counters (one flush runs at a time: the interpreter is single-threaded).
FlushProgress& flush_progress();

} // namespace ormsh::orm
