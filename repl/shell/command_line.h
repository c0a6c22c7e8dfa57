// ormsh's command line: what to run (a script, -c CODE, standard input, or the interactive
// shell) and the options around it. Parsing is pure; usage errors become exit status 2.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace ormsh::shell {

struct CommandLine {
    enum class Source { Interactive, File, Code, Stdin } source = Source::Interactive;
    std::string file;                        // Source::File
    std::string code;                        // Source::Code
    std::vector<std::string> script_argv;    // sys.argv
    bool interactive_after = false;          // -i
    bool quiet = false;                      // -q
    bool echo = false;                       // --echo
    bool sandbox = false;                    // --sandbox
    std::optional<std::string> database_url; // --db
    bool show_help = false;
    bool show_version = false;
};

struct ParseResult {
    std::optional<CommandLine> command_line;
    std::string error; // set when command_line is empty
};

// `stdin_is_terminal` decides what no script means: the shell, or a script on standard input.
ParseResult parse_command_line(const std::vector<std::string>& args, bool stdin_is_terminal);

// The --help text.
std::string usage_text();

} // namespace ormsh::shell
