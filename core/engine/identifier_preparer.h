// SQLAlchemy's IdentifierPreparer rules, shared by the dialects: when a name needs quoting
// and how it is quoted. Each dialect supplies its own reserved-word list.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

namespace ormsh::engine {

// True when `name` must be quoted: a reserved word (compared lower-case), any upper-case
// letter, a leading digit or '$', or a character outside [A-Za-z0-9_$].
bool identifier_requires_quotes(std::string_view name,
                                const std::unordered_set<std::string_view>& reserved);

// Wraps `name` in double quotes, doubling any embedded double quote.
std::string quote_always(std::string_view name);

} // namespace ormsh::engine
