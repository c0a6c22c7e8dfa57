// Replacement templates of re.sub and Match.expand: "\\1", "\\g<name>", "\\g<2>" and the string
// escapes, parsed once into literal pieces and group references with CPython's errors.
#pragma once

#include "repl/api/stdlib/module_util.h"
#include "repl/api/stdlib/regex_engine.h"

#include <string>
#include <vector>

namespace ormsh::api::stdlib {

struct TemplatePiece {
    std::string literal;
    int group = -1; // >= 0: insert this group
};

// Raises re.error (a bad escape, an invalid group reference) or IndexError (unknown name).
std::vector<TemplatePiece> parse_template(Interpreter& in, const Value& tmpl,
                                          const regex::Regex& re);
// Appends the expansion for one match (`spans`: byte offsets, -1 for unmatched groups).
void expand_into(std::string& out, const std::vector<TemplatePiece>& pieces, const std::string& s,
                 const std::vector<int64_t>& spans);

// re.error(msg, pattern, pos), defined with the module in re_module.cpp.
[[noreturn]] void raise_re_error(Interpreter& in, const std::string& msg, const Value& pattern,
                                 int64_t pos);

} // namespace ormsh::api::stdlib
