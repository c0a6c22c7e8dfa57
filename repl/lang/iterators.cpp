// Native iterator implementations.
#include "repl/lang/iterators.h"

#include "repl/lang/text/utf8.h"

namespace ormsh::lang {

SeqIter::SeqIter(Value s, bool rev)
    : Iterator(rev ? builtin_type("reversed") : Types::iterator), seq(std::move(s)), reverse(rev) {
    if (reverse) {
        std::span<const Value> items = has_layout(seq, Layout::List)
                                           ? std::span<const Value>(seq.as<List>()->items)
                                           : std::span<const Value>(seq.as<Tuple>()->items);
        i = items.size();
    }
}
bool SeqIter::next(Interpreter&, Value& out) {
    if (seq.empty()) return false;
    std::span<const Value> items = has_layout(seq, Layout::List)
                                       ? std::span<const Value>(seq.as<List>()->items)
                                       : std::span<const Value>(seq.as<Tuple>()->items);
    if (reverse) {
        if (i == 0 || i > items.size()) {
            seq = Value();
            return false;
        }
        out = items[--i];
        return true;
    }
    if (i >= items.size()) {
        seq = Value();
        return false;
    }
    out = items[i++];
    return true;
}
void SeqIter::traverse(Visitor& v) {
    if (seq.is_obj()) v.visit(seq.obj());
}
void SeqIter::clear_refs() {
    Value tmp = std::move(seq);
}

StrIter::StrIter(Value str) : Iterator(Types::iterator), s(std::move(str)) {}
bool StrIter::next(Interpreter&, Value& out) {
    const StrText& t = as_str(s)->s;
    if (pos >= t.size()) return false;
    size_t start = pos;
    text::utf8_decode(t, pos);
    out = Value(intern(std::string_view(t).substr(start, pos - start)));
    return true;
}

RangeIter::RangeIter(int64_t start, int64_t st, int64_t n)
    : Iterator(Types::iterator), cur(start), step(st), left(n) {}
bool RangeIter::next(Interpreter&, Value& out) {
    if (left <= 0) return false;
    out = Value::integer(cur);
    cur += step;
    --left;
    return true;
}

DictIter::DictIter(Dict* d, int k)
    : Iterator(Types::iterator), dict(d), expected_used(d->used), kind(k) {}
bool DictIter::next(Interpreter& in, Value& out) {
    if (!dict) return false;
    if (dict->used != expected_used) {
        expected_used = dict->used;
        in.raise("RuntimeError", "dictionary changed size during iteration");
    }
    while (i < dict->entries.size() && dict->entries[i].key.empty())
        ++i;
    if (i >= dict->entries.size()) {
        dict.reset();
        return false;
    }
    auto& e = dict->entries[i++];
    if (kind == 0)
        out = e.key;
    else if (kind == 1)
        out = e.value;
    else
        out = new_tuple({e.key, e.value});
    return true;
}
void DictIter::traverse(Visitor& v) {
    if (dict) v.visit(dict.get());
}
void DictIter::clear_refs() {
    dict.reset();
}

SetIter::SetIter(Set* s) : Iterator(Types::iterator), set(s) {}
bool SetIter::next(Interpreter&, Value& out) {
    if (!set) return false;
    while (i < set->table.size() && (set->table[i].key.empty() || set->table[i].dummy))
        ++i;
    if (i >= set->table.size()) {
        set.reset();
        return false;
    }
    out = set->table[i++].key;
    return true;
}
void SetIter::traverse(Visitor& v) {
    if (set) v.visit(set.get());
}
void SetIter::clear_refs() {
    set.reset();
}

FuncIter::FuncIter(Type* t) : Iterator(t) {}
bool FuncIter::next(Interpreter& in, Value& out) {
    if (!step) return false;
    if (!step(in, *this, out)) {
        step = nullptr;
        refs.clear();
        return false;
    }
    return true;
}
void FuncIter::traverse(Visitor& v) {
    for (auto& r : refs)
        if (r.is_obj()) v.visit(r.obj());
}
void FuncIter::clear_refs() {
    auto tmp = std::move(refs);
    refs.clear();
}

Value make_func_iter(Type* t, std::vector<Value> refs,
                     std::function<bool(Interpreter&, FuncIter&, Value&)> step) {
    FuncIter* it = new FuncIter(t);
    it->refs = std::move(refs);
    it->step = std::move(step);
    return Value::steal(it);
}

} // namespace ormsh::lang
