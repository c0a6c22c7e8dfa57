// mimalloc settings for the ormsh executable, applied by a constructor that runs before any of
// the executable's own static initialisers allocate (libmimalloc.so has initialised itself by
// then, and has not made a heap segment yet).
#include <cstddef>
#include <cstdint>
#include <mimalloc.h>
#include <sys/mman.h>

namespace {

constexpr std::size_t kMiB = std::size_t{1} << 20;
// Address space given to mimalloc as its first arena: reserved, not backed (MAP_NORESERVE);
// pages become resident as the heap touches them. A heap that outgrows it goes on in memory
// mimalloc maps itself.
constexpr std::size_t kArenaSize = 1024 * kMiB;
// mimalloc carves segments out of an arena at its segment alignment (32 MiB in 2.0): a larger
// power of two covers it.
constexpr std::size_t kArenaAlignment = 64 * kMiB;
// The part of the arena on 2 MiB transparent huge pages: where start-up's objects go.
constexpr std::size_t kHugePageHead = 4 * kMiB;

// Start-up touches a few megabytes of fresh heap at the start of the first segment: on 4 KiB
// pages that is about 430 page faults, a third of a short script's time; on huge pages (THP in
// "madvise" mode, as Debian ships it) it is two. The rest of the heap stays on 4 KiB pages, so
// that a large script's resident size is what it touches, not that rounded up to 2 MiB steps
// (the whole heap on huge pages cost a 100,000-row seed 5 MB). The heap is not returned to the
// system page by page, which a process that exits after its script does not miss.
__attribute__((constructor(101))) void start_the_heap_on_huge_pages() {
    void* reserved = mmap(nullptr, kArenaSize + kArenaAlignment, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (reserved == MAP_FAILED) return;
    auto base = reinterpret_cast<std::uintptr_t>(reserved);
    std::uintptr_t start = (base + kArenaAlignment - 1) & ~(kArenaAlignment - 1);
    if (start > base) munmap(reserved, start - base);
    munmap(reinterpret_cast<void*>(start + kArenaSize), base + kArenaAlignment - start);
    auto* arena = reinterpret_cast<void*>(start);
    madvise(arena, kHugePageHead, MADV_HUGEPAGE);
    if (!mi_manage_os_memory(arena, kArenaSize, /*is_committed=*/true, /*is_large=*/false,
                             /*is_zero=*/true, /*numa_node=*/-1))
        munmap(arena, kArenaSize);
}

} // namespace
