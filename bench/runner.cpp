// Runs one benchmark process and reports what it cost: wall seconds, CPU seconds (user +
// system) and peak RSS from wait4()'s rusage. The harness starts processes through this small
// program because a child's peak RSS counts the memory of the process it was forked from.
// Usage: bench_runner STATS_FILE COMMAND [ARGS...]; writes "<wall> <cpu> <rss_kb>" to
// STATS_FILE and exits with the command's status.
#include <chrono>
#include <cstdio>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s STATS_FILE COMMAND [ARGS...]\n", argv[0]);
        return 2;
    }
    auto start = std::chrono::steady_clock::now();
    pid_t pid = fork();
    if (pid < 0) {
        std::perror("fork");
        return 2;
    }
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        std::perror(argv[2]);
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) < 0) {
        std::perror("wait4");
        return 2;
    }
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
    double cpu = seconds(usage.ru_utime) + seconds(usage.ru_stime);
    if (FILE* out = std::fopen(argv[1], "w")) {
        std::fprintf(out, "%.6f %.6f %ld\n", wall, cpu, usage.ru_maxrss);
        std::fclose(out);
    }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    return 128 + WTERMSIG(status);
}
