// list.sort() and sorted(): a stable natural merge sort in the manner of Python's timsort
// (runs already present in the data are found and kept, short ones extended by binary
// insertion, neighbouring runs merged), with the comparison chosen once for the whole list when
// every key is an int, a float, a str, or a tuple led by an int or a str.
#include "repl/lang/interpreter.h"
#include "repl/lang/numbers.h"

#include <algorithm>
#include <cstdint>

namespace ormsh::lang {
namespace {

// Runs shorter than this are extended by insertion before merging, as timsort's minrun.
constexpr std::size_t kMinRun = 32;
// After this many elements in a row from one run, the merge gallops through that run.
constexpr std::size_t kMinGallop = 7;

// A key and the position of its item: the items themselves are only permuted at the end, so a
// comparison that raises leaves the list as it was. `lead` caches what most comparisons need
// without following the key to its object: the first item of a tuple of ints, or the first
// eight bytes of a string (of a tuple's first string), big-endian, so that unequal leads order
// as the texts do.
struct Entry {
    Value key;
    std::size_t index;
    std::uint64_t lead = 0;
};

std::uint64_t text_prefix(std::string_view s) {
    std::uint64_t prefix = 0;
    for (std::size_t i = 0; i < 8; ++i)
        prefix = prefix << 8 | (i < s.size() ? static_cast<unsigned char>(s[i]) : 0);
    return prefix;
}

template <class Less>
void binary_insertion(std::vector<Entry>& a, std::size_t lo, std::size_t sorted_end, std::size_t hi,
                      Less& less) {
    for (std::size_t i = sorted_end; i < hi; ++i) {
        // After the equal keys already placed, which keeps the sort stable.
        auto pos = std::upper_bound(a.begin() + lo, a.begin() + i, a[i],
                                    [&](const Entry& x, const Entry& y) { return less(x, y); });
        std::rotate(pos, a.begin() + i, a.begin() + i + 1);
    }
}

// The end of the prefix of [first, last) for which keep() holds, found by probing 1, 3, 7, ...
// elements ahead and then bisecting, so that a long stretch taken from one run costs a few
// comparisons instead of one per element (timsort's galloping).
template <class It, class Keep> It gallop(It first, It last, Keep keep) {
    std::size_t n = static_cast<std::size_t>(last - first), low = 0, step = 1;
    while (step <= n && keep(first[step - 1])) {
        low = step;
        step = step * 2 + 1;
    }
    return std::partition_point(first + low, first + std::min(step, n), keep);
}

template <class Less>
void merge_runs(std::vector<Entry>& a, std::size_t lo, std::size_t mid, std::size_t hi,
                std::vector<Entry>& buffer, Less& less) {
    // Already in order (the common case for nearly sorted data): nothing to move.
    if (!less(a[mid], a[mid - 1])) return;
    buffer.assign(std::make_move_iterator(a.begin() + lo),
                  std::make_move_iterator(a.begin() + mid));
    std::size_t i = 0, j = mid, k = lo, left_wins = 0, right_wins = 0;
    while (i < buffer.size() && j < hi) {
        // Taking from the left run on ties keeps equal keys in their original order.
        if (less(a[j], buffer[i])) {
            a[k++] = std::move(a[j++]);
            ++right_wins;
            left_wins = 0;
        } else {
            a[k++] = std::move(buffer[i++]);
            ++left_wins;
            right_wins = 0;
        }
        if (left_wins >= kMinGallop && j < hi) {
            const Entry& pivot = a[j];
            auto end = gallop(buffer.begin() + i, buffer.end(),
                              [&](const Entry& x) { return !less(pivot, x); });
            for (auto it = buffer.begin() + i; it != end; ++it)
                a[k++] = std::move(*it);
            i = static_cast<std::size_t>(end - buffer.begin());
            left_wins = 0;
        } else if (right_wins >= kMinGallop && i < buffer.size()) {
            const Entry& pivot = buffer[i];
            auto end = gallop(a.begin() + j, a.begin() + hi,
                              [&](const Entry& x) { return less(x, pivot); });
            for (auto it = a.begin() + j; it != end; ++it)
                a[k++] = std::move(*it);
            j = static_cast<std::size_t>(end - a.begin());
            right_wins = 0;
        }
    }
    while (i < buffer.size())
        a[k++] = std::move(buffer[i++]);
}

template <class Less> void natural_merge_sort(std::vector<Entry>& a, Less less) {
    std::size_t n = a.size();
    if (n < 2) return;
    // Boundaries of the runs: run r is [bounds[r], bounds[r + 1]).
    std::vector<std::size_t> bounds;
    for (std::size_t start = 0; start < n;) {
        std::size_t end = start + 1;
        if (end < n && less(a[end], a[start])) {
            // Strictly descending, so reversing it cannot reorder equal keys.
            while (end + 1 < n && less(a[end + 1], a[end]))
                ++end;
            ++end;
            std::reverse(a.begin() + start, a.begin() + end);
        } else {
            while (end < n && !less(a[end], a[end - 1]))
                ++end;
        }
        std::size_t wanted = std::min(n, start + kMinRun);
        if (end < wanted) {
            binary_insertion(a, start, end, wanted, less);
            end = wanted;
        }
        bounds.push_back(start);
        start = end;
    }
    bounds.push_back(n);
    std::vector<Entry> buffer;
    while (bounds.size() > 2) {
        std::vector<std::size_t> merged;
        std::size_t runs = bounds.size() - 1, r = 0;
        for (; r + 1 < runs; r += 2) {
            merge_runs(a, bounds[r], bounds[r + 1], bounds[r + 2], buffer, less);
            merged.push_back(bounds[r]);
        }
        if (r < runs) merged.push_back(bounds[r]);
        merged.push_back(n);
        bounds = std::move(merged);
    }
}

enum class KeyKind { Int, Float, Str, TupleOfInt, TupleOfStr, Any };

bool is_plain_tuple(const Value& v) {
    return v.is_obj() && v.obj()->type == Types::tuple && !v.as<Tuple>()->items.empty();
}

KeyKind kind_of_keys(const std::vector<Entry>& entries) {
    bool all_int = true, all_str = true, all_float = true, tuple_int = true, tuple_str = true;
    for (const auto& e : entries) {
        const Value& v = e.key;
        if (!v.is_int()) all_int = false;
        if (!is_str(v)) all_str = false;
        if (!v.is_float() && !v.is_int()) all_float = false;
        bool tuple = is_plain_tuple(v);
        if (!tuple || !v.as<Tuple>()->items[0].is_int()) tuple_int = false;
        if (!tuple || !is_str(v.as<Tuple>()->items[0])) tuple_str = false;
        if (!all_int && !all_str && !all_float && !tuple_int && !tuple_str) return KeyKind::Any;
    }
    if (all_int) return KeyKind::Int;
    if (all_str) return KeyKind::Str;
    if (all_float) return KeyKind::Float;
    return tuple_int ? KeyKind::TupleOfInt : tuple_str ? KeyKind::TupleOfStr : KeyKind::Any;
}

template <class Less> void sort_entries(std::vector<Entry>& entries, bool reverse, Less less) {
    // Swapping the operands keeps equal keys in their original order, as Python's
    // reverse=True does.
    if (reverse)
        natural_merge_sort(entries, [&](const Entry& x, const Entry& y) { return less(y, x); });
    else
        natural_merge_sort(entries, less);
}

const Value& first_item(const Value& tuple) {
    return tuple.as<Tuple>()->items[0];
}

} // namespace

void sort_values(Interpreter& in, std::vector<Value>& items, const Value& key, bool reverse) {
    bool has_key = !key.empty() && !key.is_none();
    std::vector<Entry> entries;
    entries.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i)
        entries.push_back({has_key ? in.call(key, {items[i]}) : items[i], i, 0});

    switch (kind_of_keys(entries)) {
    case KeyKind::Int:
        sort_entries(entries, reverse, [](const Entry& x, const Entry& y) {
            return x.key.as_int() < y.key.as_int();
        });
        break;
    case KeyKind::Str:
        for (auto& e : entries)
            e.lead = text_prefix(as_str(e.key)->s);
        sort_entries(entries, reverse, [](const Entry& x, const Entry& y) {
            if (x.lead != y.lead) return x.lead < y.lead;
            return as_str(x.key)->s < as_str(y.key)->s;
        });
        break;
    case KeyKind::Float:
        sort_entries(entries, reverse, [](const Entry& x, const Entry& y) {
            return *to_double(x.key) < *to_double(y.key);
        });
        break;
    case KeyKind::TupleOfInt:
        // Tuples differing in their first item (most of them) compare without the general path.
        for (auto& e : entries)
            e.lead = static_cast<std::uint64_t>(first_item(e.key).as_int());
        sort_entries(entries, reverse, [&](const Entry& x, const Entry& y) {
            if (x.lead != y.lead)
                return static_cast<std::int64_t>(x.lead) < static_cast<std::int64_t>(y.lead);
            return in.lt(x.key, y.key);
        });
        break;
    case KeyKind::TupleOfStr:
        for (auto& e : entries)
            e.lead = text_prefix(as_str(first_item(e.key))->s);
        sort_entries(entries, reverse, [&](const Entry& x, const Entry& y) {
            if (x.lead != y.lead) return x.lead < y.lead;
            return in.lt(x.key, y.key);
        });
        break;
    case KeyKind::Any:
        sort_entries(entries, reverse,
                     [&](const Entry& x, const Entry& y) { return in.lt(x.key, y.key); });
        break;
    }

    std::vector<Value> out;
    out.reserve(items.size());
    for (const auto& e : entries)
        out.push_back(std::move(items[e.index]));
    items = std::move(out);
}

} // namespace ormsh::lang
