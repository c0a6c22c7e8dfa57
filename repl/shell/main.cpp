// ormsh's entry point: parses the command line and hands over to the batch runner or the
// interactive shell.
#include "dialects/registry.h"
#include "repl/api/modules.h"
#include "repl/lang/interpreter.h"

#include <csignal>
#include <cstdio>
#include <cstring>
#include <fmt/core.h>
#include <fstream>
#include <iostream>
#include <malloc.h>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

ormsh::lang::Interpreter* g_interp = nullptr;

void on_sigint(int) {
    if (g_interp) g_interp->interrupt = true;
}

int usage(const char* msg) {
    if (msg) fmt::print(stderr, "ormsh: {}\n", msg);
    fmt::print(stderr, "usage: ormsh [--version] [-c CODE | FILE.py] [ARGS]\n");
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    // Scripts run on a second thread (for its large stack), and glibc would give that thread
    // its own arena, grown a page at a time with mprotect(); one arena grows in larger steps.
    mallopt(M_ARENA_MAX, 1);
    ormsh::dialects::register_builtin_dialects();
    std::string code;
    std::string filename;
    std::vector<std::string> script_args;
    int i = 1;
    for (; i < argc; ++i) {
        const char* a = argv[i];
        if (std::strcmp(a, "--version") == 0 || std::strcmp(a, "-V") == 0) {
            fmt::print("ormsh {}\n", ORMSH_VERSION);
            return 0;
        }
        if (std::strcmp(a, "--help") == 0 || std::strcmp(a, "-h") == 0) {
            fmt::print("usage: ormsh [--version] [-c CODE | FILE.py] [ARGS]\n");
            return 0;
        }
        if (std::strcmp(a, "-c") == 0) {
            if (i + 1 >= argc) return usage("argument expected for the -c option");
            code = argv[i + 1];
            filename = "<string>";
            script_args.push_back("-c");
            for (int k = i + 2; k < argc; ++k)
                script_args.push_back(argv[k]);
            break;
        }
        if (a[0] == '-' && a[1] != '\0') return usage((std::string("unknown option ") + a).c_str());
        filename = a;
        for (int k = i; k < argc; ++k)
            script_args.push_back(argv[k]);
        break;
    }
    if (filename.empty()) {
        // No script: standard input is read as a script.
        std::stringstream ss;
        ss << std::cin.rdbuf();
        code = ss.str();
        filename = "<stdin>";
        script_args.push_back("");
    } else if (filename != "<string>") {
        std::ifstream f(filename, std::ios::binary);
        if (!f) {
            fmt::print(stderr, "ormsh: can't open file '{}': [Errno 2] No such file or directory\n",
                       filename);
            return 2;
        }
        std::stringstream ss;
        ss << f.rdbuf();
        code = ss.str();
    }
    ormsh::lang::Interpreter interp;
    ormsh::api::register_all_modules(interp);
    g_interp = &interp;
    std::signal(SIGINT, on_sigint);
    auto result = interp.run_main(code, filename, script_args);
    std::fflush(stdout);
    g_interp = nullptr;
    return result.exit_code;
}
