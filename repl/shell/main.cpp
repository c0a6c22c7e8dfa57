// ormsh's entry point: parses the command line and hands over to the batch runner or the
// interactive shell.
#include <cstdio>
#include <cstring>

#include <fmt/core.h>

#include "dialects/registry.h"

int main(int argc, char** argv) {
    ormsh::dialects::register_builtin_dialects();
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0) {
            fmt::print("ormsh {}\n", ORMSH_VERSION);
            return 0;
        }
    }
    fmt::print("usage: ormsh [--version] [--help] [FILE.py [ARGS]]\n");
    return 0;
}
