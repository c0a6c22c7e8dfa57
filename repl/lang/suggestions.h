// "Did you mean" suggestions for NameError and AttributeError, appended to a traceback's last
// line as CPython 3.11 does ("... is not defined. Did you mean: 'username'?").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ormsh::lang {

// The candidate closest to `name` by an edit distance where a change of case costs less than
// any other edit, or nullopt when none is close enough to be a plausible typo.
std::optional<std::string> closest_name(std::string_view name,
                                        const std::vector<std::string>& candidates);

} // namespace ormsh::lang
