// The cycle collector: a table of the tracked objects (containers, instances, functions: what
// can be part of a reference cycle) and CPython's algorithm over it. Objects hold only their
// index in the table; the per-object counts a collection needs live in a vector for its
// duration, so the object header carries no collector links.
#include "repl/lang/interpreter.h"

#include <cstdlib>
#include <vector>

namespace ormsh::lang {

namespace gc {

size_t allocations_since_collect = 0;

namespace {

// The tracked objects, in fixed-size chunks: the table never moves when it grows (no copy of
// a large table, no old copy left behind), and costs one pointer per tracked object. Removal
// moves the last object into the freed slot. Plain members only, constant-initialised: objects
// are tracked before and untracked after any static constructor or destructor would run.
class TrackedTable {
public:
    size_t size() const { return size_; }
    Object* at(size_t i) const { return chunks_[i >> kChunkShift][i & kChunkMask]; }

    void add(Object* o) {
        if ((size_ >> kChunkShift) == chunk_count_) add_chunk();
        chunks_[size_ >> kChunkShift][size_ & kChunkMask] = o;
        o->gc_slot = static_cast<uint32_t>(++size_);
    }

    void remove(Object* o) {
        size_t i = o->gc_slot - 1;
        o->gc_slot = 0;
        --size_;
        if (i != size_) {
            Object* last = at(size_);
            chunks_[i >> kChunkShift][i & kChunkMask] = last;
            last->gc_slot = static_cast<uint32_t>(i + 1);
        }
        // One empty chunk is kept beyond the last used one, so that a size going back and
        // forth across a chunk boundary does not allocate each time.
        if (chunk_count_ > (size_ >> kChunkShift) + 2) std::free(chunks_[--chunk_count_]);
    }

private:
    static constexpr size_t kChunkShift = 11; // 2,048 objects (16 KiB) per chunk
    static constexpr size_t kChunkMask = (size_t{1} << kChunkShift) - 1;

    void add_chunk() {
        if (chunk_count_ == directory_capacity_) {
            directory_capacity_ = directory_capacity_ ? directory_capacity_ * 2 : 16;
            chunks_ = static_cast<Object***>(
                std::realloc(static_cast<void*>(chunks_), directory_capacity_ * sizeof(Object**)));
            if (!chunks_) std::abort();
        }
        auto* chunk = static_cast<Object**>(std::malloc((kChunkMask + 1) * sizeof(Object*)));
        if (!chunk) std::abort();
        chunks_[chunk_count_++] = chunk;
    }

    Object*** chunks_ = nullptr;
    size_t chunk_count_ = 0;
    size_t directory_capacity_ = 0;
    size_t size_ = 0;
};

constinit TrackedTable g_table;
bool g_collecting = false;

// Counts per table slot during a collection: references from outside the tracked objects,
// then (after marking) whether the object is reachable.
class SubtractVisitor : public Visitor {
public:
    explicit SubtractVisitor(int32_t* refs) : refs_(refs) {}
    void visit(Object* o) override {
        if (o && o->gc_slot) --refs_[o->gc_slot - 1];
    }

private:
    int32_t* refs_;
};

class MarkVisitor : public Visitor {
public:
    MarkVisitor(int32_t* refs, std::vector<Object*>& stack) : refs_(refs), stack_(stack) {}
    void visit(Object* o) override {
        if (o && o->gc_slot && refs_[o->gc_slot - 1] <= 0) {
            refs_[o->gc_slot - 1] = 1;
            stack_.push_back(o);
        }
    }

private:
    int32_t* refs_;
    std::vector<Object*>& stack_;
};

} // namespace

// CPython's algorithm: subtract the references tracked objects hold to each other; what keeps
// a count is referenced from outside, and whatever is not reachable from those is garbage.
// Nothing is made or freed until the garbage is known, so table slots stay put until then.
size_t collect() {
    if (g_collecting) return 0;
    g_collecting = true;
    allocations_since_collect = 0;
    size_t n = g_table.size();
    std::vector<int32_t> refs(n);
    for (size_t i = 0; i < n; ++i) {
        Object* o = g_table.at(i);
        // In-flight temporaries (no references yet) are roots, as immortal objects are.
        refs[i] = o->refcnt >= kImmortalRefs || o->refcnt == 0 ? 1 << 29
                                                               : static_cast<int32_t>(o->refcnt);
    }
    SubtractVisitor sub(refs.data());
    for (size_t i = 0; i < n; ++i)
        g_table.at(i)->traverse(sub);
    std::vector<Object*> stack;
    for (size_t i = 0; i < n; ++i)
        if (refs[i] > 0) stack.push_back(g_table.at(i));
    MarkVisitor mark(refs.data(), stack);
    while (!stack.empty()) {
        Object* o = stack.back();
        stack.pop_back();
        o->traverse(mark);
    }
    // Newest first, as the objects were tracked.
    std::vector<Object*> garbage;
    for (size_t i = n; i-- > 0;)
        if (refs[i] <= 0) garbage.push_back(g_table.at(i));
    refs = {};
    for (Object* o : garbage)
        o->incref();
    for (Object* o : garbage)
        o->clear_refs();
    for (Object* o : garbage)
        o->decref();
    g_collecting = false;
    return garbage.size();
}

void maybe_collect() {
    if (allocations_since_collect > 20000 + g_table.size() / 2) collect();
}

size_t tracked_count() {
    return g_table.size();
}

} // namespace gc

void Object::track() {
    if (gc_slot) return;
    gc::g_table.add(this);
    ++gc::allocations_since_collect;
}

void Object::untrack() {
    gc::g_table.remove(this);
}

} // namespace ormsh::lang
