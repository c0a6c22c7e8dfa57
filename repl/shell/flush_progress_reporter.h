// While a statement runs, a helper thread watches the clock and core/orm's flush counters;
// past about a second it keeps one status line on stderr ("flushing: 1200 of 5000 rows" or
// "running for 3 s"), erased when the statement ends. Only when stderr is a terminal, so
// pipes and files stay deterministic.
#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace ormsh::shell {

class FlushProgressReporter {
public:
    FlushProgressReporter();
    ~FlushProgressReporter();
    FlushProgressReporter(const FlushProgressReporter&) = delete;
    FlushProgressReporter& operator=(const FlushProgressReporter&) = delete;

private:
    void watch();
    std::mutex mutex_;
    std::condition_variable wake_;
    bool done_ = false;
    bool shown_ = false;
    std::thread thread_;
};

} // namespace ormsh::shell
