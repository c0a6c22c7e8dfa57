// The `bisect` and `heapq` modules: binary search and insertion on sorted lists, and the binary
// heap with CPython's sift order, so heaps print the same lists. Both work on any list and use
// Python comparisons (and `key=` where CPython takes one).
#include "repl/api/stdlib/module_util.h"
#include "repl/api/stdlib/stdlib_modules.h"

#include <algorithm>

namespace ormsh::api::stdlib {

namespace {

lang::List* list_arg(Interpreter& in, const Value& v, const char* fname) {
    if (!lang::has_layout(v, lang::Layout::List))
        in.raise("TypeError",
                 std::string(fname) + "() argument 1 must be list, not " + in.type_name(v));
    return v.as<lang::List>();
}

// ---- bisect ----

int64_t bisect_impl(Interpreter& in, Args& args, const char* fname, bool right) {
    Value p[5];
    lang::parse_args(in, fname, args, {"a", "x", "lo", "hi", "key"}, 2, p);
    int64_t lo = p[2].empty() ? 0 : in.index_value(p[2]);
    if (lo < 0) in.raise("ValueError", "lo must be non-negative");
    int64_t hi = p[3].empty() || p[3].is_none() ? in.len(p[0]) : in.index_value(p[3]);
    Value key = p[4].empty() || p[4].is_none() ? Value() : p[4];
    const Value& x = p[1];
    while (lo < hi) {
        int64_t mid = (lo + hi) / 2;
        Value item = in.getitem(p[0], Value::integer(mid));
        if (!key.empty()) item = in.call(key, {item});
        bool go_left = right ? in.lt(x, item) : !in.lt(item, x);
        if (go_left)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

Value b_left(Interpreter& in, const Value&, Args& args) {
    return Value::integer(bisect_impl(in, args, "bisect_left", false));
}
Value b_right(Interpreter& in, const Value&, Args& args) {
    return Value::integer(bisect_impl(in, args, "bisect_right", true));
}

Value insort(Interpreter& in, Args& args, const char* fname, bool right) {
    Value p[5];
    lang::parse_args(in, fname, args, {"a", "x", "lo", "hi", "key"}, 2, p);
    // The search compares key(x) with the keys of the items, as CPython's insort does.
    std::vector<Value> pos{p[0], p[4].empty() || p[4].is_none() ? p[1] : in.call(p[4], {p[1]})};
    std::vector<lang::KwArg> kw;
    if (!p[2].empty()) kw.push_back({lang::intern("lo"), p[2]});
    if (!p[3].empty()) kw.push_back({lang::intern("hi"), p[3]});
    if (!p[4].empty()) kw.push_back({lang::intern("key"), p[4]});
    Args search{pos, kw};
    int64_t i = bisect_impl(in, search, fname, right);
    in.call_method(p[0], "insert", {Value::integer(i), p[1]});
    return Value::none();
}

Value i_left(Interpreter& in, const Value&, Args& args) {
    return insort(in, args, "insort_left", false);
}
Value i_right(Interpreter& in, const Value&, Args& args) {
    return insort(in, args, "insort_right", true);
}

// ---- heapq ----

void sift_down(Interpreter& in, std::vector<Value>& heap, size_t start, size_t pos) {
    Value item = heap[pos];
    while (pos > start) {
        size_t parent = (pos - 1) >> 1;
        if (!in.lt(item, heap[parent])) break;
        heap[pos] = heap[parent];
        pos = parent;
    }
    heap[pos] = item;
}

void sift_up(Interpreter& in, std::vector<Value>& heap, size_t pos) {
    size_t end = heap.size(), start = pos;
    Value item = heap[pos];
    size_t child = 2 * pos + 1;
    while (child < end) {
        size_t right = child + 1;
        if (right < end && !in.lt(heap[child], heap[right])) child = right;
        heap[pos] = heap[child];
        pos = child;
        child = 2 * pos + 1;
    }
    heap[pos] = item;
    sift_down(in, heap, start, pos);
}

Value h_push(Interpreter& in, const Value&, Args& args) {
    Value p[2];
    lang::parse_args(in, "heappush", args, {"heap", "item"}, 2, p);
    auto& heap = list_arg(in, p[0], "heappush")->items;
    heap.push_back(p[1]);
    sift_down(in, heap, 0, heap.size() - 1);
    return Value::none();
}

Value h_pop(Interpreter& in, const Value&, Args& args) {
    Value p[1];
    lang::parse_args(in, "heappop", args, {"heap"}, 1, p);
    auto& heap = list_arg(in, p[0], "heappop")->items;
    if (heap.empty()) in.raise("IndexError", "index out of range");
    Value last = heap.back();
    heap.pop_back();
    if (heap.empty()) return last;
    Value top = heap[0];
    heap[0] = last;
    sift_up(in, heap, 0);
    return top;
}

Value h_replace(Interpreter& in, const Value&, Args& args) {
    Value p[2];
    lang::parse_args(in, "heapreplace", args, {"heap", "item"}, 2, p);
    auto& heap = list_arg(in, p[0], "heapreplace")->items;
    if (heap.empty()) in.raise("IndexError", "index out of range");
    Value top = heap[0];
    heap[0] = p[1];
    sift_up(in, heap, 0);
    return top;
}

Value h_pushpop(Interpreter& in, const Value&, Args& args) {
    Value p[2];
    lang::parse_args(in, "heappushpop", args, {"heap", "item"}, 2, p);
    auto& heap = list_arg(in, p[0], "heappushpop")->items;
    if (heap.empty() || !in.lt(heap[0], p[1])) return p[1];
    Value top = heap[0];
    heap[0] = p[1];
    sift_up(in, heap, 0);
    return top;
}

Value h_heapify(Interpreter& in, const Value&, Args& args) {
    Value p[1];
    lang::parse_args(in, "heapify", args, {"heap"}, 1, p);
    auto& heap = list_arg(in, p[0], "heapify")->items;
    for (size_t i = heap.size() / 2; i-- > 0;)
        sift_up(in, heap, i);
    return Value::none();
}

// nlargest / nsmallest: what sorted(iterable, key=key, reverse=largest)[:n] gives.
Value n_best(Interpreter& in, Args& args, const char* fname, bool largest) {
    Value p[3];
    lang::parse_args(in, fname, args, {"n", "iterable", "key"}, 2, p);
    int64_t n = in.index_value(p[0]);
    std::vector<Value> items = in.to_vector(p[1]);
    std::vector<Value> keys = items;
    if (!p[2].empty() && !p[2].is_none())
        for (auto& k : keys)
            k = in.call(p[2], {k});
    std::vector<size_t> order(items.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return largest ? in.lt(keys[b], keys[a]) : in.lt(keys[a], keys[b]);
    });
    std::vector<Value> out;
    for (size_t i = 0; i < order.size() && static_cast<int64_t>(i) < n; ++i)
        out.push_back(items[order[i]]);
    return lang::new_list(std::move(out));
}

Value h_nlargest(Interpreter& in, const Value&, Args& args) {
    return n_best(in, args, "nlargest", true);
}
Value h_nsmallest(Interpreter& in, const Value&, Args& args) {
    return n_best(in, args, "nsmallest", false);
}

} // namespace

void register_bisect_and_heapq_modules(Interpreter& in) {
    in.register_builtin_module("bisect", [](Interpreter&, lang::Module& m) {
        def_fn(m, "bisect_left", b_left);
        def_fn(m, "bisect_right", b_right);
        def_fn(m, "bisect", b_right);
        def_fn(m, "insort_left", i_left);
        def_fn(m, "insort_right", i_right);
        def_fn(m, "insort", i_right);
    });
    in.register_builtin_module("heapq", [](Interpreter&, lang::Module& m) {
        def_fn(m, "heappush", h_push);
        def_fn(m, "heappop", h_pop);
        def_fn(m, "heapreplace", h_replace);
        def_fn(m, "heappushpop", h_pushpop);
        def_fn(m, "heapify", h_heapify);
        def_fn(m, "nlargest", h_nlargest);
        def_fn(m, "nsmallest", h_nsmallest);
    });
}

} // namespace ormsh::api::stdlib
