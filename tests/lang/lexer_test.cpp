// Lexer unit tests: indentation tokens, implicit line joining, string and number literals, and
// the positions reported for lexical errors.
#include "repl/lang/interpreter.h"
#include "repl/lang/lexer.h"

#include <deque>
#include <gtest/gtest.h>

using namespace ormsh::lang;

namespace {

std::vector<Token> lex(const std::string& src) {
    static Interpreter in; // builtin types (interned strings) must exist
    // Tokens view their source text, which must outlive them.
    static std::deque<std::string> sources;
    Lexer lx(sources.emplace_back(src), "t.py");
    return lx.tokenize();
}

std::string kinds(const std::vector<Token>& toks) {
    std::string s;
    for (auto& t : toks) {
        switch (t.kind) {
        case Tok::Name:
            s += "N";
            break;
        case Tok::Int:
            s += "I";
            break;
        case Tok::Float:
            s += "F";
            break;
        case Tok::String:
            s += "S";
            break;
        case Tok::Op:
            s += t.text;
            break;
        case Tok::Newline:
            s += ";";
            break;
        case Tok::Indent:
            s += ">";
            break;
        case Tok::Dedent:
            s += "<";
            break;
        case Tok::End:
            s += "$";
            break;
        default:
            s += "?";
            break;
        }
    }
    return s;
}

} // namespace

TEST(Lexer, IndentDedent) {
    EXPECT_EQ(kinds(lex("if x:\n    y\nz\n")), "NN:;>N;<N;$");
}

TEST(Lexer, TabsAndBlankLines) {
    EXPECT_EQ(kinds(lex("if x:\n\ty\n\n   # c\n\tw\n")), "NN:;>N;N;<$");
}

TEST(Lexer, ImplicitJoinInBrackets) {
    EXPECT_EQ(kinds(lex("f(1,\n  2)\n")), "N(I,I);$");
}

TEST(Lexer, BackslashContinuation) {
    EXPECT_EQ(kinds(lex("x = 1 + \\\n  2\n")), "N=I+I;$");
}

TEST(Lexer, Numbers) {
    auto t = lex("0x_ff 1_000 0o17 0b101 1.5e3 .5 7.\n");
    EXPECT_EQ(t[0].ival, 255);
    EXPECT_EQ(t[1].ival, 1000);
    EXPECT_EQ(t[2].ival, 15);
    EXPECT_EQ(t[3].ival, 5);
    EXPECT_DOUBLE_EQ(t[4].fval, 1500.0);
    EXPECT_DOUBLE_EQ(t[5].fval, 0.5);
    EXPECT_DOUBLE_EQ(t[6].fval, 7.0);
    EXPECT_EQ(lex("123456789012345678901234567890\n")[0].kind, Tok::BigInt);
}

TEST(Lexer, StringEscapes) {
    auto t = lex("'a\\n\\x41\\u00e9' r'a\\n' \"\"\"x\ny\"\"\" b'\\xff'\n");
    EXPECT_EQ(t[0].text, "a\nA\xc3\xa9");
    EXPECT_EQ(t[1].text, "a\\n");
    EXPECT_EQ(t[2].text, "x\ny");
    EXPECT_EQ(t[3].kind, Tok::Bytes);
    EXPECT_EQ(t[3].text, "\xff");
}

TEST(Lexer, FStringKeptRaw) {
    auto t = lex("f'{x!r:>5}'\n");
    EXPECT_EQ(t[0].kind, Tok::FString);
    EXPECT_EQ(t[0].text, "{x!r:>5}");
}

TEST(Lexer, UnterminatedString) {
    try {
        lex("x = 'abc\n");
        FAIL();
    } catch (SyntaxErrorEx& e) {
        EXPECT_EQ(e.info.msg, "unterminated string literal (detected at line 1)");
        EXPECT_EQ(e.info.line, 1);
        EXPECT_EQ(e.info.col, 4);
    }
}

TEST(Lexer, NeverClosed) {
    // Reported lazily (the parser raises it at end of input, as CPython does).
    Lexer lx("print(1,\n  2\n", "t.py");
    lx.tokenize();
    ASSERT_TRUE(lx.eof_error.has_value());
    EXPECT_EQ(lx.eof_error->msg, "'(' was never closed");
    EXPECT_EQ(lx.eof_error->line, 1);
    EXPECT_EQ(lx.eof_error->col, 5);
}

TEST(Lexer, BadDedent) {
    try {
        lex("if x:\n    a\n  b\n");
        FAIL();
    } catch (SyntaxErrorEx& e) {
        EXPECT_EQ(e.info.type, "IndentationError");
        EXPECT_EQ(e.info.msg, "unindent does not match any outer indentation level");
        EXPECT_EQ(e.info.line, 3);
    }
}

TEST(Lexer, TooDeepNesting) {
    std::string src(300, '(');
    try {
        lex(src + "\n");
        FAIL();
    } catch (SyntaxErrorEx& e) {
        EXPECT_EQ(e.info.msg, "too many nested parentheses");
    }
}

// Every keyword and operator comes out with its own id (the parser compares ids only), and
// other names and longer words starting like a keyword with none.
TEST(Lexer, KeywordAndOperatorIds) {
    for (int i = 0; i < kSpellingCount; ++i) {
        std::string text(kSpellings[i]);
        // An operator follows a name, a closing bracket its opening one.
        std::string before = text == ")" ? "(" : text == "]" ? "[" : text == "}" ? "{" : "a";
        auto toks = lex(i < kKeywordCount ? text + "\n" : before + " " + text + "\n");
        const Token& t = toks[i < kKeywordCount ? 0 : 1];
        EXPECT_EQ(t.text, text);
        EXPECT_EQ(t.id, i + 1) << text;
        EXPECT_EQ(is_keyword_id(t.id), i < kKeywordCount) << text;
    }
    for (const char* name : {"x", "iff", "Nonex", "ande", "a_", "print", "match", "_"})
        EXPECT_EQ(lex(std::string(name) + "\n")[0].id, 0) << name;
    EXPECT_EQ(kinds(lex("a**=b//c>>=d...e->f:=g\n")), "N**=N//N>>=N...N->N:=N;$");
}
