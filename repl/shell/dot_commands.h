// The dot-commands of the interactive shell (`.tables`, `.mode table`, ...), in the sqlite3
// shell's tradition: a registry of name, usage, one help line, what its argument completes
// to, and the handler.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ormsh::shell {

class Shell;

// What Tab completes in a dot-command's argument.
enum class ArgCompletion { None, Table, Model, OnOff, Mode, File };

struct DotCommand {
    std::string_view name;  // ".tables"
    std::string_view usage; // ".schema [TABLE]"
    std::string_view help;  // one line
    ArgCompletion completion;
    void (*run)(Shell& shell, const std::string& argument);
};

const std::vector<DotCommand>& dot_commands();
// The command named exactly `name`, or a unique command `name` is a prefix of (".tab").
const DotCommand* find_dot_command(std::string_view name);

} // namespace ormsh::shell
