// Scans the typed text once, as the tokenizer would, tracking only what decides completeness:
// bracket depth, open strings (triple-quoted ones span lines), comments, a trailing backslash,
// and whether a compound statement (a block) was opened. A block, as in Python's REPL, ends
// only at a blank line.
#include "repl/shell/input_completeness.h"

#include <array>
#include <cctype>
#include <string>

namespace ormsh::shell {
namespace {

constexpr std::array<std::string_view, 11> kCompoundKeywords = {
    "if", "for", "while", "def", "class", "with", "try", "async", "elif", "else", "except"};

bool is_identifier_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

bool is_blank(std::string_view line) {
    for (char c : line)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\f') return false;
    return true;
}

// The first word of a logical line opens a block: `if x: y` waits for a blank line too.
bool starts_compound_statement(std::string_view line) {
    std::size_t i = line.find_first_not_of(" \t");
    if (i == std::string_view::npos) return false;
    if (line[i] == '@') return true; // a decorator is followed by def or class
    std::size_t end = i;
    while (end < line.size() && is_identifier_char(line[end]))
        ++end;
    std::string_view word = line.substr(i, end - i);
    for (std::string_view kw : kCompoundKeywords)
        if (word == kw) return true;
    return word == "finally" || word == "match";
}

} // namespace

InputStatus input_status(std::string_view text) {
    int depth = 0;
    char quote = 0;      // the open string's quote character, 0 outside strings
    bool triple = false; // the open string is triple-quoted
    bool block = false;
    bool line_continues = false; // the last physical line ended with a backslash
    bool anything = false;       // any token at all (not only blanks and comments)
    bool at_logical_line_start = true;
    char last_significant = 0; // last non-blank character outside strings and comments
    std::size_t line_start = 0;

    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quote) {
            if (c == '\\' && i + 1 < text.size()) {
                ++i; // an escaped character, possibly a newline inside the string
                continue;
            }
            if (c == '\\') {
                line_continues = true; // backslash at the very end inside a string
                continue;
            }
            if (c == '\n' && !triple) {
                quote = 0; // an unterminated one-line string: a syntax error, reported on run
                at_logical_line_start = true;
                line_start = i + 1;
                continue;
            }
            if (c == quote) {
                if (!triple) {
                    quote = 0;
                } else if (text.substr(i, 3) == std::string(3, quote)) {
                    quote = 0;
                    i += 2;
                }
            }
            last_significant = 'a';
            continue;
        }
        if (c == '\n') {
            line_continues = false;
            if (depth == 0 && last_significant != '\\') {
                if (last_significant == ':') block = true;
                at_logical_line_start = true;
            }
            if (last_significant == '\\') last_significant = 'a';
            line_start = i + 1;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f') continue;
        if (c == '#') {
            while (i + 1 < text.size() && text[i + 1] != '\n')
                ++i;
            continue;
        }
        if (at_logical_line_start && depth == 0) {
            if (starts_compound_statement(text.substr(line_start))) block = true;
            at_logical_line_start = false;
        }
        anything = true;
        if (c == '\\') {
            if (i + 1 == text.size()) line_continues = true;
            last_significant = '\\';
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            triple = text.substr(i, 3) == std::string(3, c);
            if (triple) i += 2;
            last_significant = 'a';
            continue;
        }
        if (c == '(' || c == '[' || c == '{')
            ++depth;
        else if ((c == ')' || c == ']' || c == '}') && depth > 0)
            --depth;
        last_significant = c;
    }

    if (!anything) return InputStatus::Empty;
    if ((quote && triple) || depth > 0 || line_continues) return InputStatus::Incomplete;
    if (last_significant == ':') block = true;
    if (!block) return InputStatus::Complete;
    // A block runs once a blank line follows it.
    std::size_t last_newline = text.rfind('\n');
    if (last_newline == std::string_view::npos) return InputStatus::Incomplete;
    return is_blank(text.substr(last_newline + 1)) ? InputStatus::Complete
                                                   : InputStatus::Incomplete;
}

} // namespace ormsh::shell
