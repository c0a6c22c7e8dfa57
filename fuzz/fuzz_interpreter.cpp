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
constexpr auto kBudget = std::chrono::milliseconds(500);
constexpr size_t kMaxOutput = 1 << 20;

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

// ASan: huge allocations ('a' * 10**12) throw std::bad_alloc (MemoryError in Python) instead
// of counting as a crash; the interpreter must handle that.
extern "C" const char* __asan_default_options() {
    return "allocator_may_return_null=1:max_allocation_size_mb=512:detect_leaks=0";
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
    in.deadline = std::chrono::steady_clock::now() + kBudget;
    in.run_main(src, "<fuzz>", {"<fuzz>"});
    return 0;
}
