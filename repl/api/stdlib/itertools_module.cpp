// The `itertools` module: lazy native iterators (count, cycle, repeat, chain, islice, product,
// permutations, combinations, accumulate, groupby, zip_longest, starmap, takewhile, dropwhile,
// filterfalse, compress, pairwise, tee) producing CPython's orders.
#include "repl/api/stdlib/module_util.h"
#include "repl/api/stdlib/stdlib_modules.h"
#include "repl/lang/iterators.h"

#include <memory>

namespace ormsh::api::stdlib {

namespace {

using lang::FuncIter;
using Step = std::function<bool(Interpreter&, FuncIter&, Value&)>;

Value lazy(std::vector<Value> refs, Step step) {
    return lang::make_func_iter(lang::Types::iterator, std::move(refs), std::move(step));
}

Value from_list(Interpreter& in, std::vector<Value> items) {
    return in.iter(lang::new_list(std::move(items)));
}

bool given(const Value& v) {
    return !v.empty() && !v.is_none();
}

Value it_count(Interpreter& in, const Value&, Args& args) {
    Value p[2];
    lang::parse_args(in, "count", args, {"start", "step"}, 0, p);
    Value start = p[0].empty() ? Value::integer(0) : p[0];
    Value step = p[1].empty() ? Value::integer(1) : p[1];
    return lazy({start, step}, [](Interpreter& in, FuncIter& f, Value& out) {
        out = f.refs[0];
        f.refs[0] = in.binary_op(lang::BinOpKind::Add, f.refs[0], f.refs[1]);
        return true;
    });
}

Value it_cycle(Interpreter& in, const Value&, Args& args) {
    Value p[1];
    lang::parse_args(in, "cycle", args, {"iterable"}, 1, p);
    // refs: the source iterator, then the saved items.
    return lazy({in.iter(p[0]), lang::new_list({})}, [](Interpreter& in, FuncIter& f, Value& out) {
        auto& saved = f.refs[1].as<lang::List>()->items;
        if (!f.refs[0].empty()) {
            if (in.next(f.refs[0], out)) {
                saved.push_back(out);
                return true;
            }
            f.refs[0] = Value();
        }
        if (saved.empty()) return false;
        out = saved[static_cast<size_t>(f.counter++ % static_cast<int64_t>(saved.size()))];
        return true;
    });
}

Value it_repeat(Interpreter& in, const Value&, Args& args) {
    Value p[2];
    lang::parse_args(in, "repeat", args, {"object", "times"}, 1, p);
    int64_t times = given(p[1]) ? std::max<int64_t>(0, in.index_value(p[1])) : -1;
    return lazy({p[0]}, [times](Interpreter&, FuncIter& f, Value& out) {
        if (times >= 0 && f.counter >= times) return false;
        ++f.counter;
        out = f.refs[0];
        return true;
    });
}

// chain over an iterator of iterables: refs[0] the outer iterator, refs[1] the current one.
Value chain_of(Value outer) {
    return lazy({std::move(outer), Value()}, [](Interpreter& in, FuncIter& f, Value& out) {
        for (;;) {
            if (!f.refs[1].empty() && in.next(f.refs[1], out)) return true;
            Value next_iterable;
            if (!in.next(f.refs[0], next_iterable)) return false;
            f.refs[1] = in.iter(next_iterable);
        }
    });
}

Value chain_ctor(Interpreter& in, Type*, Args& args) {
    if (!args.kw.empty()) in.raise("TypeError", "chain() takes no keyword arguments");
    return chain_of(from_list(in, std::vector<Value>(args.pos.begin(), args.pos.end())));
}

Type* chain_type() {
    static Type* t =
        lang::TypeBuilder("chain", {}, "itertools")
            .ctor(chain_ctor)
            .class_method("from_iterable", [](Interpreter& in, const Value&,
                                              Args& args) { return chain_of(in.iter(args[0])); })
            .build();
    return t;
}

Value it_islice(Interpreter& in, const Value&, Args& args) {
    if (args.size() < 2 || args.size() > 4)
        in.raise("TypeError",
                 "islice expected 2 to 4 arguments, got " + std::to_string(args.size()));
    auto index = [&](const Value& v, const char* what) -> int64_t {
        if (v.is_none()) return -1;
        int64_t i = lang::is_int_like(v) ? in.index_value(v) : -2;
        if (i < 0)
            in.raise("ValueError", std::string(what) +
                                       " argument for islice() must be None or an integer: 0 <= x "
                                       "<= sys.maxsize.");
        return i;
    };
    int64_t start = 0, stop = -1, step = 1;
    if (args.size() == 2) {
        stop = index(args[1], "Stop");
    } else {
        start = args[1].is_none() ? 0 : index(args[1], "Indices");
        stop = index(args[2], "Stop");
        if (args.size() == 4 && !args[3].is_none()) {
            step = index(args[3], "Step");
            if (step < 1)
                in.raise("ValueError", "Step for islice() must be a positive integer or None.");
        }
    }
    int64_t next_index = start;
    return lazy({in.iter(args[0])}, [=](Interpreter& in, FuncIter& f, Value& out) mutable {
        if (stop >= 0 && next_index >= stop) return false;
        Value v;
        while (f.counter < next_index) {
            if (!in.next(f.refs[0], v)) return false;
            ++f.counter;
        }
        if (!in.next(f.refs[0], out)) return false;
        ++f.counter;
        next_index += step;
        return true;
    });
}

// Indices odometer over pools (product); false once exhausted.
Value it_product(Interpreter& in, const Value&, Args& args) {
    int64_t repeat = 1;
    for (auto& kw : args.kw) {
        if (kw.name->s != "repeat")
            in.raise("TypeError",
                     "product() got an unexpected keyword argument '" + kw.name->s + "'");
        repeat = in.index_value(kw.value);
    }
    auto pools = std::make_shared<std::vector<std::vector<Value>>>();
    for (int64_t r = 0; r < repeat; ++r)
        for (size_t i = 0; i < args.size(); ++i)
            pools->push_back(in.to_vector(args[i]));
    auto idx = std::make_shared<std::vector<size_t>>(pools->size(), 0);
    bool empty = false;
    for (auto& pool : *pools)
        empty = empty || pool.empty();
    auto done = std::make_shared<bool>(empty);
    return lazy({}, [pools, idx, done](Interpreter&, FuncIter&, Value& out) {
        if (*done) return false;
        std::vector<Value> t;
        for (size_t i = 0; i < pools->size(); ++i)
            t.push_back((*pools)[i][(*idx)[i]]);
        out = lang::new_tuple(std::move(t));
        size_t i = pools->size();
        while (i-- > 0) {
            if (++(*idx)[i] < (*pools)[i].size()) break;
            (*idx)[i] = 0;
            if (i == 0) *done = true;
        }
        if (pools->empty()) *done = true;
        return true;
    });
}

// combinations / combinations_with_replacement: index tuples in lexicographic order.
Value combos(Interpreter& in, Args& args, const char* name, bool with_replacement) {
    Value p[2];
    lang::parse_args(in, name, args, {"iterable", "r"}, 2, p);
    auto pool = std::make_shared<std::vector<Value>>(in.to_vector(p[0]));
    int64_t r = in.index_value(p[1]);
    if (r < 0) in.raise("ValueError", "r must be non-negative");
    int64_t n = static_cast<int64_t>(pool->size());
    auto idx = std::make_shared<std::vector<int64_t>>(static_cast<size_t>(r), 0);
    if (!with_replacement)
        for (int64_t i = 0; i < r; ++i)
            (*idx)[static_cast<size_t>(i)] = i;
    auto done = std::make_shared<bool>(with_replacement ? (n == 0 && r > 0) : r > n);
    return lazy({}, [=](Interpreter&, FuncIter&, Value& out) {
        if (*done) return false;
        std::vector<Value> t;
        for (int64_t i : *idx)
            t.push_back((*pool)[static_cast<size_t>(i)]);
        out = lang::new_tuple(std::move(t));
        int64_t i = r - 1;
        if (with_replacement) {
            while (i >= 0 && (*idx)[static_cast<size_t>(i)] == n - 1)
                --i;
            if (i < 0) {
                *done = true;
                return true;
            }
            int64_t v = (*idx)[static_cast<size_t>(i)] + 1;
            for (int64_t j = i; j < r; ++j)
                (*idx)[static_cast<size_t>(j)] = v;
        } else {
            while (i >= 0 && (*idx)[static_cast<size_t>(i)] == i + n - r)
                --i;
            if (i < 0) {
                *done = true;
                return true;
            }
            ++(*idx)[static_cast<size_t>(i)];
            for (int64_t j = i + 1; j < r; ++j)
                (*idx)[static_cast<size_t>(j)] = (*idx)[static_cast<size_t>(j - 1)] + 1;
        }
        return true;
    });
}

Value it_combinations(Interpreter& in, const Value&, Args& args) {
    return combos(in, args, "combinations", false);
}
Value it_combinations_wr(Interpreter& in, const Value&, Args& args) {
    return combos(in, args, "combinations_with_replacement", true);
}

// r-length permutations in lexicographic order of positions.
Value it_permutations(Interpreter& in, const Value&, Args& args) {
    Value p[2];
    lang::parse_args(in, "permutations", args, {"iterable", "r"}, 1, p);
    auto pool = std::make_shared<std::vector<Value>>(in.to_vector(p[0]));
    int64_t n = static_cast<int64_t>(pool->size());
    int64_t r = given(p[1]) ? in.index_value(p[1]) : n;
    if (r < 0) in.raise("ValueError", "r must be non-negative");
    auto indices = std::make_shared<std::vector<int64_t>>();
    for (int64_t i = 0; i < n; ++i)
        indices->push_back(i);
    auto cycles = std::make_shared<std::vector<int64_t>>();
    for (int64_t i = n; i > n - r; --i)
        cycles->push_back(i);
    auto state = std::make_shared<int>(r > n ? 2 : 0); // 0 first, 1 running, 2 done
    return lazy({}, [=](Interpreter&, FuncIter&, Value& out) {
        auto emit = [&] {
            std::vector<Value> t;
            for (int64_t i = 0; i < r; ++i)
                t.push_back((*pool)[static_cast<size_t>((*indices)[static_cast<size_t>(i)])]);
            out = lang::new_tuple(std::move(t));
        };
        if (*state == 2) return false;
        if (*state == 0) {
            *state = 1;
            emit();
            return true;
        }
        auto& idx = *indices;
        auto& cyc = *cycles;
        for (int64_t i = r - 1; i >= 0; --i) {
            size_t ui = static_cast<size_t>(i);
            if (--cyc[ui] == 0) {
                // Rotate indices[i:] left by one.
                std::rotate(idx.begin() + i, idx.begin() + i + 1, idx.end());
                cyc[ui] = n - i;
            } else {
                int64_t j = cyc[ui];
                std::swap(idx[ui], idx[static_cast<size_t>(n - j)]);
                emit();
                return true;
            }
        }
        *state = 2;
        return false;
    });
}

Value it_accumulate(Interpreter& in, const Value&, Args& args) {
    Value p[3];
    lang::parse_args(in, "accumulate", args, {"iterable", "func", "initial"}, 1, p);
    Value func = given(p[1]) ? p[1] : Value();
    // refs: iterator, running total (empty before the first item).
    Value total = given(p[2]) ? p[2] : Value();
    bool emit_initial = given(p[2]);
    return lazy({in.iter(p[0]), total, func},
                [emit_initial](Interpreter& in, FuncIter& f, Value& out) mutable {
                    if (emit_initial) {
                        emit_initial = false;
                        out = f.refs[1];
                        return true;
                    }
                    Value x;
                    if (!in.next(f.refs[0], x)) return false;
                    if (f.refs[1].empty())
                        f.refs[1] = x;
                    else if (f.refs[2].empty())
                        f.refs[1] = in.binary_op(lang::BinOpKind::Add, f.refs[1], x);
                    else
                        f.refs[1] = in.call(f.refs[2], {f.refs[1], x});
                    out = f.refs[1];
                    return true;
                });
}

// groupby: each group is gathered when its key is reached (refs: iterator, key func,
// the first item of the next group).
Value it_groupby(Interpreter& in, const Value&, Args& args) {
    Value p[2];
    lang::parse_args(in, "groupby", args, {"iterable", "key"}, 1, p);
    return lazy({in.iter(p[0]), given(p[1]) ? p[1] : Value(), Value()},
                [](Interpreter& in, FuncIter& f, Value& out) {
                    auto key_of = [&](const Value& v) {
                        return f.refs[1].empty() ? v : in.call(f.refs[1], {v});
                    };
                    Value first = f.refs[2];
                    if (first.empty() && !in.next(f.refs[0], first)) return false;
                    f.refs[2] = Value();
                    Value key = key_of(first);
                    std::vector<Value> group{first};
                    Value v;
                    while (in.next(f.refs[0], v)) {
                        if (!in.eq(key_of(v), key)) {
                            f.refs[2] = v;
                            break;
                        }
                        group.push_back(v);
                    }
                    out = lang::new_tuple({key, from_list(in, std::move(group))});
                    return true;
                });
}

Value it_zip_longest(Interpreter& in, const Value&, Args& args) {
    Value fill = Value::none();
    for (auto& kw : args.kw) {
        if (kw.name->s != "fillvalue")
            in.raise("TypeError",
                     "zip_longest() got an unexpected keyword argument '" + kw.name->s + "'");
        fill = kw.value;
    }
    std::vector<Value> refs;
    for (size_t i = 0; i < args.size(); ++i)
        refs.push_back(in.iter(args[i]));
    refs.push_back(fill);
    size_t n = args.size();
    return lazy(std::move(refs), [n](Interpreter& in, FuncIter& f, Value& out) {
        if (n == 0) return false;
        std::vector<Value> t;
        bool any = false;
        for (size_t i = 0; i < n; ++i) {
            Value v;
            if (!f.refs[i].empty() && in.next(f.refs[i], v)) {
                any = true;
                t.push_back(v);
            } else {
                f.refs[i] = Value();
                t.push_back(f.refs[n]);
            }
        }
        if (!any) return false;
        out = lang::new_tuple(std::move(t));
        return true;
    });
}

Value it_starmap(Interpreter& in, const Value&, Args& args) {
    Value p[2];
    lang::parse_args(in, "starmap", args, {"function", "iterable"}, 2, p);
    return lazy({p[0], in.iter(p[1])}, [](Interpreter& in, FuncIter& f, Value& out) {
        Value item;
        if (!in.next(f.refs[1], item)) return false;
        std::vector<Value> a = in.to_vector(item);
        out = in.call(f.refs[0], std::move(a), {});
        return true;
    });
}

Value it_takewhile(Interpreter& in, const Value&, Args& args) {
    Value p[2];
    lang::parse_args(in, "takewhile", args, {"predicate", "iterable"}, 2, p);
    return lazy({p[0], in.iter(p[1])}, [](Interpreter& in, FuncIter& f, Value& out) {
        if (f.counter) return false;
        if (!in.next(f.refs[1], out)) return false;
        if (in.truthy(in.call(f.refs[0], {out}))) return true;
        f.counter = 1;
        return false;
    });
}

Value it_dropwhile(Interpreter& in, const Value&, Args& args) {
    Value p[2];
    lang::parse_args(in, "dropwhile", args, {"predicate", "iterable"}, 2, p);
    return lazy({p[0], in.iter(p[1])}, [](Interpreter& in, FuncIter& f, Value& out) {
        while (in.next(f.refs[1], out)) {
            if (f.counter || !in.truthy(in.call(f.refs[0], {out}))) {
                f.counter = 1;
                return true;
            }
        }
        return false;
    });
}

Value it_filterfalse(Interpreter& in, const Value&, Args& args) {
    Value p[2];
    lang::parse_args(in, "filterfalse", args, {"function", "iterable"}, 2, p);
    return lazy({p[0], in.iter(p[1])}, [](Interpreter& in, FuncIter& f, Value& out) {
        while (in.next(f.refs[1], out)) {
            bool keep =
                f.refs[0].is_none() ? !in.truthy(out) : !in.truthy(in.call(f.refs[0], {out}));
            if (keep) return true;
        }
        return false;
    });
}

Value it_compress(Interpreter& in, const Value&, Args& args) {
    Value p[2];
    lang::parse_args(in, "compress", args, {"data", "selectors"}, 2, p);
    return lazy({in.iter(p[0]), in.iter(p[1])}, [](Interpreter& in, FuncIter& f, Value& out) {
        Value sel;
        while (in.next(f.refs[0], out)) {
            if (!in.next(f.refs[1], sel)) return false;
            if (in.truthy(sel)) return true;
        }
        return false;
    });
}

Value it_pairwise(Interpreter& in, const Value&, Args& args) {
    Value p[1];
    lang::parse_args(in, "pairwise", args, {"iterable"}, 1, p);
    return lazy({in.iter(p[0]), Value()}, [](Interpreter& in, FuncIter& f, Value& out) {
        if (f.refs[1].empty() && !in.next(f.refs[0], f.refs[1])) return false;
        Value b;
        if (!in.next(f.refs[0], b)) return false;
        out = lang::new_tuple({f.refs[1], b});
        f.refs[1] = b;
        return true;
    });
}

Value it_tee(Interpreter& in, const Value&, Args& args) {
    Value p[2];
    lang::parse_args(in, "tee", args, {"iterable", "n"}, 1, p);
    int64_t n = p[1].empty() ? 2 : in.index_value(p[1]);
    if (n < 0) in.raise("ValueError", "n must be >= 0");
    std::vector<Value> items = in.to_vector(p[0]);
    std::vector<Value> out;
    for (int64_t i = 0; i < n; ++i)
        out.push_back(from_list(in, items));
    return lang::new_tuple(std::move(out));
}

void make_itertools_module(Interpreter&, lang::Module& m) {
    def_fn(m, "count", it_count);
    def_fn(m, "cycle", it_cycle);
    def_fn(m, "repeat", it_repeat);
    def_value(m, "chain", Value(chain_type()));
    def_fn(m, "islice", it_islice);
    def_fn(m, "product", it_product);
    def_fn(m, "permutations", it_permutations);
    def_fn(m, "combinations", it_combinations);
    def_fn(m, "combinations_with_replacement", it_combinations_wr);
    def_fn(m, "accumulate", it_accumulate);
    def_fn(m, "groupby", it_groupby);
    def_fn(m, "zip_longest", it_zip_longest);
    def_fn(m, "starmap", it_starmap);
    def_fn(m, "takewhile", it_takewhile);
    def_fn(m, "dropwhile", it_dropwhile);
    def_fn(m, "filterfalse", it_filterfalse);
    def_fn(m, "compress", it_compress);
    def_fn(m, "pairwise", it_pairwise);
    def_fn(m, "tee", it_tee);
}

} // namespace

void register_itertools_module(Interpreter& in) {
    chain_type();
    in.register_builtin_module("itertools", make_itertools_module);
}

} // namespace ormsh::api::stdlib
