// Object model basics: object headers, the containers' traversal for the cycle collector,
// string interning, the hash table behind dict, CPython's set probing, and type MRO lookup
// with a global method cache.
#include "repl/lang/interpreter.h"
#include "repl/lang/text/bigint.h"
#include "repl/lang/text/utf8.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>

namespace ormsh::lang {

// ---- Object headers ----

namespace {

// The weak cells of the objects that have one (few do: weak handles are a native-code tool).
std::unordered_map<const Object*, WeakCell*>& weak_cells() {
    static auto* cells = new std::unordered_map<const Object*, WeakCell*>();
    return *cells;
}

// The object is dying: its weak handles see null from now on. Out of line, as untrack(): the
// destructor of every object stays short enough to be inlined.
[[gnu::noinline]] void detach_weak_cell(Object* o) {
    auto it = weak_cells().find(o);
    WeakCell* cell = it->second;
    weak_cells().erase(it);
    cell->obj = nullptr;
    if (cell->refs == 0) delete cell;
}

} // namespace

Object::Object(Type* t) : type(t) {
    if (t) t->incref();
}

Object::~Object() {
    if (gc_slot || has_weak_cell) [[unlikely]] {
        if (gc_slot) untrack();
        if (has_weak_cell) detach_weak_cell(this);
    }
    if (attrs) attrs->decref();
    if (type) type->decref();
}

void Object::traverse(Visitor& v) {
    if (attrs) v.visit(attrs);
    if (type && type->heap) v.visit(type);
}

void Object::clear_refs() {
    if (attrs) {
        Object* a = attrs;
        attrs = nullptr;
        a->decref();
    }
}

void object_release(Object* o) {
    delete o;
}

uintptr_t Value::identity() const {
    switch (tag_) {
    case Tag::Obj:
        return reinterpret_cast<uintptr_t>(u_.o);
    case Tag::Int:
        return static_cast<uintptr_t>(u_.i) * 32 + 1;
    case Tag::Float:
        return static_cast<uintptr_t>(u_.i) | 3;
    case Tag::Bool:
        return u_.b ? 0x1001 : 0x1002;
    default:
        return 0x1000;
    }
}

WeakHandle::WeakHandle(Object* o) {
    if (!o) return;
    WeakCell*& cell = weak_cells()[o];
    if (!cell) {
        cell = new WeakCell;
        cell->obj = o;
        o->has_weak_cell = 1;
    }
    cell_ = cell;
    ++cell_->refs;
}
WeakHandle::WeakHandle(const WeakHandle& w) : cell_(w.cell_) {
    if (cell_) ++cell_->refs;
}
WeakHandle& WeakHandle::operator=(const WeakHandle& w) {
    WeakHandle tmp(w);
    std::swap(cell_, tmp.cell_);
    return *this;
}
WeakHandle::~WeakHandle() {
    if (cell_ && --cell_->refs == 0 && cell_->obj == nullptr) delete cell_;
}

// ---- Strings ----

Str::Str(size_t size) : Object(Types::str) {
    chars()[size] = '\0';
    s = StrText(chars(), size);
}

Str* Str::alloc(size_t size) {
    void* mem = ::operator new(sizeof(Str) + size + 1);
    return new (mem) Str(size);
}

void Str::finish() {
    ascii = text::is_ascii(s);
    cp_len = ascii ? static_cast<int64_t>(s.size()) : static_cast<int64_t>(text::utf8_length(s));
}

Str* Str::create(std::string_view text, Type* type) {
    Str* str = alloc(text.size());
    if (!text.empty()) std::memcpy(str->chars(), text.data(), text.size());
    str->finish();
    if (type && type != Types::str) {
        str->type->decref();
        str->type = type;
        type->incref();
    }
    return str;
}

Str* Str::create_ascii(std::string_view text) {
    Str* str = alloc(text.size());
    if (!text.empty()) std::memcpy(str->chars(), text.data(), text.size());
    str->finish_ascii();
    return str;
}

Value new_str(std::string_view s) {
    if (s.size() <= 1) return Value(intern(s));
    return Value::steal(Str::create(s));
}

Value new_ascii_str(std::string_view s) {
    if (s.size() <= 1) return Value(intern(s));
    return Value::steal(Str::create_ascii(s));
}

Value new_substr(const Str* whole, std::string_view piece) {
    if (piece.size() == whole->s.size() && whole->type == Types::str)
        return Value(const_cast<Str*>(whole));
    return whole->ascii ? new_ascii_str(piece) : new_str(piece);
}

namespace {

// The interned strings, by open addressing: the parser interns every name it reads and native
// code interns attribute names as it runs, so a lookup is worth keeping short (a hash over
// eight bytes at a time, then mostly one slot).
class InternTable {
public:
    Str* intern(std::string_view s) {
        uint64_t h = hash(s);
        for (size_t i = h & mask_;; i = (i + 1) & mask_) {
            Slot& slot = slots_[i];
            if (!slot.str) return add(slot, h, s);
            if (slot.hash == h && slot.str->s == s) return slot.str;
        }
    }

private:
    struct Slot {
        uint64_t hash = 0;
        Str* str = nullptr;
    };
    static constexpr size_t kInitialSlots = 4096; // the builtins and a few modules' names

    static uint64_t hash(std::string_view s) {
        uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
        const char* p = s.data();
        size_t n = s.size();
        for (; n >= 8; p += 8, n -= 8) {
            uint64_t w;
            std::memcpy(&w, p, 8);
            h = (h ^ w) * 0xFF51AFD7ED558CCDull;
            h ^= h >> 32;
        }
        uint64_t tail = 0;
        for (size_t i = 0; i < n; ++i)
            tail |= static_cast<uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
        h = (h ^ tail) * 0xC4CEB9FE1A85EC53ull;
        return h ^ (h >> 29);
    }

    Str* add(Slot& slot, uint64_t h, std::string_view s) {
        Str* str = Str::create(s);
        str->make_immortal();
        str->interned = true;
        slot = {h, str};
        if (++count_ * 2 > slots_.size()) grow();
        return str;
    }

    void grow() {
        std::vector<Slot> old = std::move(slots_);
        slots_.assign(old.size() * 2, Slot{});
        mask_ = slots_.size() - 1;
        for (const Slot& o : old) {
            if (!o.str) continue;
            size_t i = o.hash & mask_;
            while (slots_[i].str)
                i = (i + 1) & mask_;
            slots_[i] = o;
        }
    }

    std::vector<Slot> slots_ = std::vector<Slot>(kInitialSlots);
    size_t mask_ = kInitialSlots - 1;
    size_t count_ = 0;
};

} // namespace

Str* intern(std::string_view s) {
    static auto* table = new InternTable();
    return table->intern(s);
}

Bytes::Bytes(std::string v) : Object(Types::bytes), s(std::move(v)) {}

// ---- Containers ----

Tuple::Tuple(size_t n) : Object(Types::tuple) {
    items.data_ = reinterpret_cast<Value*>(this + 1);
    items.size_ = n;
    for (size_t i = 0; i < n; ++i)
        new (&items.data_[i]) Value();
    track();
}
Tuple::~Tuple() {
    for (size_t i = 0; i < items.size_; ++i)
        items.data_[i].~Value();
}
Tuple* Tuple::alloc(size_t n) {
    void* mem = ::operator new(sizeof(Tuple) + n * sizeof(Value));
    return new (mem) Tuple(n);
}
Tuple* Tuple::create(std::span<const Value> v) {
    Tuple* t = alloc(v.size());
    for (size_t i = 0; i < v.size(); ++i)
        t->items.data_[i] = v[i];
    return t;
}
Tuple* Tuple::create(std::vector<Value>&& v) {
    Tuple* t = alloc(v.size());
    for (size_t i = 0; i < v.size(); ++i)
        t->items.data_[i] = std::move(v[i]);
    return t;
}
void Tuple::traverse(Visitor& v) {
    Object::traverse(v);
    for (auto& x : items)
        if (x.is_obj()) v.visit(x.obj());
}
void Tuple::clear_refs() {
    Object::clear_refs();
    // Drop the items only after the tuple looks empty: their destructors may run Python code.
    std::vector<Value> dropped;
    dropped.reserve(items.size_);
    for (size_t i = 0; i < items.size_; ++i)
        dropped.push_back(std::move(items.data_[i]));
    items.size_ = 0;
}
Value new_tuple(std::vector<Value>&& v) {
    return Value::steal(Tuple::create(std::move(v)));
}
Value new_tuple(std::span<const Value> v) {
    return Value::steal(Tuple::create(v));
}
Value new_tuple(std::initializer_list<Value> v) {
    return Value::steal(Tuple::create(v));
}

List::List() : Object(Types::list) {
    track();
}
List::List(std::vector<Value> v) : Object(Types::list), items(std::move(v)) {
    track();
}
void List::traverse(Visitor& v) {
    Object::traverse(v);
    for (auto& x : items)
        if (x.is_obj()) v.visit(x.obj());
}
void List::clear_refs() {
    Object::clear_refs();
    auto tmp = std::move(items);
    items.clear();
}
Value new_list(std::vector<Value> v) {
    return Value::steal(new List(std::move(v)));
}

Cell::Cell() : Object(Types::cell) {
    track();
}
void Cell::traverse(Visitor& v) {
    if (value.is_obj()) v.visit(value.obj());
}
void Cell::clear_refs() {
    Value tmp = std::move(value);
}

Module::Module(std::string n) : Object(Types::module), name(std::move(n)) {
    dict = make<Dict>();
    track();
}
void Module::traverse(Visitor& v) {
    Object::traverse(v);
    v.visit(dict.get());
}
void Module::clear_refs() {} // module dicts are cleared at interpreter shutdown only

Function::Function() : Object(Types::function) {
    track();
}
void Function::traverse(Visitor& v) {
    Object::traverse(v);
    if (module) v.visit(module.get());
    for (auto& d : defaults)
        if (d.is_obj()) v.visit(d.obj());
    if (kwdefaults) v.visit(kwdefaults.get());
    for (auto& c : closure)
        v.visit(c.get());
}
void Function::clear_refs() {
    Object::clear_refs();
    auto d = std::move(defaults);
    defaults.clear();
    kwdefaults.reset();
    auto c = std::move(closure);
    closure.clear();
}

NativeFunction::NativeFunction() : Object(Types::builtin_function) {
    track();
}
void NativeFunction::traverse(Visitor& v) {
    if (self.is_obj()) v.visit(self.obj());
}
void NativeFunction::clear_refs() {
    Value tmp = std::move(self);
}

BoundMethod::BoundMethod(Value s, Value f)
    : Object(Types::method), self(std::move(s)), func(std::move(f)) {
    track();
}
void BoundMethod::traverse(Visitor& v) {
    if (self.is_obj()) v.visit(self.obj());
    if (func.is_obj()) v.visit(func.obj());
}
void BoundMethod::clear_refs() {
    Value a = std::move(self);
    Value b = std::move(func);
}

Property::Property() : Object(Types::property) {
    track();
}
void Property::traverse(Visitor& v) {
    Object::traverse(v);
    for (Value* x : {&fget, &fset, &fdel, &doc})
        if (x->is_obj()) v.visit(x->obj());
}
void Property::clear_refs() {
    Object::clear_refs();
    Value a = std::move(fget), b = std::move(fset), c = std::move(fdel), d = std::move(doc);
}

WrapperDescr::WrapperDescr(Type* t) : Object(t) {
    track();
}
void WrapperDescr::traverse(Visitor& v) {
    Object::traverse(v);
    if (func.is_obj()) v.visit(func.obj());
}
void WrapperDescr::clear_refs() {
    Object::clear_refs();
    Value a = std::move(func);
}

NativeProperty::NativeProperty() : Object(Types::native_property) {}

Super::Super() : Object(Types::super) {
    track();
}
void Super::traverse(Visitor& v) {
    if (self.is_obj()) v.visit(self.obj());
}
void Super::clear_refs() {
    Value a = std::move(self);
}

Range::Range(int64_t a, int64_t b, int64_t c) : Object(Types::range), start(a), stop(b), step(c) {}
int64_t Range::length() const {
    if (step > 0 && start < stop) return (stop - start - 1) / step + 1;
    if (step < 0 && start > stop) return (start - stop - 1) / (-step) + 1;
    return 0;
}

Slice::Slice(Value a, Value b, Value c)
    : Object(Types::slice), start(std::move(a)), stop(std::move(b)), step(std::move(c)) {}
void Slice::traverse(Visitor& v) {
    for (Value* x : {&start, &stop, &step})
        if (x->is_obj()) v.visit(x->obj());
}
void Slice::clear_refs() {
    Value a = std::move(start), b = std::move(stop), c = std::move(step);
}

Iterator::Iterator(Type* t) : Object(t) {
    track();
}

ExceptionObj::ExceptionObj(Type* t) : Object(t) {
    args = Tuple::alloc(0);
    track();
}
void ExceptionObj::traverse(Visitor& v) {
    Object::traverse(v);
    if (args) v.visit(args.get());
    if (cause.is_obj()) v.visit(cause.obj());
    if (context.is_obj()) v.visit(context.obj());
}
void ExceptionObj::clear_refs() {
    Object::clear_refs();
    args.reset();
    Value a = std::move(cause), b = std::move(context);
}

DictView::DictView(Dict* d, Kind k)
    : Object(k == Keys     ? Types::dict_keys
             : k == Values ? Types::dict_values
                           : Types::dict_items),
      kind(k), dict(d) {
    track();
}
void DictView::traverse(Visitor& v) {
    v.visit(dict.get());
}
void DictView::clear_refs() {
    dict.reset();
}

// ---- Dict ----

namespace {
inline int64_t str_hash(const Str* s) {
    if (s->hash == -1) {
        uint64_t h = 1469598103934665603ULL;
        for (unsigned char c : s->s) {
            h ^= c;
            h *= 1099511628211ULL;
        }
        int64_t r = static_cast<int64_t>(h >> 1);
        s->hash = r == -1 ? -2 : r;
    }
    return s->hash;
}
inline bool str_eq(const Str* a, const Str* b) {
    if (a == b) return true;
    if (a->interned && b->interned) return false;
    return a->s == b->s;
}
} // namespace

int64_t hash_str(const Str* s) {
    return str_hash(s);
}

uint64_t g_dict_layouts = 0;

Dict::Dict() : Object(Types::dict) {
    track();
}

void Dict::traverse(Visitor& v) {
    Object::traverse(v);
    for (auto& e : entries) {
        if (e.key.is_obj()) v.visit(e.key.obj());
        if (e.value.is_obj()) v.visit(e.value.obj());
    }
}

void Dict::clear_refs() {
    Object::clear_refs();
    keys_version = ++g_dict_layouts;
    auto tmp = std::move(entries);
    entries.clear();
    index.clear();
    used = 0;
}

void Dict::clear() {
    keys_version = ++g_dict_layouts;
    auto tmp = std::move(entries);
    entries.clear();
    index.clear();
    used = 0;
}

void Dict::rebuild(size_t min_size) {
    keys_version = ++g_dict_layouts;
    size_t n = 8;
    while (n < min_size * 3 / 2 + 1)
        n <<= 1;
    if (used != entries.size()) {
        std::vector<Entry> live;
        live.reserve(used);
        for (auto& e : entries)
            if (!e.key.empty()) live.push_back(std::move(e));
        entries = std::move(live);
    }
    index.assign(n, -1);
    size_t mask = n - 1;
    for (size_t k = 0; k < entries.size(); ++k) {
        uint64_t perturb = static_cast<uint64_t>(entries[k].hash);
        size_t i = static_cast<size_t>(perturb) & mask;
        while (index[i] != -1) {
            perturb >>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
        index[i] = static_cast<int32_t>(k);
    }
}

int64_t Dict::find(Interpreter& in, const Value& key, int64_t hash) const {
    if (index.empty()) return -1;
    size_t mask = index.size() - 1;
    uint64_t perturb = static_cast<uint64_t>(hash);
    size_t i = static_cast<size_t>(perturb) & mask;
    for (;;) {
        int32_t ix = index[i];
        if (ix == -1) return -1;
        if (ix >= 0) {
            const Entry& e = entries[static_cast<size_t>(ix)];
            if (e.hash == hash) {
                if (e.key.is(key)) return ix;
                if (is_str(e.key) && is_str(key)) {
                    if (str_eq(as_str(e.key), as_str(key))) return ix;
                } else if (in.eq(e.key, key)) {
                    return ix;
                }
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

void Dict::insert_new(int64_t hash, Value key, Value value) {
    keys_version = ++g_dict_layouts;
    if ((entries.size() + 1) * 3 >= index.size() * 2) rebuild(used + 1);
    size_t mask = index.size() - 1;
    uint64_t perturb = static_cast<uint64_t>(hash);
    size_t i = static_cast<size_t>(perturb) & mask;
    while (index[i] >= 0) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    index[i] = static_cast<int32_t>(entries.size());
    entries.push_back({hash, std::move(key), std::move(value)});
    ++used;
}

Value Dict::get(Interpreter& in, const Value& key) const {
    int64_t ix = find(in, key, in.hash(key));
    return ix < 0 ? Value() : entries[static_cast<size_t>(ix)].value;
}

void Dict::set(Interpreter& in, const Value& key, Value value) {
    int64_t h = in.hash(key);
    int64_t ix = find(in, key, h);
    if (ix >= 0) {
        entries[static_cast<size_t>(ix)].value = std::move(value);
        return;
    }
    insert_new(h, key, std::move(value));
}

bool Dict::remove(Interpreter& in, const Value& key, Value* out) {
    int64_t h = in.hash(key);
    int64_t ix = find(in, key, h);
    if (ix < 0) return false;
    keys_version = ++g_dict_layouts;
    // Mark the index slot deleted.
    size_t mask = index.size() - 1;
    uint64_t perturb = static_cast<uint64_t>(h);
    size_t i = static_cast<size_t>(perturb) & mask;
    while (index[i] != ix) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    index[i] = -2;
    Entry& e = entries[static_cast<size_t>(ix)];
    if (out) *out = std::move(e.value);
    Value k = std::move(e.key);
    Value v = std::move(e.value);
    e.key = Value();
    --used;
    if (used == 0) {
        entries.clear();
        index.clear();
    }
    return true;
}

const Value* Dict::find_str_probing(Str* key) const {
    if (index.empty()) return nullptr;
    int64_t hash = str_hash(key);
    size_t mask = index.size() - 1;
    uint64_t perturb = static_cast<uint64_t>(hash);
    size_t i = static_cast<size_t>(perturb) & mask;
    for (;;) {
        int32_t ix = index[i];
        if (ix == -1) return nullptr;
        if (ix >= 0) {
            const Entry& e = entries[static_cast<size_t>(ix)];
            // Interned names make identity the common hit; equal text is the rest.
            if (e.hash == hash && ((e.key.is_obj() && e.key.obj() == key) ||
                                   (is_str(e.key) && str_eq(as_str(e.key), key))))
                return &e.value;
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

Value Dict::get_str(std::string_view key) const {
    return get_str(intern(key));
}

void Dict::set_str(Str* key, Value value) {
    if (const Value* v = find_str(key)) {
        const_cast<Value&>(*v) = std::move(value);
        return;
    }
    insert_new(str_hash(key), Value(key), std::move(value));
}

void Dict::set_str(std::string_view key, Value value) {
    set_str(intern(key), std::move(value));
}

bool Dict::remove_str(Str* key) {
    return remove(Interpreter::current(), Value(key));
}

// ---- Set (CPython's open addressing so iteration order matches) ----

namespace {
constexpr size_t kLinearProbes = 9;
constexpr size_t kSetMinSize = 8;
} // namespace

Set::Set(bool frozen_set) : Object(frozen_set ? Types::frozenset : Types::set), frozen(frozen_set) {
    table.resize(kSetMinSize);
    track();
}

void Set::traverse(Visitor& v) {
    Object::traverse(v);
    for (auto& s : table)
        if (s.key.is_obj()) v.visit(s.key.obj());
}

void Set::clear_refs() {
    Object::clear_refs();
    clear();
}

void Set::clear() {
    auto tmp = std::move(table);
    table.clear();
    table.resize(kSetMinSize);
    used = fill = 0;
}

int64_t Set::find_slot(Interpreter& in, const Value& key, int64_t hash) const {
    size_t mask = table.size() - 1;
    size_t i = static_cast<size_t>(hash) & mask;
    uint64_t perturb = static_cast<uint64_t>(hash);
    int64_t freeslot = -1;
    for (;;) {
        size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
        size_t j = i;
        for (;;) {
            const Slot& e = table[j];
            if (e.key.empty() && !e.dummy)
                return freeslot >= 0 ? ~freeslot : ~static_cast<int64_t>(j);
            if (e.dummy) {
                if (freeslot < 0) freeslot = static_cast<int64_t>(j);
            } else if (e.hash == hash && (e.key.is(key) || in.eq(e.key, key))) {
                return static_cast<int64_t>(j);
            }
            if (probes == 0) break;
            --probes;
            ++j;
        }
        perturb >>= 5;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

void Set::resize(size_t minused) {
    size_t newsize = kSetMinSize;
    while (newsize <= minused)
        newsize <<= 1;
    std::vector<Slot> old = std::move(table);
    table.clear();
    table.resize(newsize);
    size_t mask = newsize - 1;
    fill = used;
    for (auto& s : old) {
        if (s.key.empty() || s.dummy) continue;
        size_t i = static_cast<size_t>(s.hash) & mask;
        uint64_t perturb = static_cast<uint64_t>(s.hash);
        for (;;) {
            if (table[i].key.empty()) goto found;
            if (i + kLinearProbes <= mask) {
                bool ok = false;
                for (size_t k = 0; k < kLinearProbes; ++k) {
                    ++i;
                    if (table[i].key.empty()) {
                        ok = true;
                        break;
                    }
                }
                if (ok) goto found;
            }
            perturb >>= 5;
            i = (i * 5 + 1 + perturb) & mask;
        }
    found:
        table[i].key = std::move(s.key);
        table[i].hash = s.hash;
    }
}

bool Set::add(Interpreter& in, const Value& key) {
    int64_t h = in.hash(key);
    int64_t r = find_slot(in, key, h);
    if (r >= 0) return false;
    size_t j = static_cast<size_t>(~r);
    Slot& e = table[j];
    if (e.dummy) {
        e.dummy = false;
        e.key = key;
        e.hash = h;
        ++used;
        return true;
    }
    e.key = key;
    e.hash = h;
    ++fill;
    ++used;
    if (fill * 5 >= (table.size() - 1) * 3) resize(used > 50000 ? used * 2 : used * 4);
    return true;
}

bool Set::contains(Interpreter& in, const Value& key) const {
    return find_slot(in, key, in.hash(key)) >= 0;
}

bool Set::discard(Interpreter& in, const Value& key) {
    int64_t r = find_slot(in, key, in.hash(key));
    if (r < 0) return false;
    Slot& e = table[static_cast<size_t>(r)];
    Value k = std::move(e.key);
    e.key = Value();
    e.dummy = true;
    --used;
    return true;
}

// ---- Types ----

namespace {
struct CacheEntry {
    const Type* type = nullptr;
    const Str* name = nullptr;
    uint64_t epoch = 0;
    Value value;
};
constexpr size_t kCacheSize = 4096;
CacheEntry* g_cache = new CacheEntry[kCacheSize];
} // namespace

uint64_t g_type_epoch = 1;

void type_modified() {
    ++g_type_epoch;
}

Type::Type(std::string n) : Object(Types::type), name(std::move(n)) {
    // A new class may reuse a freed one's address: caches keyed by type pointer must miss.
    type_modified();
    dict = make<Dict>();
    track();
}

void Type::traverse(Visitor& v) {
    Object::traverse(v);
    if (dict) v.visit(dict.get());
    for (auto& b : bases)
        v.visit(b.get());
}

void Type::clear_refs() {
    Object::clear_refs();
    if (dict) dict->clear();
    bases.clear();
    mro.clear();
    type_modified();
}

Value Type::lookup(Str* n) const {
    size_t h = (reinterpret_cast<uintptr_t>(this) >> 4 ^ reinterpret_cast<uintptr_t>(n) >> 3) &
               (kCacheSize - 1);
    CacheEntry& ce = g_cache[h];
    if (ce.type == this && ce.name == n && ce.epoch == g_type_epoch) return ce.value;
    Value found;
    for (const Type* t : mro) {
        Value v = t->dict->get_str(n);
        if (!v.empty()) {
            found = std::move(v);
            break;
        }
    }
    if (n->interned) {
        ce.type = this;
        ce.name = n;
        ce.epoch = g_type_epoch;
        ce.value = found;
    }
    return found;
}

Value Type::lookup(std::string_view n) const {
    return lookup(intern(n));
}

bool Type::is_subtype(const Type* other) const {
    if (this == other) return true;
    for (const Type* t : mro)
        if (t == other) return true;
    return false;
}

void Type::set_attr(std::string_view n, Value v) {
    dict->set_str(intern(n), std::move(v));
    type_modified();
}

void Type::compute_mro(Interpreter& in) {
    // One base (nearly every class): C3 gives this class, then the base's MRO.
    if (bases.size() == 1) {
        std::vector<Type*> result;
        result.reserve(bases[0]->mro.size() + 1);
        result.push_back(this);
        result.insert(result.end(), bases[0]->mro.begin(), bases[0]->mro.end());
        mro = std::move(result);
        return;
    }
    // C3 linearisation.
    std::vector<std::vector<Type*>> seqs;
    for (auto& b : bases)
        seqs.push_back(b->mro);
    std::vector<Type*> bl;
    for (auto& b : bases)
        bl.push_back(b.get());
    seqs.push_back(bl);
    std::vector<Type*> result{this};
    for (;;) {
        seqs.erase(std::remove_if(seqs.begin(), seqs.end(), [](auto& s) { return s.empty(); }),
                   seqs.end());
        if (seqs.empty()) break;
        Type* cand = nullptr;
        for (auto& s : seqs) {
            Type* c = s[0];
            bool in_tail = false;
            for (auto& s2 : seqs)
                if (std::find(s2.begin() + 1, s2.end(), c) != s2.end()) in_tail = true;
            if (!in_tail) {
                cand = c;
                break;
            }
        }
        if (!cand) {
            std::string names;
            for (auto& b : bases)
                names += (names.empty() ? "" : ", ") + b->name;
            in.raise("TypeError",
                     "Cannot create a consistent method resolution\norder (MRO) for bases " +
                         names);
        }
        result.push_back(cand);
        for (auto& s : seqs)
            if (s[0] == cand) s.erase(s.begin());
    }
    mro = std::move(result);
}

} // namespace ormsh::lang
