// Value and Object: the tagged value every expression yields (None, bool, small int and float
// carried inline, everything else a reference-counted Object) and the Object header shared by
// all heap values. The cycle collector (gc.cpp) finds unreachable reference cycles.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>

namespace ormsh::lang {

struct Object;
struct Type;
class Visitor;

// Refcount given to objects that are never freed (builtin types, interned strings, singletons).
inline constexpr uint32_t kImmortalRefs = 1u << 30;

void object_release(Object* o);

// A weak cell: stays alive while weak handles exist; `obj` turns null when the object dies.
struct WeakCell {
    Object* obj = nullptr;
    uint32_t refs = 0;
};

// The header every heap value starts with: 32 bytes with the vtable pointer, since a large
// script holds one per object (a 100,000-row seed holds 100,000 mapped objects). What few
// objects need lives elsewhere: the cycle collector's bookkeeping in its table of tracked
// objects (gc.cpp), weak cells in a side table.
struct Object {
    uint32_t refcnt = 0;
    // 1 + this object's index in the collector's table of tracked objects; 0 when untracked.
    uint32_t gc_slot : 31 = 0;
    // A WeakCell for this object is in the weak-cell table.
    uint32_t has_weak_cell : 1 = 0;
    Type* type;
    Object* attrs = nullptr; // instance __dict__ (a Dict), created lazily

    explicit Object(Type* t);
    Object(const Object&) = delete;
    Object& operator=(const Object&) = delete;
    virtual ~Object();

    // Reports every Object this one references (cycle collection).
    virtual void traverse(Visitor& v);
    // Drops the references to other objects, to break a garbage cycle.
    virtual void clear_refs();

    void incref() { ++refcnt; }
    void decref() {
        if (--refcnt == 0) object_release(this);
    }
    void make_immortal() { refcnt = kImmortalRefs; }
    void track(); // registers with the cycle collector (containers call this)
    bool tracked() const { return gc_slot != 0; }
    void untrack(); // the destructor's, out of line (gc.cpp)
};

class Visitor {
public:
    virtual void visit(Object* o) = 0;

protected:
    ~Visitor() = default;
};

class Value {
public:
    enum class Tag : uint8_t { Empty, None, Bool, Int, Float, Obj };

    Value() : tag_(Tag::Empty) { u_.i = 0; }
    Value(Object* o) : tag_(o ? Tag::Obj : Tag::Empty) { // NOLINT: implicit by design
        u_.o = o;
        if (o) o->incref();
    }
    Value(const Value& v) : tag_(v.tag_), u_(v.u_) {
        if (tag_ == Tag::Obj) u_.o->incref();
    }
    Value(Value&& v) noexcept : tag_(v.tag_), u_(v.u_) { v.tag_ = Tag::Empty; }
    Value& operator=(const Value& v) {
        if (v.tag_ == Tag::Obj) v.u_.o->incref();
        Value old(std::move(*this));
        tag_ = v.tag_;
        u_ = v.u_;
        return *this;
    }
    Value& operator=(Value&& v) noexcept {
        if (this != &v) {
            Value old(std::move(*this));
            tag_ = v.tag_;
            u_ = v.u_;
            v.tag_ = Tag::Empty;
        }
        return *this;
    }
    ~Value() {
        if (tag_ == Tag::Obj) u_.o->decref();
    }

    static Value none() {
        Value v;
        v.tag_ = Tag::None;
        return v;
    }
    static Value boolean(bool b) {
        Value v;
        v.tag_ = Tag::Bool;
        v.u_.b = b;
        return v;
    }
    static Value integer(int64_t i) {
        Value v;
        v.tag_ = Tag::Int;
        v.u_.i = i;
        return v;
    }
    static Value flt(double d) {
        Value v;
        v.tag_ = Tag::Float;
        v.u_.f = d;
        return v;
    }
    // Wraps a freshly allocated object (objects start with no references).
    static Value steal(Object* o) { return Value(o); }

    Tag tag() const { return tag_; }
    bool empty() const { return tag_ == Tag::Empty; }
    bool is_none() const { return tag_ == Tag::None; }
    bool is_bool() const { return tag_ == Tag::Bool; }
    bool is_int() const { return tag_ == Tag::Int; }
    bool is_float() const { return tag_ == Tag::Float; }
    bool is_obj() const { return tag_ == Tag::Obj; }
    bool as_bool() const { return u_.b; }
    int64_t as_int() const { return u_.i; }
    double as_float() const { return u_.f; }
    Object* obj() const { return u_.o; }
    Object* obj_or_null() const { return tag_ == Tag::Obj ? u_.o : nullptr; }
    Type* type() const;

    template <class T> T* as() const { return static_cast<T*>(u_.o); }
    // Identity (Python `is`).
    bool is(const Value& o) const {
        if (tag_ != o.tag_) return false;
        switch (tag_) {
        case Tag::Empty:
        case Tag::None:
            return true;
        case Tag::Bool:
            return u_.b == o.u_.b;
        case Tag::Int:
            return u_.i == o.u_.i;
        case Tag::Float:
            return u_.f == o.u_.f;
        case Tag::Obj:
            return u_.o == o.u_.o;
        }
        return false;
    }
    uintptr_t identity() const;

private:
    Tag tag_;
    union {
        bool b;
        int64_t i;
        double f;
        Object* o;
    } u_;
};

// A strong typed reference to an Object subclass.
template <class T> class Ref {
public:
    Ref() = default;
    Ref(T* p) : p_(p) { // NOLINT
        if (p_) p_->incref();
    }
    Ref(const Ref& r) : p_(r.p_) {
        if (p_) p_->incref();
    }
    Ref(Ref&& r) noexcept : p_(r.p_) { r.p_ = nullptr; }
    Ref& operator=(Ref r) noexcept {
        std::swap(p_, r.p_);
        return *this;
    }
    ~Ref() {
        if (p_) p_->decref();
    }
    T* get() const { return p_; }
    T* operator->() const { return p_; }
    T& operator*() const { return *p_; }
    explicit operator bool() const { return p_ != nullptr; }
    operator Value() const { return Value(static_cast<Object*>(p_)); } // NOLINT
    void reset() { *this = Ref(); }

private:
    T* p_ = nullptr;
};

template <class T, class... A> Ref<T> make(A&&... a) {
    return Ref<T>(new T(std::forward<A>(a)...));
}

// A weak reference usable from native code: get() is null once the object was freed.
class WeakHandle {
public:
    WeakHandle() = default;
    explicit WeakHandle(Object* o);
    WeakHandle(const WeakHandle& w);
    WeakHandle& operator=(const WeakHandle& w);
    ~WeakHandle();
    Object* get() const { return cell_ ? cell_->obj : nullptr; }
    Value lock() const { return Value(get()); }

private:
    WeakCell* cell_ = nullptr;
};

// Cycle collector entry points (see gc.cpp).
namespace gc {
size_t collect();
void maybe_collect();
size_t tracked_count();
extern size_t allocations_since_collect;
} // namespace gc

} // namespace ormsh::lang
