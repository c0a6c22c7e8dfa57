// IdentifierPreparer rules (sqlalchemy/sql/compiler.py, _requires_quotes): quote what the
// database would fold, misparse or reject, leave plain lower-case names bare.
#include "core/engine/identifier_preparer.h"

namespace ormsh::engine {

bool identifier_requires_quotes(std::string_view name,
                                const std::unordered_set<std::string_view>& reserved) {
    if (name.empty()) return true;
    std::string lower;
    lower.reserve(name.size());
    bool has_upper = false;
    for (char c : name) {
        bool legal = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                     c == '_' || c == '$';
        if (!legal) return true;
        if (c >= 'A' && c <= 'Z') {
            has_upper = true;
            c = static_cast<char>(c - 'A' + 'a');
        }
        lower += c;
    }
    if (has_upper) return true;
    if ((name[0] >= '0' && name[0] <= '9') || name[0] == '$') return true;
    return reserved.count(lower) != 0;
}

std::string quote_always(std::string_view name) {
    std::string out = "\"";
    for (char c : name) {
        if (c == '"')
            out += "\"\"";
        else
            out += c;
    }
    out += '"';
    return out;
}

} // namespace ormsh::engine
