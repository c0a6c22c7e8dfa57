// mimalloc settings for the ormsh executable, applied by a constructor that runs before any of
// the executable's own static initialisers allocate (libmimalloc.so has initialised itself by
// then; its options may still change until the first heap segment is made).
#include <mimalloc.h>

namespace {

// Back the heap with 2 MiB transparent huge pages where the kernel allows them (THP in
// "madvise" mode, as Debian ships it): a short script touches a few megabytes of fresh heap,
// which with 4 KiB pages costs about 450 page faults, a third of a startup's time; with huge
// pages it is one fault per 2 MiB. The heap is not returned to the system page by page, which
// a process that exits after its script does not miss.
__attribute__((constructor(101))) void use_huge_pages_for_the_heap() {
    mi_option_enable(mi_option_large_os_pages);
}

} // namespace
