// Decides whether what has been typed at the prompt so far is a whole statement to run, or
// needs more lines (the `... ` prompt), the way Python's interactive loop decides. Pure: the
// same text always gives the same answer, so it is table-tested.
#pragma once

#include <string_view>

namespace ormsh::shell {

enum class InputStatus {
    Empty,      // only blanks and comments: nothing to run, show a fresh prompt
    Incomplete, // an open bracket, string, backslash continuation or block: read another line
    Complete,   // run it (a syntax error in it is reported when it runs)
};

// `text` is every line typed since the last `>>> ` prompt, joined with '\n' (no final newline).
InputStatus input_status(std::string_view text);

} // namespace ormsh::shell
