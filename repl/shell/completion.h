// Tab completion for the interactive shell: Python keywords and the names in scope; attributes
// after a dot, found with dir() on the value of the dotted name before it (only names and
// attribute lookups are evaluated, never calls); dot-commands and their arguments; and string
// arguments of loader options — joinedload(' offers the relationships of the query's model.
#pragma once

#include "repl/lang/interpreter.h"

#include <string>
#include <vector>

namespace ormsh::shell {

// Candidates replacing line[start, end): full words, sorted, duplicates removed.
std::vector<std::string> complete(lang::Interpreter& in, const std::string& line, std::size_t start,
                                  std::size_t end);

} // namespace ormsh::shell
