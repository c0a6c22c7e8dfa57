// The memory methods ormsh gives SQLite: small blocks recycled from per-thread free lists by
// size class, standing in for the lookaside allocator that Debian's libsqlite3 is built
// without (SQLITE_OMIT_LOOKASIDE). sqlite_connection.cpp installs them with the rest of the
// library's configuration, before SQLite initialises.
#pragma once

#include <cstddef>
#include <cstdint>

namespace ormsh::dialects {

// Blocks up to this many bytes are recycled; larger ones go straight to malloc.
inline constexpr std::size_t kSQLiteSmallBlockLimit = 504;
// The most freed blocks of one size class a thread keeps for reuse (the rest are freed).
inline constexpr std::uint32_t kSQLiteCachedBlocksPerClass = 8;

// Makes SQLite allocate through the block cache. Must run before sqlite3_initialize();
// returns false (and changes nothing) when SQLite was initialised already.
bool install_sqlite_memory_methods();

// Bytes of freed blocks the calling thread holds for reuse, and the most it may hold
// (kSQLiteCachedBlocksPerClass blocks of each class: about 24 KB).
std::size_t sqlite_cached_block_bytes();
std::size_t sqlite_cached_block_limit();

} // namespace ormsh::dialects
