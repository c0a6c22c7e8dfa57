// The regular-expression engine behind the `re` module: Python pattern syntax translated to
// PCRE2's where the two differ, compiled once per (pattern, flags) and cached, and matched
// with byte offsets. Only regex_engine.cpp includes PCRE2's header.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ormsh::api::stdlib::regex {

// Python's re flag values.
enum Flag : int64_t {
    kTemplate = 1,
    kIgnoreCase = 2,
    kLocale = 4,
    kMultiline = 8,
    kDotAll = 16,
    kUnicode = 32,
    kVerbose = 64,
    kDebug = 128,
    kAscii = 256,
};

struct CompileError {
    std::string message; // CPython-style text, without " at position N"
    int64_t pos = -1;    // character position in the pattern, -1 when unknown
};

class Regex {
public:
    ~Regex();
    Regex(const Regex&) = delete;
    Regex& operator=(const Regex&) = delete;

    const std::string& pattern() const { return pattern_; }
    int64_t flags() const { return flags_; }
    int groups() const { return groups_; }
    // (name, group number) in group order.
    const std::vector<std::pair<std::string, int>>& names() const { return names_; }

    enum class Mode { Search, Match, FullMatch };
    // Matches `subject` (only its first `end` bytes are visible) from byte `start`. On success
    // fills `spans` with 2 * (groups + 1) byte offsets, -1 for groups that did not take part,
    // and returns the highest group number that matched (Python's lastindex when > 0).
    // `not_empty_at_start` forbids an empty match at `start` (iteration after an empty match).
    int match(std::string_view subject, size_t start, size_t end, Mode mode,
              bool not_empty_at_start, std::vector<int64_t>& spans) const;

    // Compiles (or returns the cached) pattern; throws CompileError.
    static std::shared_ptr<const Regex> compile(const std::string& pattern, int64_t flags);

private:
    Regex() = default;
    std::string pattern_;
    int64_t flags_ = 0;
    int groups_ = 0;
    std::vector<std::pair<std::string, int>> names_;
    void* code_ = nullptr; // pcre2_code_8
};

// Python's pattern syntax in PCRE2's terms: \Z, \v, \uXXXX, \UXXXXXXXX and {,n} quantifiers.
std::string translate_pattern(std::string_view python_pattern);

// re.escape().
std::string escape(std::string_view s);

} // namespace ormsh::api::stdlib::regex
