// Options come before the script, as with python3: everything after FILE or -c CODE is the
// script's own sys.argv.
#include "repl/shell/command_line.h"

namespace ormsh::shell {

std::string usage_text() {
    return "usage: ormsh [OPTIONS] [-c CODE | FILE.py | -] [ARGS...]\n"
           "\n"
           "Runs SQLAlchemy / Flask-SQLAlchemy code against SQLite or PostgreSQL. With no\n"
           "script and a terminal on standard input, starts the interactive shell; a standard\n"
           "input that is not a terminal is run as a script.\n"
           "\n"
           "options:\n"
           "  -c CODE      run CODE (sys.argv[0] is '-c')\n"
           "  -i           stay in the interactive shell after the script or -c CODE\n"
           "  -q           no banner\n"
           "  --db URL     bind db, session, engine and the existing tables' models to URL\n"
           "               (default: $DATABASE_URL, else an in-memory SQLite database)\n"
           "  --echo       print every SQL statement and its parameters\n"
           "  --sandbox    run everything in a transaction that is rolled back at exit\n"
           "               (commit() still works inside the session)\n"
           "  -h, --help   show this help\n"
           "  -V, --version\n"
           "\n"
           "exit status: 0 success, 1 uncaught exception, 2 usage error, n sys.exit(n)\n"
           "environment: DATABASE_URL, ORMSH_HISTORY (history file, default ~/.ormsh_history)\n";
}

ParseResult parse_command_line(const std::vector<std::string>& args, bool stdin_is_terminal) {
    CommandLine cl;
    auto fail = [](std::string message) { return ParseResult{std::nullopt, std::move(message)}; };
    std::size_t i = 0;
    bool have_script = false;
    for (; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h")
            cl.show_help = true;
        else if (a == "--version" || a == "-V")
            cl.show_version = true;
        else if (a == "-i")
            cl.interactive_after = true;
        else if (a == "-q")
            cl.quiet = true;
        else if (a == "--echo")
            cl.echo = true;
        else if (a == "--sandbox")
            cl.sandbox = true;
        else if (a == "--db" || a.rfind("--db=", 0) == 0) {
            if (a == "--db") {
                if (i + 1 >= args.size()) return fail("argument expected for the --db option");
                cl.database_url = args[++i];
            } else {
                cl.database_url = a.substr(5);
            }
        } else if (a == "-c") {
            if (i + 1 >= args.size()) return fail("argument expected for the -c option");
            cl.source = CommandLine::Source::Code;
            cl.code = args[i + 1];
            cl.script_argv.push_back("-c");
            i += 2;
            have_script = true;
            break;
        } else if (a == "-") {
            cl.source = CommandLine::Source::Stdin;
            cl.script_argv.push_back("-");
            ++i;
            have_script = true;
            break;
        } else if (a.size() > 1 && a[0] == '-') {
            return fail("unknown option " + a);
        } else {
            cl.source = CommandLine::Source::File;
            cl.file = a;
            cl.script_argv.push_back(a);
            ++i;
            have_script = true;
            break;
        }
    }
    for (; i < args.size(); ++i)
        cl.script_argv.push_back(args[i]);
    if (!have_script && !stdin_is_terminal && !cl.interactive_after) {
        cl.source = CommandLine::Source::Stdin;
        cl.script_argv.push_back("");
    }
    return ParseResult{cl, ""};
}

} // namespace ormsh::shell
