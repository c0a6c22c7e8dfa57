// Generator implementation with ucontext: each generator gets a lazily committed stack; the
// body runs there and swaps back to the caller at every yield. Exceptions escaping the body
// are captured and rethrown on the caller's stack.
#include "repl/lang/generator.h"

#include "repl/lang/stack_switch.h"

#include <sys/mman.h>
#include <utility>

namespace ormsh::lang {

namespace {

constexpr size_t kGeneratorStack = 64u << 20; // virtual reservation; pages commit on use

struct GeneratorExitSignal {};

void trampoline(unsigned lo, unsigned hi) {
    Generator* g = reinterpret_cast<Generator*>((static_cast<uintptr_t>(hi) << 32) | lo);
    Interpreter& in = *g->interp;
    ORMSH_FINISH_SWITCH(nullptr, &g->caller_stack_bottom, &g->caller_stack_size);
    try {
        Flow fl = in.exec_block(g->func->code->body, g->frame);
        if (fl == Flow::Return) g->result = std::move(g->frame.ret);
        g->transfer = Value();
    } catch (GeneratorExitSignal&) {
        g->transfer = Value();
    } catch (PyException& e) {

        g->error = std::current_exception();
    } catch (...) {
        g->error = std::current_exception();
    }
    g->state = Generator::State::Done;
    ORMSH_START_SWITCH(nullptr, g->caller_stack_bottom, g->caller_stack_size);
    swapcontext(&g->ctx, &g->caller);
}

} // namespace

Generator::Generator(Function* f, std::vector<Value> s)
    : Iterator(Types::generator), func(f), slots(std::move(s)) {}

Generator::~Generator() {
    if (state == State::Suspended && interp) {
        closing = true;
        Value dummy;
        try {
            resume(*interp, Value::none(), dummy);
        } catch (...) {
        }
    }
    if (stack) munmap(stack, stack_size);
}

void Generator::traverse(Visitor& v) {
    if (func) v.visit(func.get());
    if (thrown.is_obj()) v.visit(thrown.obj());
    if (result.is_obj()) v.visit(result.obj());
    for (auto& s : slots)
        if (s.is_obj()) v.visit(s.obj());
}

void Generator::clear_refs() {
    if (state == State::Suspended) return; // its stack holds references we cannot see
    auto tmp = std::move(slots);
    slots.clear();
    result = Value();
    thrown = Value();
}

bool Generator::resume(Interpreter& in, Value send, Value& out) {
    if (state == State::Done) return false;
    if (state == State::Running) in.raise("ValueError", "generator already executing");
    if (state == State::Created) {
        interp = &in;
        stack_size = kGeneratorStack;
        stack = mmap(nullptr, stack_size, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (stack == MAP_FAILED) in.raise("MemoryError", "cannot allocate generator stack");
        getcontext(&ctx);
        ctx.uc_stack.ss_sp = stack;
        ctx.uc_stack.ss_size = stack_size;
        ctx.uc_link = nullptr;
        uintptr_t p = reinterpret_cast<uintptr_t>(this);
        makecontext(&ctx, reinterpret_cast<void (*)()>(trampoline), 2,
                    static_cast<unsigned>(p & 0xffffffffu), static_cast<unsigned>(p >> 32));
        frame.code = func->code.get();
        frame.slots = slots.data();
        frame.module = func->module.get();
        frame.func = func.get();
        frame.gen = this;
        frame.line = func->code->line;
    }
    if (in.depth >= in.recursion_limit)
        in.raise("RecursionError", "maximum recursion depth exceeded");
    Ref<Generator> keep(refcnt > 0 ? this : nullptr); // not while being destroyed
    state = State::Running;
    transfer = std::move(send);
    // Swap interpreter state: the generator's frame chain hangs below the caller's.
    frame.back = in.frame;
    Frame* caller_frame = in.frame;
    int caller_depth = in.depth;
    std::vector<Value> caller_handling = std::move(in.handling);
    in.handling = std::move(saved_handling);
    in.frame = &frame;
    in.depth = caller_depth + 1;
    void* fake = nullptr;
    ORMSH_START_SWITCH(&fake, stack, stack_size);
    swapcontext(&caller, &ctx);
    ORMSH_FINISH_SWITCH(fake, nullptr, nullptr);
    saved_handling = std::move(in.handling);
    in.handling = std::move(caller_handling);
    in.frame = caller_frame;
    in.depth = caller_depth;
    if (state == State::Done) {
        if (error) {
            auto e = error;
            error = nullptr;
            slots.clear();
            try {
                std::rethrow_exception(e);
            } catch (PyException& pe) {
                if (caller_frame) push_traceback(pe.exc, *caller_frame);
                throw;
            }
        }
        slots.clear();
        return false;
    }
    state = State::Suspended;
    out = std::move(transfer);
    return true;
}

bool Generator::next(Interpreter& in, Value& out) {
    return resume(in, Value::none(), out);
}

Value make_generator(Interpreter&, Function* f, std::vector<Value> slots) {
    return Value::steal(new Generator(f, std::move(slots)));
}

Value generator_yield(Interpreter& in, Frame& f, Value v) {
    Generator* g = f.gen;
    g->transfer = std::move(v);
    ORMSH_START_SWITCH(&g->asan_fake_stack, g->caller_stack_bottom, g->caller_stack_size);
    swapcontext(&g->ctx, &g->caller);
    ORMSH_FINISH_SWITCH(g->asan_fake_stack, &g->caller_stack_bottom, &g->caller_stack_size);
    if (g->closing) throw GeneratorExitSignal{};
    if (!g->thrown.empty()) in.raise_value(std::exchange(g->thrown, Value()));
    Value sent = std::move(g->transfer);
    return sent.empty() ? Value::none() : sent;
}

Value generator_yield_from(Interpreter& in, Frame& f, const Value& iterable) {
    Value it = in.iter(iterable);
    Value x;
    if (it.obj()->type != Types::generator) {
        while (in.next(it, x))
            generator_yield(in, f, x);
        return Value::none();
    }
    // close() and throw() on the delegating generator go to the sub-generator first.
    Ref<Generator> sub(static_cast<Generator*>(it.obj()));
    Value sent = Value::none();
    bool more = sub->resume(in, sent, x);
    while (more) {
        // Resume the sub-generator outside the catch blocks: it runs on another stack.
        Value thrown;
        bool closing = false;
        try {
            sent = generator_yield(in, f, x);
        } catch (GeneratorExitSignal&) {
            closing = true;
        } catch (PyException& e) {
            if (sub->state != Generator::State::Suspended) throw;
            thrown = e.exc;
        }
        if (closing) {
            if (sub->state == Generator::State::Suspended) {
                sub->closing = true;
                Value ignored;
                sub->resume(in, Value::none(), ignored);
            }
            throw GeneratorExitSignal{};
        }
        if (!thrown.empty()) {
            sub->thrown = std::move(thrown);
            sent = Value::none();
        }
        more = sub->resume(in, sent, x);
    }
    return sub->result.empty() ? Value::none() : sub->result;
}

void raise_stop_iteration(Interpreter& in, const Value& self) {
    std::vector<Value> args;
    if (self.obj()->type == Types::generator) {
        Value& r = static_cast<Generator*>(self.obj())->result;
        if (!r.empty() && !r.is_none()) args.push_back(std::exchange(r, Value()));
    }
    in.raise_value(in.new_exception(builtin_type("StopIteration"), args));
}

} // namespace ormsh::lang
