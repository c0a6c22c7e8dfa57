// ormsh's entry point: parses the command line, runs a script (file, -c, standard input) as
// python3 would, and/or starts the interactive shell.
#include "core/engine/engine.h"
#include "dialects/registry.h"
#include "repl/api/modules.h"
#include "repl/api/sqlalchemy/engine_objects.h"
#include "repl/lang/interpreter.h"
#include "repl/shell/command_line.h"
#include "repl/shell/database_binding.h"
#include "repl/shell/interrupts.h"
#include "repl/shell/shell.h"

#include <cstdio>
#include <cstdlib>
#include <fmt/core.h>
#include <fstream>
#include <iostream>
#include <malloc.h>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

using ormsh::shell::CommandLine;

constexpr int kUsageError = 2;

// exit() and quit(), which Python's site module adds to the builtins for scripts and the REPL.
constexpr const char* kQuitterSource = R"py(
class Quitter:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return 'Use %s() or Ctrl-D (i.e. EOF) to exit' % self.name

    def __call__(self, code=None):
        raise SystemExit(code)


exit = Quitter('exit')
quit = Quitter('quit')
del Quitter
)py";

void add_site_builtins(ormsh::lang::Interpreter& in) {
    if (!in.builtins()->dict->get_str("exit").empty()) return;
    in.exec_in_module(kQuitterSource, "<site>", *in.builtins());
}

bool read_source(const CommandLine& cl, std::string& code, std::string& filename) {
    switch (cl.source) {
    case CommandLine::Source::Code:
        code = cl.code;
        filename = "<string>";
        return true;
    case CommandLine::Source::Stdin: {
        std::stringstream ss;
        ss << std::cin.rdbuf();
        code = ss.str();
        filename = "<stdin>";
        return true;
    }
    case CommandLine::Source::File: {
        std::ifstream f(cl.file, std::ios::binary);
        if (!f) {
            fmt::print(stderr, "ormsh: can't open file '{}': [Errno 2] No such file or directory\n",
                       cl.file);
            return false;
        }
        std::stringstream ss;
        ss << f.rdbuf();
        code = ss.str();
        filename = cl.file;
        return true;
    }
    case CommandLine::Source::Interactive:
        return true;
    }
    return true;
}

int run(const CommandLine& cl) {
    ormsh::lang::Interpreter interp;
    ormsh::api::register_all_modules(interp);
    add_site_builtins(interp);
    ormsh::shell::install_interrupt_handling(interp);
    if (cl.echo) ormsh::api::set_echo_everywhere(true);
    if (cl.sandbox) ormsh::engine::Engine::sandbox_new_engines(true);

    int status = 0;
    bool script = cl.source != CommandLine::Source::Interactive;
    if (script) {
        std::string code, filename;
        if (!read_source(cl, code, filename)) return kUsageError;
        // A script binds a database only when asked on the command line: DATABASE_URL is
        // the script's own business, as with python3.
        if (cl.database_url) {
            try {
                ormsh::shell::bind_database(interp, *cl.database_url);
            } catch (ormsh::lang::PyException& e) {
                interp.write_err(interp.format_exception(e.exc));
                return 1;
            }
        }
        status = interp.run_main(code, filename, cl.script_argv).exit_code;
    }
    if (!script || cl.interactive_after) {
        ormsh::shell::ShellOptions options;
        const char* env_url = std::getenv("DATABASE_URL");
        options.database_url = cl.database_url ? *cl.database_url : env_url ? env_url : "";
        options.quiet = cl.quiet;
        options.sandbox = cl.sandbox;
        // After a script that set up its own `db`, keep the script's.
        options.bind_database =
            !(script && (cl.database_url || !interp.globals().get_str("db").empty()));
        ormsh::shell::Shell shell(interp, options);
        if (cl.echo) shell.set_echo(true);
        status = shell.run();
    }
    std::fflush(stdout);
    // The sandbox's transactions end now, not whenever the engines happen to be freed.
    if (cl.sandbox)
        for (const auto& engine : ormsh::engine::Engine::live_engines())
            engine->dispose();
    ormsh::shell::detach_interrupt_handling();
#ifndef ORMSH_FREE_HEAP_AT_EXIT
    // Ending the process here skips freeing, one by one, every object the script made (a
    // tenth of the time of a script that loads 100,000 rows). The database connections close
    // first, as freeing them would have; exit() still flushes the files a script left open.
    ormsh::engine::DriverConnection::close_all_for_exit();
    std::exit(status);
#endif
    return status;
}

} // namespace

int main(int argc, char** argv) {
    // Scripts run on a second thread (for its large stack), and glibc would give that thread
    // its own arena, grown a page at a time with mprotect(); one arena grows in larger steps.
    mallopt(M_ARENA_MAX, 1);
    ormsh::dialects::register_builtin_dialects();
    std::vector<std::string> args(argv + 1, argv + argc);
    auto parsed = ormsh::shell::parse_command_line(args, ::isatty(STDIN_FILENO));
    if (!parsed.command_line) {
        fmt::print(stderr, "ormsh: {}\n{}", parsed.error, ormsh::shell::usage_text());
        return kUsageError;
    }
    const CommandLine& cl = *parsed.command_line;
    if (cl.show_help) {
        fmt::print("{}", ormsh::shell::usage_text());
        return 0;
    }
    if (cl.show_version) {
        fmt::print("ormsh {}\n", ORMSH_VERSION);
        return 0;
    }
    return run(cl);
}
