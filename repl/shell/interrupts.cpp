// SIGINT handler and the helper thread that interrupts database statements.
#include "repl/shell/interrupts.h"

#include "core/engine/engine.h"

#include <atomic>
#include <csignal>
#include <pthread.h>
#include <semaphore.h>
#include <thread>

namespace ormsh::shell {
namespace {

std::atomic<lang::Interpreter*> g_interpreter{nullptr};
volatile std::sig_atomic_t g_sigint = 0;
sem_t g_wake;

void on_sigint(int) {
    g_sigint = 1;
    if (lang::Interpreter* in = g_interpreter.load()) in->interrupt = true;
    sem_post(&g_wake); // async-signal-safe
}

void interrupt_statements_forever() {
    for (;;) {
        if (sem_wait(&g_wake) != 0) continue;
        for (const auto& engine : engine::Engine::live_engines())
            engine->interrupt_all();
    }
}

} // namespace

void install_interrupt_handling(lang::Interpreter& in) {
    static bool started = false;
    g_interpreter = &in;
    if (!started) {
        started = true;
        sem_init(&g_wake, 0, 0);
        // The helper is made with SIGINT blocked, which it keeps: a Ctrl-C always lands on the
        // main thread, the one whose wait for input it must end.
        sigset_t sigint, previous;
        sigemptyset(&sigint);
        sigaddset(&sigint, SIGINT);
        pthread_sigmask(SIG_BLOCK, &sigint, &previous);
        std::thread(interrupt_statements_forever).detach();
        pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    }
    struct sigaction sa {};
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; // no SA_RESTART: a blocking read returns EINTR so the prompt reacts
    sigaction(SIGINT, &sa, nullptr);
}

void detach_interrupt_handling() {
    g_interpreter = nullptr;
}

bool take_sigint() {
    if (!g_sigint) return false;
    g_sigint = 0;
    return true;
}

void clear_sigint() {
    g_sigint = 0;
}

} // namespace ormsh::shell
