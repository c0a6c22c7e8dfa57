// Parser: recursive descent over the lexer's tokens, building the AST of ast.h. Syntax errors
// carry file, line and column so they print like CPython's.
#pragma once

#include "repl/lang/ast.h"
#include "repl/lang/lexer.h"

#include <memory>
#include <string>
#include <vector>

namespace ormsh::lang {

// Parses a whole module. Throws SyntaxErrorEx.
Program parse_program(const std::string& source, const std::string& file);
// Parses one expression (used for eval()).
Program parse_expression(const std::string& source, const std::string& file);

class Parser {
public:
    Parser(std::vector<Token> toks, std::string file,
           std::shared_ptr<std::vector<std::unique_ptr<Node>>> arena,
           std::shared_ptr<std::string> source);
    std::vector<Node*> parse_file();
    Node* parse_expr_only();

private:
    using Arena = std::vector<std::unique_ptr<Node>>;
    const Token& tok() const { return toks_[pos_]; }
    const Token& peek(int n = 1) const { return toks_[std::min(pos_ + n, toks_.size() - 1)]; }
    // Keywords and operators compare by their ids (spellings.h), fixed at compile time.
    bool is_op(Spelling op) const { return tok().id == op.id; }
    bool is_kw(Spelling kw) const { return tok().id == kw.id; }
    bool accept_op(Spelling op);
    bool accept_kw(Spelling kw);
    void expect_op(Spelling op);
    void expect_colon();
    [[noreturn]] void error(const std::string& msg, const Token& t, int end_col = -1);
    [[noreturn]] void error_at(const std::string& msg, int line, int col, int end_col = -1);
    Node* node(NodeKind k, const Token& t);
    Node* node(NodeKind k, int line, int col);
    bool is_keyword(const Token& t) const { return is_keyword_id(t.id); }
    bool starts_expression(const Token& t) const;

    // Statements.
    void statement(std::vector<Node*>& out);
    void simple_statements(std::vector<Node*>& out);
    Node* small_statement();
    Node* expr_statement();
    std::vector<Node*> block(const char* what, const Token& head);
    Node* if_statement();
    Node* while_statement();
    Node* for_statement();
    Node* try_statement();
    Node* with_statement();
    Node* funcdef(std::vector<Node*> decorators);
    Node* classdef(std::vector<Node*> decorators);
    Node* import_statement();
    Node* from_statement();
    void parameters(CodeInfo& code, Spelling close, bool lambda);
    // `: expr` after a parameter name, recorded for the function's __annotations__.
    void annotation(CodeInfo& code, Str* param);
    Node* annotation_expr();

    // Expressions.
    Node* testlist_star_expr(); // a, *b, c  -> tuple when there is a comma
    Node* testlist();
    Node* star_or_test();
    Node* namedexpr_test();
    Node* test();
    Node* test_nocond();
    Node* lambdef(bool nocond);
    Node* or_test();
    Node* and_test();
    Node* not_test();
    Node* comparison();
    Node* binary(int level);
    Node* factor();
    Node* power();
    Node* primary();
    Node* atom();
    Node* trailer_call(Node* fn);
    Node* subscript_list();
    Node* subscript();
    Node* comprehension_tail(Node* n);
    Node* generator_function(Node* g);
    Node* strings();
    Node* parse_fstring(const Token& t, std::vector<Node*>& parts);
    Node* yield_expr();
    void check_target(Node* n, const char* ctx);

    std::vector<Token> toks_;
    size_t pos_ = 0;
    std::string file_;
    std::shared_ptr<Arena> arena_;
    std::shared_ptr<std::string> source_;
    int depth_ = 0;

public:
    std::optional<SyntaxErrorInfo> eof_error;

private:
    std::vector<std::shared_ptr<CodeInfo>> funcs_; // enclosing functions (generator detection)
    std::vector<std::string> qual_;
    bool future_annotations_ = false; // `from __future__ import annotations` seen
};

} // namespace ormsh::lang
