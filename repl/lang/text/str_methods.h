// Python's str methods over UTF-8 std::string with code-point semantics: indices, lengths and
// widths count code points; case mapping and classification use the full Unicode tables of
// CPython 3.11 (unicode_db.h). Results that are pieces of the input are string_views into it,
// so the caller must keep the input alive while it uses them.
#pragma once

#include "repl/lang/text/slice.h"
#include "repl/lang/text/str_repr.h"
#include "repl/lang/text/unicode_db.h"
#include "repl/lang/text/utf8.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ormsh::lang::text {

using OptIndex = std::optional<int64_t>;

// --- length, indexing, slicing -------------------------------------------------------------
inline size_t str_len(std::string_view s) {
    return utf8_length(s);
}
// The code point at a normalised index 0 <= index < str_len(s) (see adjust_index).
std::string_view str_at(std::string_view s, size_t index);
// s[start:stop:step] with indices from adjust_slice(str_len(s), ...).
std::string str_slice(std::string_view s, const SliceIndices& slice);
// s[start:stop] for normalised 0 <= start <= stop <= len: no copy.
std::string_view str_substr(std::string_view s, size_t start, size_t stop);

// --- splitting and joining -----------------------------------------------------------------
// str.split(sep=None, maxsplit=-1); sep nullopt splits on runs of whitespace. An empty sep
// throws ValueError "empty separator".
std::vector<std::string_view> str_split(std::string_view s,
                                        std::optional<std::string_view> sep = std::nullopt,
                                        int64_t maxsplit = -1);
std::vector<std::string_view> str_rsplit(std::string_view s,
                                         std::optional<std::string_view> sep = std::nullopt,
                                         int64_t maxsplit = -1);
// str.splitlines(keepends): \n \r \r\n \v \f \x1c \x1d \x1e \x85 \u2028 \u2029 end lines.
std::vector<std::string_view> str_splitlines(std::string_view s, bool keepends = false);
// str.partition / rpartition (ValueError "empty separator").
std::array<std::string_view, 3> str_partition(std::string_view s, std::string_view sep);
std::array<std::string_view, 3> str_rpartition(std::string_view s, std::string_view sep);

// --- stripping -----------------------------------------------------------------------------
// chars nullopt strips whitespace; otherwise any of the code points in chars.
std::string_view str_strip(std::string_view s, std::optional<std::string_view> chars = {});
std::string_view str_lstrip(std::string_view s, std::optional<std::string_view> chars = {});
std::string_view str_rstrip(std::string_view s, std::optional<std::string_view> chars = {});
// str.removeprefix / removesuffix.
std::string_view str_removeprefix(std::string_view s, std::string_view prefix);
std::string_view str_removesuffix(std::string_view s, std::string_view suffix);

// --- searching (code-point indices; start/end as in s.find(sub, start, end)) ---------------
int64_t str_find(std::string_view s, std::string_view sub, OptIndex start = {}, OptIndex end = {});
int64_t str_rfind(std::string_view s, std::string_view sub, OptIndex start = {}, OptIndex end = {});
// Like find/rfind but throw ValueError "substring not found".
int64_t str_index(std::string_view s, std::string_view sub, OptIndex start = {}, OptIndex end = {});
int64_t str_rindex(std::string_view s, std::string_view sub, OptIndex start = {},
                   OptIndex end = {});
int64_t str_count(std::string_view s, std::string_view sub, OptIndex start = {}, OptIndex end = {});
bool str_startswith(std::string_view s, std::string_view prefix, OptIndex start = {},
                    OptIndex end = {});
bool str_endswith(std::string_view s, std::string_view suffix, OptIndex start = {},
                  OptIndex end = {});
// Byte-level containment (`sub in s`): UTF-8 makes it equal to the code-point answer.
inline bool str_contains(std::string_view s, std::string_view sub) {
    return s.find(sub) != std::string_view::npos;
}

// --- building ------------------------------------------------------------------------------
// str.replace(old, new, count=-1); count < 0 replaces all.
std::string str_replace(std::string_view s, std::string_view old, std::string_view repl,
                        int64_t count = -1);
// center/ljust/rjust with a one-code-point fill (the caller checks "The fill character must
// be exactly one character long"); width counts code points.
std::string str_center(std::string_view s, int64_t width, std::string_view fill = " ");
std::string str_ljust(std::string_view s, int64_t width, std::string_view fill = " ");
std::string str_rjust(std::string_view s, int64_t width, std::string_view fill = " ");
std::string str_zfill(std::string_view s, int64_t width);
std::string str_expandtabs(std::string_view s, int64_t tabsize = 8);
// s * n (n <= 0 gives "").
std::string str_repeat(std::string_view s, int64_t n);

// --- case mapping (full Unicode mappings, final sigma handled in lower()) ---------------------
std::string str_upper(std::string_view s);
std::string str_lower(std::string_view s);
std::string str_casefold(std::string_view s);
std::string str_capitalize(std::string_view s);
std::string str_title(std::string_view s);
std::string str_swapcase(std::string_view s);

// --- classification (False for the empty string, like CPython) -------------------------------
bool str_isdigit(std::string_view s);
bool str_isdecimal(std::string_view s);
bool str_isnumeric(std::string_view s);
bool str_isalpha(std::string_view s);
bool str_isalnum(std::string_view s);
bool str_isspace(std::string_view s);
bool str_isupper(std::string_view s);
bool str_islower(std::string_view s);
bool str_istitle(std::string_view s);
bool str_isidentifier(std::string_view s);
bool str_isprintable(std::string_view s); // True for ""
inline bool str_isascii(std::string_view s) {
    return is_ascii(s);
} // True for ""

} // namespace ormsh::lang::text
