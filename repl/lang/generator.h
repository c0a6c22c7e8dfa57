// Generators: a generator function's body runs on its own small stack (ucontext), switching
// back to the caller at each `yield`, so a tree-walking interpreter can suspend mid-statement.
#pragma once

#include "repl/lang/interpreter.h"

#include <exception>
#include <ucontext.h>
#include <vector>

namespace ormsh::lang {

struct Generator : Iterator {
    enum class State : uint8_t { Created, Suspended, Running, Done };
    Ref<Function> func;
    std::vector<Value> slots;
    Frame frame;
    State state = State::Created;
    ucontext_t ctx{};
    ucontext_t caller{};
    void* stack = nullptr;
    size_t stack_size = 0;
    Value transfer;           // yielded value / sent value
    Value result;             // the body's return value once Done (StopIteration.value)
    std::exception_ptr error; // exception escaping the body
    bool closing = false;
    Value thrown; // exception to raise at the suspended yield (generator.throw)
    // AddressSanitizer fiber bookkeeping (stack switches must be announced to ASan).
    const void* caller_stack_bottom = nullptr;
    size_t caller_stack_size = 0;
    void* asan_fake_stack = nullptr;
    Interpreter* interp = nullptr;
    // Saved interpreter state of the generator while suspended.
    Frame* saved_frame = nullptr;
    int saved_depth = 0;
    std::vector<Value> saved_handling;

    Generator(Function* f, std::vector<Value> s);
    ~Generator() override;
    bool next(Interpreter& in, Value& out) override;
    bool resume(Interpreter& in, Value send, Value& out);
    void traverse(Visitor& v) override;
    void clear_refs() override;
};

Value make_generator(Interpreter& in, Function* f, std::vector<Value> slots);
// Called by the evaluator for `yield v`; returns the value sent in.
Value generator_yield(Interpreter& in, Frame& f, Value v);
// `yield from iterable` in the generator running `f`: delegates next/send to a sub-generator
// and returns its return value.
Value generator_yield_from(Interpreter& in, Frame& f, const Value& iterable);
// StopIteration carrying the finished generator's return value (for next() and send()).
[[noreturn]] void raise_stop_iteration(Interpreter& in, const Value& self);

} // namespace ormsh::lang
