// Lexer implementation: a single forward pass over the source bytes. Columns are byte offsets
// from the start of the line; the error formatter converts them for display.
#include "repl/lang/lexer.h"

#include "repl/lang/text/utf8.h"

#include <algorithm>
#include <cstring>
#include <fmt/core.h>

namespace ormsh::lang {

// CPython's tokenizer limit on nested blocks (MAXINDENT).
constexpr size_t kMaxIndentLevels = 100;

namespace {

void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool is_ident_start(unsigned char c) {
    return c == '_' || static_cast<unsigned>((c | 0x20) - 'a') < 26u || c >= 0x80;
}
bool is_ident_char(unsigned char c) {
    return is_ident_start(c) || static_cast<unsigned>(c - '0') < 10u;
}
int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

} // namespace

Lexer::Lexer(std::string_view src, std::string file, int first_line, int first_col)
    : src_(src), file_(std::move(file)), line_(first_line), col_base_(first_col) {}

std::string Lexer::source_line(std::string_view src, int n) {
    size_t pos = 0;
    for (int i = 1; i < n; ++i) {
        size_t nl = src.find('\n', pos);
        if (nl == std::string_view::npos) return {};
        pos = nl + 1;
    }
    size_t end = src.find('\n', pos);
    std::string_view l =
        src.substr(pos, end == std::string_view::npos ? src.size() - pos : end - pos);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    return std::string(l);
}

void Lexer::error(const std::string& msg, int line, int col, int end_col, const char* type) {
    SyntaxErrorInfo info;
    info.msg = msg;
    info.file = file_;
    info.line = line;
    info.col = col;
    info.end_col = end_col;
    info.type = type;
    throw SyntaxErrorEx(std::move(info));
}

void Lexer::push(Tok k, int line, int col, std::string_view text, uint8_t id) {
    Token& t = out_.emplace_back();
    t.kind = k;
    t.id = id;
    t.line = line;
    t.col = col;
    t.end_line = line_;
    t.end_col = static_cast<int>(pos_ - line_start_) + col_base_;
    t.text = text;
}

void Lexer::lex_number() {
    size_t start = pos_;
    int col = static_cast<int>(pos_ - line_start_) + col_base_;
    auto peek = [&](size_t o = 0) -> char {
        return pos_ + o < src_.size() ? src_[pos_ + o] : '\0';
    };
    std::string digits;
    int base = 10;
    bool is_float = false;
    if (peek() == '0' && (peek(1) == 'x' || peek(1) == 'X' || peek(1) == 'o' || peek(1) == 'O' ||
                          peek(1) == 'b' || peek(1) == 'B')) {
        char b = static_cast<char>(std::tolower(peek(1)));
        base = b == 'x' ? 16 : b == 'o' ? 8 : 2;
        pos_ += 2;
        while (pos_ < src_.size()) {
            char c = src_[pos_];
            if (c == '_') {
                ++pos_;
                continue;
            }
            int v = hexval(c);
            if (v < 0 || v >= base) break;
            digits += c;
            ++pos_;
        }
        if (digits.empty())
            error("invalid " +
                      std::string(base == 16  ? "hexadecimal"
                                  : base == 8 ? "octal"
                                              : "binary") +
                      " literal",
                  line_, col);
    } else {
        while (pos_ < src_.size() &&
               (std::isdigit(static_cast<unsigned char>(src_[pos_])) || src_[pos_] == '_')) {
            if (src_[pos_] != '_') digits += src_[pos_];
            ++pos_;
        }
        if (peek() == '.' && !(peek(1) == '.' && peek(2) == '.')) {
            is_float = true;
            digits += '.';
            ++pos_;
            while (pos_ < src_.size() &&
                   (std::isdigit(static_cast<unsigned char>(src_[pos_])) || src_[pos_] == '_')) {
                if (src_[pos_] != '_') digits += src_[pos_];
                ++pos_;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            size_t save = pos_;
            std::string exp = "e";
            ++pos_;
            if (peek() == '+' || peek() == '-') exp += src_[pos_++];
            if (std::isdigit(static_cast<unsigned char>(peek()))) {
                while (
                    pos_ < src_.size() &&
                    (std::isdigit(static_cast<unsigned char>(src_[pos_])) || src_[pos_] == '_')) {
                    if (src_[pos_] != '_') exp += src_[pos_];
                    ++pos_;
                }
                digits += exp;
                is_float = true;
            } else {
                pos_ = save;
            }
        }
    }
    if (peek() == 'j' || peek() == 'J') error("complex numbers are not supported", line_, col);
    if (is_ident_start(static_cast<unsigned char>(peek())))
        error("invalid decimal literal", line_, col);
    (void)start;
    Token t;
    t.line = line_;
    t.col = col;
    t.end_line = line_;
    t.end_col = static_cast<int>(pos_ - line_start_) + col_base_;
    if (is_float) {
        t.kind = Tok::Float;
        t.fval = std::strtod(digits.c_str(), nullptr);
        t.own_text(std::move(digits));
    } else {
        // Strip leading zeros for decimal; detect overflow.
        unsigned __int128 acc = 0;
        bool big = false;
        for (char c : digits) {
            acc = acc * base + hexval(c);
            if (acc > static_cast<unsigned __int128>(INT64_MAX)) {
                big = true;
                break;
            }
        }
        if (big) {
            t.kind = Tok::BigInt;
            t.own_text((base == 16 ? "0x" : base == 8 ? "0o" : base == 2 ? "0b" : "") + digits);
        } else {
            t.kind = Tok::Int;
            t.ival = static_cast<int64_t>(acc);
        }
    }
    out_.push_back(std::move(t));
}

void Lexer::lex_string(std::string_view prefix, int start_col) {
    bool raw = false, bytes = false, fstr = false;
    for (char c : prefix) {
        char l = static_cast<char>(std::tolower(c));
        if (l == 'r') raw = true;
        if (l == 'b') bytes = true;
        if (l == 'f') fstr = true;
    }
    int start_line = line_;
    char q = src_[pos_];
    bool triple = pos_ + 2 < src_.size() && src_[pos_ + 1] == q && src_[pos_ + 2] == q;
    pos_ += triple ? 3 : 1;
    // The text is a view of the source until an escape sequence needs decoding; from then on
    // it is built in `out`.
    const size_t body_start = pos_;
    size_t body_end = pos_;
    bool decoding = false;
    std::string out;
    for (;;) {
        if (pos_ >= src_.size()) {
            // CPython counts the last line of the file, not the empty one after its newline.
            int last_line = !src_.empty() && src_.back() == '\n' ? line_ - 1 : line_;
            if (triple)
                error("unterminated triple-quoted string literal (detected at line " +
                          std::to_string(last_line) + ")",
                      start_line, start_col);
            error("unterminated string literal (detected at line " + std::to_string(line_) + ")",
                  start_line, start_col);
        }
        // A run of plain characters is copied at once.
        size_t plain = pos_;
        while (plain < src_.size() && src_[plain] != q && src_[plain] != '\\' &&
               src_[plain] != '\n')
            ++plain;
        if (decoding) out.append(src_.data() + pos_, plain - pos_);
        pos_ = plain;
        if (pos_ >= src_.size()) continue;
        char c = src_[pos_];
        if (c == q) {
            if (!triple) {
                body_end = pos_++;
                break;
            }
            if (pos_ + 2 < src_.size() && src_[pos_ + 1] == q && src_[pos_ + 2] == q) {
                body_end = pos_;
                pos_ += 3;
                break;
            }
            if (decoding) out += c;
            ++pos_;
            continue;
        }
        if (c == '\n') {
            if (!triple)
                error("unterminated string literal (detected at line " + std::to_string(line_) +
                          ")",
                      start_line, start_col);
            if (decoding) out += c;
            ++pos_;
            ++line_;
            line_start_ = pos_;
            col_base_ = 0;
            continue;
        }
        if (c == '\\' && pos_ + 1 < src_.size()) {
            char n = src_[pos_ + 1];
            if (raw || fstr) {
                // Raw strings keep the backslash; f-strings are decoded piecewise by the parser.
                if (decoding) {
                    out += c;
                    out += n;
                }
                pos_ += 2;
                if (n == '\n') {
                    ++line_;
                    line_start_ = pos_;
                    col_base_ = 0;
                }
                continue;
            }
            if (!decoding) {
                out.assign(src_.data() + body_start, pos_ - body_start);
                decoding = true;
            }
            pos_ += 2;
            switch (n) {
            case '\n':
                ++line_;
                line_start_ = pos_;
                col_base_ = 0;
                break;
            case 'n':
                out += '\n';
                break;
            case 't':
                out += '\t';
                break;
            case 'r':
                out += '\r';
                break;
            case '\\':
                out += '\\';
                break;
            case '\'':
                out += '\'';
                break;
            case '"':
                out += '"';
                break;
            case 'a':
                out += '\a';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'v':
                out += '\v';
                break;
            case 'x': {
                int h1 = pos_ < src_.size() ? hexval(src_[pos_]) : -1;
                int h2 = pos_ + 1 < src_.size() ? hexval(src_[pos_ + 1]) : -1;
                if (h1 < 0 || h2 < 0)
                    error("(unicode error) 'unicodeescape' codec can't decode bytes: truncated "
                          "\\xXX escape",
                          start_line, start_col);
                pos_ += 2;
                if (bytes)
                    out += static_cast<char>(h1 * 16 + h2);
                else
                    append_utf8(out, static_cast<uint32_t>(h1 * 16 + h2));
                break;
            }
            case 'u':
            case 'U': {
                if (bytes) {
                    out += '\\';
                    out += n;
                    break;
                }
                int len = n == 'u' ? 4 : 8;
                uint32_t cp = 0;
                for (int i = 0; i < len; ++i) {
                    int h = pos_ < src_.size() ? hexval(src_[pos_]) : -1;
                    if (h < 0)
                        error("(unicode error) 'unicodeescape' codec can't decode bytes: truncated "
                              "escape",
                              start_line, start_col);
                    cp = cp * 16 + static_cast<uint32_t>(h);
                    ++pos_;
                }
                append_utf8(out, cp);
                break;
            }
            default:
                if (n >= '0' && n <= '7') {
                    uint32_t v = static_cast<uint32_t>(n - '0');
                    for (int i = 0;
                         i < 2 && pos_ < src_.size() && src_[pos_] >= '0' && src_[pos_] <= '7'; ++i)
                        v = v * 8 + static_cast<uint32_t>(src_[pos_++] - '0');
                    if (bytes)
                        out += static_cast<char>(v & 0xFF);
                    else
                        append_utf8(out, v);
                } else {
                    out += '\\';
                    out += n;
                }
            }
            continue;
        }
        if (decoding) out += c;
        ++pos_;
    }
    Token t;
    t.kind = fstr ? Tok::FString : bytes ? Tok::Bytes : Tok::String;
    // Names in an f-string's expressions are lexed later, by the parser.
    if (fstr && src_.substr(body_start, body_end - body_start).find("__") != std::string_view::npos)
        saw_private_name = true;
    t.line = start_line;
    t.col = start_col;
    t.end_line = line_;
    t.end_col = static_cast<int>(pos_ - line_start_) + col_base_;
    if (decoding)
        t.own_text(std::move(out));
    else
        t.text = src_.substr(body_start, body_end - body_start);
    t.raw = raw;
    t.quote = q;
    out_.push_back(std::move(t));
}

// CPython refuses a source with a NUL byte, and a file that is not UTF-8 (no coding
// declarations are supported) before tokenizing anything.
void Lexer::check_source_bytes() {
    size_t nul = src_.find('\0');
    size_t bad = text::utf8_invalid_offset(src_);
    if (nul == std::string_view::npos && bad == std::string_view::npos) return;
    auto line_of = [&](size_t offset) {
        return line_ + static_cast<int>(std::count(src_.begin(), src_.begin() + offset, '\n'));
    };
    if (nul < bad) {
        SyntaxErrorInfo info;
        info.msg = "source code cannot contain null bytes";
        info.file = file_;
        info.line = line_of(nul);
        info.caret = false;
        throw SyntaxErrorEx(std::move(info));
    }
    SyntaxErrorInfo info;
    info.msg = fmt::format("Non-UTF-8 code starting with '\\x{:02x}' in file {} on line {}, but "
                           "no encoding declared; see https://peps.python.org/pep-0263/ for "
                           "details",
                           static_cast<unsigned char>(src_[bad]), file_, line_of(bad));
    info.file = file_;
    info.line = line_of(bad);
    info.show_location = false;
    throw SyntaxErrorEx(std::move(info));
}

std::vector<Token> Lexer::tokenize() {
    check_source_bytes();
    // About one token per four or five bytes of source, so the vector rarely grows.
    out_.reserve(src_.size() / 4 + 16);
    bool at_bol = true;
    while (pos_ <= src_.size()) {
        if (at_bol && brackets_.empty()) {
            // Measure indentation; skip blank and comment-only lines.
            int width = 0;
            size_t p = pos_;
            while (p < src_.size() && (src_[p] == ' ' || src_[p] == '\t' || src_[p] == '\f')) {
                if (src_[p] == '\t')
                    width = (width / 8 + 1) * 8;
                else if (src_[p] == ' ')
                    ++width;
                else
                    width = 0;
                ++p;
            }
            if (p >= src_.size()) {
                pos_ = p;
                break;
            }
            if (src_[p] == '#' || src_[p] == '\n' || src_[p] == '\r' ||
                (src_[p] == '\\' && p + 1 < src_.size() && src_[p + 1] == '\n')) {
                if (src_[p] == '#') p = std::min(src_.find('\n', p), src_.size());
                // A comment may end the input: no byte to look at past it.
                if (p < src_.size() && src_[p] == '\\') ++p;
                if (p < src_.size() && src_[p] == '\r') ++p;
                if (p < src_.size()) ++p; // newline
                pos_ = p;
                ++line_;
                line_start_ = pos_;
                col_base_ = 0;
                continue;
            }
            pos_ = p;
            int col = static_cast<int>(pos_ - line_start_) + col_base_;
            if (width > indents_.back()) {
                if (out_.empty()) error("unexpected indent", line_, col, -1, "IndentationError");
                if (indents_.size() >= kMaxIndentLevels) {
                    SyntaxErrorInfo info{"too many levels of indentation", file_, line_, col};
                    info.type = "IndentationError";
                    info.caret = false;
                    throw SyntaxErrorEx(std::move(info));
                }
                indents_.push_back(width);
                push(Tok::Indent, line_, col);
            } else {
                while (width < indents_.back()) {
                    indents_.pop_back();
                    push(Tok::Dedent, line_, col);
                }
                if (width != indents_.back())
                    error("unindent does not match any outer indentation level", line_, col, -1,
                          "IndentationError");
            }
            at_bol = false;
        }
        if (pos_ >= src_.size()) break;
        char c = src_[pos_];
        int col = static_cast<int>(pos_ - line_start_) + col_base_;
        if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
            ++pos_;
            continue;
        }
        if (c == '#') {
            pos_ = std::min(src_.find('\n', pos_), src_.size());
            continue;
        }
        if (c == '\\') {
            size_t p = pos_ + 1;
            if (p < src_.size() && src_[p] == '\r') ++p;
            if (p < src_.size() && src_[p] == '\n') {
                pos_ = p + 1;
                ++line_;
                line_start_ = pos_;
                col_base_ = 0;
                continue;
            }
            if (p >= src_.size()) error("unexpected EOF while parsing", line_, col);
            error("unexpected character after line continuation character", line_, col + 1);
        }
        if (c == '\n') {
            if (brackets_.empty()) {
                if (!out_.empty() && out_.back().kind != Tok::Newline)
                    push(Tok::Newline, line_, col);
                at_bol = true;
            }
            ++pos_;
            ++line_;
            line_start_ = pos_;
            col_base_ = 0;
            continue;
        }
        if (std::isdigit(static_cast<unsigned char>(c)) ||
            (c == '.' && pos_ + 1 < src_.size() &&
             std::isdigit(static_cast<unsigned char>(src_[pos_ + 1])))) {
            lex_number();
            continue;
        }
        if (is_ident_start(static_cast<unsigned char>(c))) {
            size_t s = pos_;
            while (pos_ < src_.size() && is_ident_char(static_cast<unsigned char>(src_[pos_])))
                ++pos_;
            std::string_view word = src_.substr(s, pos_ - s);
            if (pos_ < src_.size() && (src_[pos_] == '\'' || src_[pos_] == '"') &&
                word.size() <= 2) {
                bool ok = true;
                for (char ch : word) {
                    char l = static_cast<char>(std::tolower(ch));
                    if (l != 'r' && l != 'b' && l != 'f' && l != 'u') ok = false;
                }
                if (ok) {
                    lex_string(word, col);
                    continue;
                }
            }
            if (word.size() >= 3 && word.starts_with("__") &&
                !(word.size() >= 4 && word.ends_with("__")))
                saw_private_name = true;
            push(Tok::Name, line_, col, word, keyword_id(word));
            continue;
        }
        if (c == '\'' || c == '"') {
            lex_string("", col);
            continue;
        }
        // Operators.
        size_t op_length = 0;
        uint8_t op_id = operator_id(src_.substr(pos_), op_length);
        if (op_id == 0) {
            if (static_cast<unsigned char>(c) < 0x80 && c != '!') {
                error(std::string("invalid character '") + c + "' (U+00" +
                          "0123456789ABCDEF"[(c >> 4) & 15] + "0123456789ABCDEF"[c & 15] + ")",
                      line_, col);
            }
            error("invalid syntax", line_, col);
        }
        std::string_view op = kSpellings[op_id - 1];
        bool single = op.size() == 1;
        if (single && (c == '(' || c == '[' || c == '{')) {
            brackets_.push_back({op[0], line_, col});
            if (brackets_.size() > 200) error("too many nested parentheses", line_, col);
        } else if (single && (c == ')' || c == ']' || c == '}')) {
            if (brackets_.empty()) error("unmatched '" + std::string(op) + "'", line_, col);
            char open = brackets_.back().ch;
            char want = open == '(' ? ')' : open == '[' ? ']' : '}';
            if (want != op[0]) {
                std::string message = "closing parenthesis '" + std::string(op) +
                                      "' does not match opening parenthesis '" + open + "'";
                if (brackets_.back().line != line_)
                    message += " on line " + std::to_string(brackets_.back().line);
                error(message, line_, col);
            }
            brackets_.pop_back();
        }
        pos_ += op.size();
        push(Tok::Op, line_, col, op, op_id);
    }
    if (!brackets_.empty()) {
        auto b = brackets_.back();
        SyntaxErrorInfo info;
        info.msg = std::string("'") + b.ch + "' was never closed";
        info.file = file_;
        info.line = b.line;
        info.col = b.col;
        eof_error = info;
    }
    int col = static_cast<int>(pos_ - line_start_) + col_base_;
    if (!out_.empty() && out_.back().kind != Tok::Newline) push(Tok::Newline, line_, col);
    while (indents_.size() > 1) {
        indents_.pop_back();
        push(Tok::Dedent, line_, 0);
    }
    push(Tok::End, line_, 0);
    return std::move(out_);
}

} // namespace ormsh::lang
