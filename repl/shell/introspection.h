// What the dot-commands and completion ask about the database and the models: table names,
// a table's CREATE TABLE text, the mapped classes in scope and their columns and
// relationships. Written as a small Python module (`_ormsh_shell`) run by the interpreter, so
// it sees models exactly as scripts do.
#pragma once

#include "repl/lang/interpreter.h"

#include <string>
#include <vector>

namespace ormsh::shell {

// The `_ormsh_shell` helper module, created on first use.
lang::Module& shell_helpers(lang::Interpreter& in);

// Calls helper `name` with `args`; Python errors propagate as lang::PyException.
lang::Value call_helper(lang::Interpreter& in, const char* name,
                        std::initializer_list<lang::Value> args);

// Strings of a Python list, or empty when the call fails (completion must never raise).
std::vector<std::string> helper_strings(lang::Interpreter& in, const char* name,
                                        std::initializer_list<lang::Value> args);

} // namespace ormsh::shell
