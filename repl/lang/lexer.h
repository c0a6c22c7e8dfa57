// Lexer: turns Python source text into tokens, producing INDENT/DEDENT from leading whitespace,
// joining lines inside brackets and after a backslash, and decoding string literals. f-strings
// are kept raw here and split by the parser.
#pragma once

#include "repl/lang/spellings.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ormsh::lang {

enum class Tok : uint8_t {
    Name,
    Int,
    BigInt, // integer literal too large for int64: text kept in `text`
    Float,
    Imag,
    String,
    Bytes,
    FString, // raw body in `text`; `raw` set for rf-strings
    Op,
    Newline,
    Indent,
    Dedent,
    End,
};

struct Token {
    Tok kind;
    uint8_t id = 0; // keyword or operator (spellings.h), 0 for other tokens
    bool raw = false;
    char quote = '\'';
    int line;
    int col; // 0-based byte column
    int end_line;
    int end_col;
    // Name, operator, decoded string, or number text. Names, operators and strings without
    // escapes view the source text, which must outlive the tokens; other texts are in `owned`.
    std::string_view text;
    std::shared_ptr<const std::string> owned;
    int64_t ival = 0;
    double fval = 0;

    bool is(Spelling s) const { return id == s.id; }
    void own_text(std::string s) {
        owned = std::make_shared<const std::string>(std::move(s));
        text = *owned;
    }
};

// Raised for lexical and grammatical errors; formatted by the interpreter like CPython does.
struct SyntaxErrorInfo {
    std::string msg;
    std::string file;
    int line = 0;
    int col = 0;                      // 0-based
    int end_col = -1;                 // exclusive; -1 = single caret
    std::string type = "SyntaxError"; // or IndentationError / TabError
    bool show_location = true;        // false for errors about the whole file (its encoding)
    bool caret = true;
};

struct SyntaxErrorEx : std::runtime_error {
    SyntaxErrorInfo info;
    explicit SyntaxErrorEx(SyntaxErrorInfo i) : std::runtime_error(i.msg), info(std::move(i)) {}
};

class Lexer {
public:
    Lexer(std::string_view src, std::string file, int first_line = 1, int first_col = 0);
    std::vector<Token> tokenize();
    // An error found at end of input ("'(' was never closed"); CPython reports it only when
    // the parser reaches the end, so the parser raises it lazily.
    std::optional<SyntaxErrorInfo> eof_error;
    // Whether a name that class bodies mangle (`__x`) may occur, in a name or an f-string;
    // without one, private name mangling has nothing to do.
    bool saw_private_name = false;
    // Returns source line `n` (1-based), without its newline.
    static std::string source_line(std::string_view src, int n);

private:
    [[noreturn]] void error(const std::string& msg, int line, int col, int end_col = -1,
                            const char* type = "SyntaxError");
    void push(Tok k, int line, int col, std::string_view text = {}, uint8_t id = 0);
    void check_source_bytes();
    void lex_number();
    void lex_string(std::string_view prefix, int start_col);
    bool at_line_start_logic();

    std::string_view src_;
    std::string file_;
    size_t pos_ = 0;
    int line_;
    size_t line_start_ = 0;
    int col_base_;
    std::vector<Token> out_;
    std::vector<int> indents_{0};
    struct Open {
        char ch;
        int line, col;
    };
    std::vector<Open> brackets_;
};

} // namespace ormsh::lang
