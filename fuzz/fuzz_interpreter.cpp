// libFuzzer target: runs arbitrary bytes as a __main__ program in a fresh interpreter with a
// time budget (Interpreter::deadline) and output captured. Python exceptions are fine;
// crashes, sanitizer reports, C++ exceptions escaping and hangs are bugs.
#include "repl/lang/interpreter.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

// Per-input time budget; the libFuzzer -timeout is set well above it.
constexpr auto kBudget = std::chrono::milliseconds(250);
constexpr size_t kMaxOutput = 1 << 20;
constexpr int kRecursionLimit = 150;
constexpr uint64_t kMaxSequenceBytes = 64u << 20;

// Keeps the first MiB of output; input() sees end of file.
class BoundedSink : public ormsh::lang::OutputSink {
public:
    void write_out(std::string_view s) override { keep(s); }
    void write_err(std::string_view s) override { keep(s); }
    bool read_line(std::string&) override { return false; }

private:
    void keep(std::string_view s) {
        if (text_.size() < kMaxOutput) text_.append(s.substr(0, kMaxOutput - text_.size()));
    }
    std::string text_;
};

void no_module(ormsh::lang::Interpreter&, ormsh::lang::Module&) {}

} // namespace

// ASan: an allocation past 1 GB is refused (a report), so inputs stay within the machine.
extern "C" const char* __asan_default_options() {
    return "allocator_may_return_null=1:max_allocation_size_mb=1024:detect_leaks=0";
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string src(reinterpret_cast<const char*>(data), size);
    BoundedSink sink;
    ormsh::lang::Interpreter in;
    in.set_output(&sink);
    // No file system writes (os.remove, open) and no sleeping past the budget.
    in.register_builtin_module("os", no_module);
    in.register_builtin_module("time", no_module);
    in.builtins()->dict->set_str(ormsh::lang::intern("open"), ormsh::lang::Value::none());
    // ASan's frames are far bigger than a release build's: past a few hundred Python calls
    // its exception unwinding reports false positives on the deep stack (google/sanitizers
    // issue 189). Deep recursion itself is covered by tests/hardening (bad_input recursion).
    in.recursion_limit = kRecursionLimit;
    in.max_recursion_limit = kRecursionLimit;
    // ASan's operator new reports an allocation over max_allocation_size_mb instead of
    // throwing std::bad_alloc, so the interpreter's own size check must stop it first.
    in.max_sequence_bytes = kMaxSequenceBytes;
    in.deadline = std::chrono::steady_clock::now() + kBudget;
    in.run_main(src, "<fuzz>", {"<fuzz>"});
    return 0;
}
