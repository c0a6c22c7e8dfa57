// Nearest-name search for error suggestions: a weighted Levenshtein distance (substitutions,
// insertions and deletions cost 2, a change of case alone costs 1) with a cut-off that grows
// with the length of the names, so short names only match near-identical candidates.
#include "repl/lang/suggestions.h"

#include <algorithm>
#include <cctype>

namespace ormsh::lang {
namespace {

constexpr std::size_t kEditCost = 2;
constexpr std::size_t kCaseCost = 1;
// Candidates lists longer than this (huge modules) are not searched, to keep errors fast.
constexpr std::size_t kMaxCandidates = 750;
constexpr std::size_t kMaxNameLength = 40;

std::size_t substitution_cost(char a, char b) {
    if (a == b) return 0;
    if (std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b)))
        return kCaseCost;
    return kEditCost;
}

std::size_t weighted_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j * kEditCost;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i * kEditCost;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            row[j] = std::min({above + kEditCost, row[j - 1] + kEditCost,
                               diagonal + substitution_cost(a[i - 1], b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace

std::optional<std::string> closest_name(std::string_view name,
                                        const std::vector<std::string>& candidates) {
    if (candidates.size() > kMaxCandidates || name.size() > kMaxNameLength) return std::nullopt;
    std::optional<std::string> best;
    std::size_t best_distance = 0;
    for (const std::string& candidate : candidates) {
        if (candidate == name || candidate.size() > kMaxNameLength) continue;
        // Allow roughly one edit per three characters of the two names.
        std::size_t limit = (name.size() + candidate.size() + 3) * kEditCost / 6;
        std::size_t d = weighted_distance(name, candidate);
        if (d > limit) continue;
        if (!best || d < best_distance) {
            best = candidate;
            best_distance = d;
        }
    }
    return best;
}

} // namespace ormsh::lang
