// The progress line's thread. It writes with write(2) on stderr, never through the
// interpreter, and erases its line before the statement's own output resumes.
#include "repl/shell/flush_progress_reporter.h"

#include "core/orm/flush_progress.h"

#include <chrono>
#include <fmt/core.h>
#include <string>
#include <unistd.h>

namespace ormsh::shell {
namespace {

constexpr auto kQuietPeriod = std::chrono::milliseconds(1000);
constexpr auto kRefreshInterval = std::chrono::milliseconds(200);

void write_stderr(const std::string& text) {
    ssize_t ignored = ::write(STDERR_FILENO, text.data(), text.size());
    (void)ignored;
}

} // namespace

FlushProgressReporter::FlushProgressReporter() {
    if (::isatty(STDERR_FILENO)) thread_ = std::thread([this] { watch(); });
}

FlushProgressReporter::~FlushProgressReporter() {
    if (!thread_.joinable()) return;
    {
        std::lock_guard lock(mutex_);
        done_ = true;
    }
    wake_.notify_all();
    thread_.join();
    if (shown_) write_stderr("\r\033[K");
}

void FlushProgressReporter::watch() {
    auto started = std::chrono::steady_clock::now();
    std::unique_lock lock(mutex_);
    if (wake_.wait_for(lock, kQuietPeriod, [this] { return done_; })) return;
    for (;;) {
        const orm::FlushProgress& p = orm::flush_progress();
        auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::steady_clock::now() - started)
                           .count();
        std::string line =
            p.running ? fmt::format("flushing: {} of {} rows written ({} s, Ctrl-C to stop)",
                                    p.written.load(), p.pending.load(), seconds)
                      : fmt::format("running for {} s (Ctrl-C to stop)", seconds);
        write_stderr("\r\033[K" + line);
        shown_ = true;
        if (wake_.wait_for(lock, kRefreshInterval, [this] { return done_; })) return;
    }
}

} // namespace ormsh::shell
