// Parser unit tests: the shapes of statements and expressions, and SyntaxError messages with
// their line, column and the caret line printed like CPython.
#include "repl/lang/interpreter.h"
#include "repl/lang/parser.h"

#include <gtest/gtest.h>

using namespace ormsh::lang;

namespace {

Interpreter& interp() {
    static Interpreter in;
    return in;
}

Program parse(const std::string& src) {
    interp();
    return parse_program(src, "t.py");
}

SyntaxErrorInfo error_of(const std::string& src) {
    try {
        parse(src);
    } catch (SyntaxErrorEx& e) {
        return e.info;
    }
    ADD_FAILURE() << "no syntax error for: " << src;
    return {};
}

std::string caret(const std::string& src) {
    interp().sources["t.py"] = std::make_shared<std::string>(src);
    return interp().format_syntax_error(error_of(src));
}

} // namespace

TEST(Parser, Statements) {
    auto p = parse(
        "x = 1\nif x:\n    pass\nelif y:\n    pass\nelse:\n    z = 2\nfor a, b in c:\n    break\n");
    ASSERT_EQ(p.code->body.size(), 3u);
    EXPECT_EQ(p.code->body[0]->kind, NodeKind::Assign);
    EXPECT_EQ(p.code->body[1]->kind, NodeKind::If);
    EXPECT_EQ(p.code->body[1]->list3[0]->kind, NodeKind::If);
    EXPECT_EQ(p.code->body[2]->a->kind, NodeKind::TupleLit);
}

TEST(Parser, Precedence) {
    auto p = parse("x = 1 + 2 * 3 ** -2\n");
    Node* e = p.code->body[0]->a;
    ASSERT_EQ(e->kind, NodeKind::BinOp);
    EXPECT_EQ(e->op, static_cast<int>(BinOpKind::Add));
    EXPECT_EQ(e->b->op, static_cast<int>(BinOpKind::Mul));
    EXPECT_EQ(e->b->b->op, static_cast<int>(BinOpKind::Pow));
}

TEST(Parser, ChainedComparison) {
    auto p = parse("a < b <= c != d\n");
    Node* e = p.code->body[0]->a;
    ASSERT_EQ(e->kind, NodeKind::Compare);
    EXPECT_EQ(e->ops.size(), 3u);
}

TEST(Parser, FunctionParameters) {
    auto p = parse("def f(a, b=1, *args, c, d=2, **kw):\n    return a\n");
    auto& code = *p.code->body[0]->code;
    EXPECT_EQ(code.n_positional, 2);
    EXPECT_EQ(code.n_kwonly, 2);
    EXPECT_TRUE(code.has_varargs);
    EXPECT_TRUE(code.has_varkw);
    EXPECT_EQ(code.params[2]->s, "c");
    EXPECT_EQ(code.params[4]->s, "args");
}

TEST(Parser, GeneratorDetected) {
    auto p = parse("def g():\n    yield 1\ndef h():\n    return [x for x in y]\n");
    EXPECT_TRUE(p.code->body[0]->code->is_generator);
    EXPECT_FALSE(p.code->body[1]->code->is_generator);
}

TEST(Parser, Python2Print) {
    auto p = parse("print 'a', 1\n");
    EXPECT_EQ(p.code->body[0]->a->kind, NodeKind::Call);
    EXPECT_EQ(p.code->body[0]->a->list.size(), 2u);
}

TEST(Parser, FStringParts) {
    auto p = parse("f'a{x!r:>{w}}b'\n");
    Node* e = p.code->body[0]->a;
    ASSERT_EQ(e->kind, NodeKind::FString);
    ASSERT_EQ(e->list.size(), 3u);
    EXPECT_EQ(e->list[1]->kind, NodeKind::FormattedValue);
    EXPECT_EQ(e->list[1]->op, 'r');
    EXPECT_EQ(e->list[1]->b->kind, NodeKind::FString);
}

TEST(ParserErrors, InvalidSyntaxPosition) {
    auto e = error_of("x = = 1\n");
    EXPECT_EQ(e.msg, "invalid syntax");
    EXPECT_EQ(e.line, 1);
    EXPECT_EQ(e.col, 4);
}

TEST(ParserErrors, ExpectedColon) {
    auto e = error_of("if x\n    pass\n");
    EXPECT_EQ(e.msg, "expected ':'");
    EXPECT_EQ(e.line, 1);
    EXPECT_EQ(e.col, 4);
}

TEST(ParserErrors, ExpectedIndentedBlock) {
    auto e = error_of("def f():\nreturn 1\n");
    EXPECT_EQ(e.type, "IndentationError");
    EXPECT_EQ(e.msg, "expected an indented block after function definition on line 1");
    EXPECT_EQ(e.line, 2);
}

TEST(ParserErrors, CaretLine) {
    EXPECT_EQ(
        caret("x = (1,\n"),
        "  File \"t.py\", line 1\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n");
    EXPECT_EQ(caret("  \nfoo(1 2)\n"),
              "  File \"t.py\", line 2\n    foo(1 2)\n        ^^^\nSyntaxError: invalid syntax. "
              "Perhaps you forgot a comma?\n");
}

TEST(ParserErrors, AssignToCall) {
    auto e = error_of("f() = 1\n");
    EXPECT_EQ(e.msg, "cannot assign to function call here. Maybe you meant '==' instead of '='?");
}
