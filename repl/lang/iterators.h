// Native iterators over the builtin containers, plus the lazy helpers behind enumerate, zip,
// map, filter and reversed.
#pragma once

#include "repl/lang/interpreter.h"

namespace ormsh::lang {

struct SeqIter : Iterator { // list / tuple by index (sees appends like CPython)
    Value seq;
    size_t i = 0;
    bool reverse = false;
    explicit SeqIter(Value s, bool rev = false);
    bool next(Interpreter& in, Value& out) override;
    void traverse(Visitor& v) override;
    void clear_refs() override;
};

struct StrIter : Iterator {
    Value s;
    size_t pos = 0;
    explicit StrIter(Value str);
    bool next(Interpreter& in, Value& out) override;
};

struct RangeIter : Iterator {
    int64_t cur, step, left;
    RangeIter(int64_t start, int64_t step, int64_t n);
    bool next(Interpreter& in, Value& out) override;
};

struct DictIter : Iterator {
    Ref<Dict> dict;
    size_t i = 0;
    size_t expected_used;
    int kind; // 0 keys 1 values 2 items
    DictIter(Dict* d, int k);
    bool next(Interpreter& in, Value& out) override;
    void traverse(Visitor& v) override;
    void clear_refs() override;
};

struct SetIter : Iterator {
    Ref<Set> set;
    size_t i = 0;
    explicit SetIter(Set* s);
    bool next(Interpreter& in, Value& out) override;
    void traverse(Visitor& v) override;
    void clear_refs() override;
};

// A native iterator driven by a C++ callable (enumerate, zip, map, filter, ...).
struct FuncIter : Iterator {
    std::vector<Value> refs; // values kept alive (and reported to the collector)
    std::function<bool(Interpreter&, FuncIter&, Value&)> step;
    int64_t counter = 0;
    explicit FuncIter(Type* t);
    bool next(Interpreter& in, Value& out) override;
    void traverse(Visitor& v) override;
    void clear_refs() override;
};

Value make_func_iter(Type* t, std::vector<Value> refs,
                     std::function<bool(Interpreter&, FuncIter&, Value&)> step);

} // namespace ormsh::lang
