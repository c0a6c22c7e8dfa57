// The benchmark's rows, shared by every program so they write identical data: row i is
// ("user<i>", "user<i>@example.com", i), into bench_users(id, name, email, n).
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

namespace ormsh::bench {

inline std::string row_name(long i) {
    return "user" + std::to_string(i);
}
inline std::string row_email(long i) {
    return "user" + std::to_string(i) + "@example.com";
}

// Prints elapsed seconds the way every bench program reports: "<label> <rows> <seconds>".
inline void report(const char* label, long rows, std::chrono::steady_clock::time_point start) {
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%s %ld %.4f\n", label, rows, seconds);
}

} // namespace ormsh::bench
