// Parser implementation. Follows the Python 3.11 grammar for the supported subset; error
// messages reuse CPython's wording for the common mistakes ("expected ':'", "invalid syntax",
// "expected an indented block after 'if' statement on line N").
#include "repl/lang/parser.h"

#include "repl/lang/text/bigint.h"
#include "repl/lang/text/str_repr.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace ormsh::lang {

Value make_big_int_literal(const std::string& text); // numbers.cpp

namespace {

constexpr int kMaxNesting = 200;

std::string decode_escapes(std::string_view in) {
    std::string out;
    for (size_t i = 0; i < in.size(); ++i) {
        char c = in[i];
        if (c != '\\' || i + 1 >= in.size()) {
            out += c;
            continue;
        }
        char n = in[++i];
        switch (n) {
        case '\n':
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
        case 'x':
        case 'u':
        case 'U': {
            int len = n == 'x' ? 2 : n == 'u' ? 4 : 8;
            uint32_t cp = 0;
            for (int k = 0; k < len && i + 1 < in.size(); ++k) {
                char h = in[++i];
                cp = cp * 16 + static_cast<uint32_t>(std::isdigit(static_cast<unsigned char>(h))
                                                         ? h - '0'
                                                         : (std::tolower(h) - 'a' + 10));
            }
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
            break;
        }
        default:
            if (n >= '0' && n <= '7') {
                uint32_t v = static_cast<uint32_t>(n - '0');
                for (int k = 0; k < 2 && i + 1 < in.size() && in[i + 1] >= '0' && in[i + 1] <= '7';
                     ++k)
                    v = v * 8 + static_cast<uint32_t>(in[++i] - '0');
                out += static_cast<char>(v);
            } else {
                out += '\\';
                out += n;
            }
        }
    }
    return out;
}

const char* describe(const Node* n) {
    switch (n->kind) {
    case NodeKind::Call:
        return "function call";
    case NodeKind::Const:
        if (n->constant.is_none() || n->constant.is_bool())
            return n->constant.is_none() ? "None" : (n->constant.as_bool() ? "True" : "False");
        return "literal";
    case NodeKind::BinOp:
    case NodeKind::UnaryOp:
        return "expression";
    case NodeKind::BoolOp:
        return "expression";
    case NodeKind::Compare:
        return "comparison";
    case NodeKind::Lambda:
        return "lambda";
    case NodeKind::IfExp:
        return "conditional expression";
    case NodeKind::ListComp:
        return "list comprehension";
    case NodeKind::DictComp:
        return "dict comprehension";
    case NodeKind::SetComp:
        return "set comprehension";
    case NodeKind::GenExp:
        return "generator expression";
    case NodeKind::DictLit:
        return "dict literal";
    case NodeKind::SetLit:
        return "set display";
    case NodeKind::FString:
        return "f-string expression";
    case NodeKind::Yield:
    case NodeKind::YieldFrom:
        return "yield expression";
    case NodeKind::NamedExpr:
        return "named expression";
    default:
        return "expression";
    }
}

} // namespace

Parser::Parser(std::vector<Token> toks, std::string file, std::shared_ptr<Arena> arena,
               std::shared_ptr<std::string> source)
    : toks_(std::move(toks)), file_(std::move(file)), arena_(std::move(arena)),
      source_(std::move(source)) {}

Node* Parser::node(NodeKind k, const Token& t) {
    return node(k, t.line, t.col);
}

Node* Parser::node(NodeKind k, int line, int col) {
    auto n = std::make_unique<Node>();
    n->kind = k;
    n->line = line;
    n->col = col;
    Node* p = n.get();
    arena_->push_back(std::move(n));
    return p;
}

void Parser::error(const std::string& msg, const Token& t, int end_col) {
    error_at(msg, t.line, t.col, end_col);
}

void Parser::error_at(const std::string& msg, int line, int col, int end_col) {
    if (eof_error &&
        (tok().kind == Tok::End || (tok().kind == Tok::Newline && peek().kind == Tok::End)))
        throw SyntaxErrorEx(*eof_error);
    SyntaxErrorInfo info;
    info.msg = msg;
    info.file = file_;
    info.line = line;
    info.col = col;
    info.end_col = end_col;
    throw SyntaxErrorEx(std::move(info));
}

bool Parser::accept_op(Spelling op) {
    if (is_op(op)) {
        ++pos_;
        return true;
    }
    return false;
}

bool Parser::accept_kw(Spelling kw) {
    if (is_kw(kw)) {
        ++pos_;
        return true;
    }
    return false;
}

void Parser::expect_op(Spelling op) {
    if (!accept_op(op)) {
        if (tok().kind == Tok::Newline || tok().kind == Tok::End) error("invalid syntax", tok());
        error(std::string("expected '") + op.text + "'", tok());
    }
}

void Parser::expect_colon() {
    if (!accept_op(":")) error("expected ':'", tok());
}

bool Parser::starts_expression(const Token& t) const {
    switch (t.kind) {
    case Tok::Name:
        if (!is_keyword(t)) return true;
        return t.is("None") || t.is("True") || t.is("False") || t.is("not") || t.is("lambda") ||
               t.is("await");
    case Tok::Int:
    case Tok::BigInt:
    case Tok::Float:
    case Tok::Imag:
    case Tok::String:
    case Tok::Bytes:
    case Tok::FString:
        return true;
    case Tok::Op:
        return t.is("(") || t.is("[") || t.is("{") || t.is("-") || t.is("+") || t.is("~") ||
               t.is("...") || t.is("*");
    default:
        return false;
    }
}

std::vector<Node*> Parser::parse_file() {
    std::vector<Node*> body;
    while (tok().kind != Tok::End) {
        if (tok().kind == Tok::Newline) {
            ++pos_;
            continue;
        }
        if (tok().kind == Tok::Indent) error_at("unexpected indent", tok().line, tok().col);
        statement(body);
    }
    if (eof_error) throw SyntaxErrorEx(*eof_error);
    return body;
}

Node* Parser::parse_expr_only() {
    while (tok().kind == Tok::Newline)
        ++pos_;
    Node* e = testlist_star_expr();
    while (tok().kind == Tok::Newline)
        ++pos_;
    if (tok().kind != Tok::End) error("invalid syntax", tok());
    return e;
}

void Parser::statement(std::vector<Node*>& out) {
    const Token& t = tok();
    if (t.kind == Tok::Name) {
        if (t.is("if")) return out.push_back(if_statement());
        if (t.is("while")) return out.push_back(while_statement());
        if (t.is("for")) return out.push_back(for_statement());
        if (t.is("try")) return out.push_back(try_statement());
        if (t.is("with")) return out.push_back(with_statement());
        if (t.is("def")) return out.push_back(funcdef({}));
        if (t.is("class")) return out.push_back(classdef({}));
        if (t.is("async")) error("async functions are not supported", t);
    }
    if (t.kind == Tok::Op && t.is("@")) {
        std::vector<Node*> decos;
        while (accept_op("@")) {
            decos.push_back(namedexpr_test());
            if (tok().kind != Tok::Newline) error("invalid syntax", tok());
            ++pos_;
        }
        if (is_kw("def")) return out.push_back(funcdef(std::move(decos)));
        if (is_kw("class")) return out.push_back(classdef(std::move(decos)));
        error("invalid syntax", tok());
    }
    simple_statements(out);
}

void Parser::simple_statements(std::vector<Node*>& out) {
    for (;;) {
        out.push_back(small_statement());
        if (accept_op(";")) {
            if (tok().kind == Tok::Newline) break;
            continue;
        }
        break;
    }
    if (tok().kind != Tok::Newline) {
        if (tok().kind == Tok::End) return;
        error("invalid syntax", tok());
    }
    ++pos_;
}

std::vector<Node*> Parser::block(const char* what, const Token& head) {
    std::vector<Node*> body;
    if (tok().kind != Tok::Newline) {
        simple_statements(body);
        return body;
    }
    ++pos_;
    if (tok().kind != Tok::Indent) {
        SyntaxErrorInfo info;
        info.msg = std::string("expected an indented block after ") + what + " on line " +
                   std::to_string(head.line);
        info.file = file_;
        info.line = tok().line;
        info.col = tok().col;
        info.type = "IndentationError";
        if (tok().kind == Tok::End || tok().kind == Tok::Dedent) {
            info.line = tok().kind == Tok::End ? head.line + 1 : tok().line;
        }
        throw SyntaxErrorEx(std::move(info));
    }
    ++pos_;
    while (tok().kind != Tok::Dedent && tok().kind != Tok::End) {
        if (tok().kind == Tok::Newline) {
            ++pos_;
            continue;
        }
        if (tok().kind == Tok::Indent) {
            SyntaxErrorInfo info;
            info.msg = "unexpected indent";
            info.file = file_;
            info.line = tok().line;
            info.col = tok().col;
            info.type = "IndentationError";
            throw SyntaxErrorEx(std::move(info));
        }
        statement(body);
    }
    if (tok().kind == Tok::Dedent) ++pos_;
    return body;
}

Node* Parser::small_statement() {
    const Token& t = tok();
    if (t.kind == Tok::Name) {
        std::string_view w = t.text;
        if (t.is("pass")) {
            ++pos_;
            return node(NodeKind::Pass, t);
        }
        if (t.is("break")) {
            ++pos_;
            return node(NodeKind::Break, t);
        }
        if (t.is("continue")) {
            ++pos_;
            return node(NodeKind::Continue, t);
        }
        if (t.is("return")) {
            Node* n = node(NodeKind::Return, t);
            ++pos_;
            if (starts_expression(tok())) n->a = testlist_star_expr();
            return n;
        }
        if (t.is("raise")) {
            Node* n = node(NodeKind::Raise, t);
            ++pos_;
            if (starts_expression(tok())) {
                n->a = test();
                if (accept_kw("from")) n->b = test();
            }
            return n;
        }
        if (t.is("global") || t.is("nonlocal")) {
            Node* n = node(t.is("global") ? NodeKind::Global : NodeKind::Nonlocal, t);
            ++pos_;
            do {
                if (tok().kind != Tok::Name) error("invalid syntax", tok());
                Node* nm = node(NodeKind::Name, tok());
                nm->name = intern(tok().text);
                n->list.push_back(nm);
                ++pos_;
            } while (accept_op(","));
            return n;
        }
        if (t.is("del")) {
            Node* n = node(NodeKind::Delete, t);
            ++pos_;
            do {
                Node* target = or_test();
                if (target->kind == NodeKind::TupleLit || target->kind == NodeKind::ListLit) {
                    for (Node* e : target->list) {
                        check_target(e, "delete");
                        n->list.push_back(e);
                    }
                } else {
                    check_target(target, "delete");
                    n->list.push_back(target);
                }
            } while (accept_op(",") && starts_expression(tok()));
            return n;
        }
        if (t.is("assert")) {
            Node* n = node(NodeKind::Assert, t);
            ++pos_;
            n->a = test();
            if (accept_op(",")) n->b = test();
            return n;
        }
        if (t.is("import")) return import_statement();
        if (t.is("from")) return from_statement();
        if (w == "print" && starts_expression(peek()) &&
            !(peek().kind == Tok::Op && (peek().is("(") || peek().is("*") || peek().is("-") ||
                                         peek().is("+") || peek().is("[") || peek().is("~")))) {
            // Python 2 print statement: print x, y  ->  print(x, y)
            Node* call = node(NodeKind::Call, t);
            Node* fn = node(NodeKind::Name, t);
            fn->name = intern("print");
            call->a = fn;
            ++pos_;
            bool trailing_comma = false;
            while (starts_expression(tok())) {
                call->list.push_back(test());
                trailing_comma = false;
                if (!accept_op(",")) break;
                trailing_comma = true;
            }
            if (trailing_comma) {
                Node* kw = node(NodeKind::Keyword, t);
                kw->name = intern("end");
                kw->a = node(NodeKind::Const, t);
                kw->a->constant = new_str(" ");
                call->list2.push_back(kw);
            }
            Node* st = node(NodeKind::ExprStmt, t);
            st->a = call;
            return st;
        }
    }
    return expr_statement();
}

void Parser::check_target(Node* n, const char* ctx) {
    switch (n->kind) {
    case NodeKind::Name:
    case NodeKind::Attribute:
    case NodeKind::Subscript:
        return;
    case NodeKind::Starred:
        check_target(n->a, ctx);
        return;
    case NodeKind::TupleLit:
    case NodeKind::ListLit:
        for (Node* e : n->list)
            check_target(e, ctx);
        return;
    default:
        break;
    }
    std::string what = describe(n);
    std::string msg = std::string("cannot ") +
                      (std::strcmp(ctx, "delete") == 0 ? "delete " : "assign to ") + what;
    if (std::strcmp(ctx, "assign") == 0 &&
        (n->kind == NodeKind::Call || n->kind == NodeKind::Const || n->kind == NodeKind::BinOp ||
         n->kind == NodeKind::Compare))
        msg += " here. Maybe you meant '==' instead of '='?";
    if (n->kind == NodeKind::Const && (n->constant.is_none() || n->constant.is_bool()))
        msg = std::string("cannot assign to ") + what;
    error_at(msg, n->line, n->col, n->end_col > n->col && n->end_line == n->line ? n->end_col : -1);
}

Node* Parser::expr_statement() {
    const Token& start = tok();
    Node* first = is_kw("yield") ? yield_expr() : testlist_star_expr();
    first->end_line = toks_[pos_ - 1].end_line;
    first->end_col = toks_[pos_ - 1].end_col;
    if (tok().kind == Tok::Op) {
        if (tok().is("=")) {
            Node* n = node(NodeKind::Assign, start);
            std::vector<Node*> items{first};
            while (accept_op("=")) {
                Node* e = is_kw("yield") ? yield_expr() : testlist_star_expr();
                e->end_line = toks_[pos_ - 1].end_line;
                e->end_col = toks_[pos_ - 1].end_col;
                items.push_back(e);
            }
            n->a = items.back();
            items.pop_back();
            for (Node* t : items)
                check_target(t, "assign");
            n->list = std::move(items);
            return n;
        }
        if (tok().is(":")) {
            ++pos_;
            Node* n = node(NodeKind::AnnAssign, start);
            check_target(first, "assign");
            n->a = first;
            n->b = annotation_expr();
            if (accept_op("=")) n->c = is_kw("yield") ? yield_expr() : testlist_star_expr();
            return n;
        }
        static constexpr Spelling aug[] = {
            "+=", "-=", "*=", "/=", "//=", "%=", "**=", "@=", "<<=", ">>=", "&=", "|=", "^="};
        static const BinOpKind augk[] = {BinOpKind::Add,    BinOpKind::Sub,      BinOpKind::Mul,
                                         BinOpKind::Div,    BinOpKind::FloorDiv, BinOpKind::Mod,
                                         BinOpKind::Pow,    BinOpKind::MatMul,   BinOpKind::LShift,
                                         BinOpKind::RShift, BinOpKind::BitAnd,   BinOpKind::BitOr,
                                         BinOpKind::BitXor};
        for (size_t i = 0; i < std::size(aug); ++i) {
            if (tok().is(aug[i])) {
                if (first->kind != NodeKind::Name && first->kind != NodeKind::Attribute &&
                    first->kind != NodeKind::Subscript)
                    error_at(std::string("'") + describe(first) +
                                 "' is an illegal expression for augmented assignment",
                             first->line, first->col);
                ++pos_;
                Node* n = node(NodeKind::AugAssign, start);
                n->op = static_cast<int>(augk[i]);
                n->a = first;
                n->b = is_kw("yield") ? yield_expr() : testlist();
                return n;
            }
        }
    }
    if (tok().kind != Tok::Newline && tok().kind != Tok::End && !is_op(";")) {
        // Give "Perhaps you forgot a comma?" / "invalid syntax" like CPython.
        if (first->kind == NodeKind::Name && first->name->s == "print" && starts_expression(tok()))
            error_at("Missing parentheses in call to 'print'. Did you mean print(...)?", start.line,
                     start.col, toks_[toks_.size() - 1].col);
        error("invalid syntax", tok());
    }
    Node* n = node(NodeKind::ExprStmt, start);
    n->a = first;
    return n;
}

Node* Parser::if_statement() {
    const Token& head = tok();
    Node* n = node(NodeKind::If, head);
    ++pos_;
    n->a = namedexpr_test();
    expect_colon();
    n->list = block("'if' statement", head);
    if (is_kw("elif")) {
        const Token& eh = tok();
        Node* sub = if_statement(); // parses from 'elif' as an if
        (void)eh;
        n->list3.push_back(sub);
    } else if (is_kw("else")) {
        const Token& eh = tok();
        ++pos_;
        expect_colon();
        n->list3 = block("'else' statement", eh);
    }
    return n;
}

Node* Parser::while_statement() {
    const Token& head = tok();
    Node* n = node(NodeKind::While, head);
    ++pos_;
    n->a = namedexpr_test();
    expect_colon();
    n->list = block("'while' statement", head);
    if (is_kw("else")) {
        const Token& eh = tok();
        ++pos_;
        expect_colon();
        n->list3 = block("'else' statement", eh);
    }
    return n;
}

Node* Parser::for_statement() {
    const Token& head = tok();
    Node* n = node(NodeKind::For, head);
    ++pos_;
    // Target: a list of primaries (not full expressions: `in` ends it).
    std::vector<Node*> targets;
    const Token& tstart = tok();
    bool comma = false;
    for (;;) {
        if (is_op("*")) {
            const Token& st = tok();
            ++pos_;
            Node* s = node(NodeKind::Starred, st);
            s->a = binary(0);
            targets.push_back(s);
        } else {
            targets.push_back(binary(0));
        }
        if (!accept_op(",")) break;
        comma = true;
        if (is_kw("in")) break;
    }
    Node* target = targets[0];
    if (comma) {
        target = node(NodeKind::TupleLit, tstart);
        target->list = targets;
    }
    check_target(target, "assign");
    n->a = target;
    if (!accept_kw("in")) error("invalid syntax", tok());
    n->b = testlist_star_expr();
    expect_colon();
    n->list = block("'for' statement", head);
    if (is_kw("else")) {
        const Token& eh = tok();
        ++pos_;
        expect_colon();
        n->list3 = block("'else' statement", eh);
    }
    return n;
}

Node* Parser::try_statement() {
    const Token& head = tok();
    Node* n = node(NodeKind::Try, head);
    ++pos_;
    expect_colon();
    n->list = block("'try' statement", head);
    while (is_kw("except")) {
        const Token& eh = tok();
        Node* h = node(NodeKind::ExceptHandler, eh);
        ++pos_;
        if (!is_op(":")) {
            h->a = test();
            if (accept_op(",")) {
                Node* tup = node(NodeKind::TupleLit, h->a->line, h->a->col);
                tup->list.push_back(h->a);
                do {
                    tup->list.push_back(test());
                } while (accept_op(","));
                h->a = tup;
                error_at("multiple exception types must be parenthesized", tup->line, tup->col);
            }
            if (accept_kw("as")) {
                if (tok().kind != Tok::Name) error("invalid syntax", tok());
                h->name = intern(tok().text);
                ++pos_;
            }
        }
        expect_colon();
        h->list = block("'except' statement", eh);
        n->list2.push_back(h);
    }
    if (is_kw("else")) {
        const Token& eh = tok();
        if (n->list2.empty()) error("invalid syntax", eh);
        ++pos_;
        expect_colon();
        n->list3 = block("'else' statement", eh);
    }
    if (is_kw("finally")) {
        const Token& eh = tok();
        ++pos_;
        expect_colon();
        n->list4 = block("'finally' statement", eh);
    }
    if (n->list2.empty() && n->list4.empty()) error("expected 'except' or 'finally' block", tok());
    return n;
}

Node* Parser::with_statement() {
    const Token& head = tok();
    Node* n = node(NodeKind::With, head);
    ++pos_;
    bool paren = false;
    if (is_op("(")) {
        // Could be a parenthesized list of items or just an expression; try items form.
        size_t save = pos_;
        int depth = 0;
        size_t i = pos_;
        for (; i < toks_.size(); ++i) {
            if (toks_[i].kind == Tok::Op &&
                (toks_[i].is("(") || toks_[i].is("[") || toks_[i].is("{")))
                ++depth;
            if (toks_[i].kind == Tok::Op &&
                (toks_[i].is(")") || toks_[i].is("]") || toks_[i].is("}"))) {
                if (--depth == 0) break;
            }
        }
        if (i + 1 < toks_.size() && toks_[i + 1].kind == Tok::Op && toks_[i + 1].is(":")) {
            paren = true;
            ++pos_;
        }
        (void)save;
    }
    for (;;) {
        Node* item = node(NodeKind::WithItem, tok());
        item->a = test();
        if (accept_kw("as")) {
            item->b = star_or_test();
            if (is_op(",") && !paren) {
                // `as a, b` is not allowed without parens
            }
            check_target(item->b, "assign");
        }
        n->list2.push_back(item);
        if (!accept_op(",")) break;
        if (paren && is_op(")")) break;
    }
    if (paren) expect_op(")");
    expect_colon();
    n->list = block("'with' statement", head);
    return n;
}

void Parser::parameters(CodeInfo& code, Spelling close, bool lambda) {
    bool seen_star = false;
    bool seen_default = false;
    while (!is_op(close)) {
        if (accept_op("/")) {
            code.n_posonly = code.n_positional;
            if (!accept_op(",")) break;
            continue;
        }
        if (is_op("**")) {
            ++pos_;
            if (tok().kind != Tok::Name) error("invalid syntax", tok());
            code.params.push_back(intern(tok().text));
            code.has_varkw = true;
            ++pos_;
            if (!lambda) annotation(code, code.params.back());
            accept_op(",");
            if (!is_op(close)) error("arguments cannot follow var-keyword argument", tok());
            break;
        }
        if (is_op("*")) {
            ++pos_;
            if (seen_star) error("* argument may appear only once", tok());
            seen_star = true;
            if (tok().kind == Tok::Name) {
                code.params.push_back(intern(tok().text));
                code.has_varargs = true;
                ++pos_;
                if (!lambda) annotation(code, code.params.back());
            } else if (is_op(",") && peek().is(close)) {
                error("named arguments must follow bare *", tok());
            }
            if (!accept_op(",")) break;
            continue;
        }
        if (tok().kind != Tok::Name || is_keyword(tok())) error("invalid syntax", tok());
        Str* name = intern(tok().text);
        for (Str* p : code.params)
            if (p == name)
                error("duplicate argument '" + name->s + "' in function definition", tok());
        ++pos_;
        if (!lambda) annotation(code, name);
        Node* def = nullptr;
        if (accept_op("=")) def = test();
        if (seen_star) {
            code.params.push_back(name);
            code.kw_defaults.push_back(def);
            ++code.n_kwonly;
        } else {
            if (def) {
                seen_default = true;
                code.defaults.push_back(def);
            } else if (seen_default) {
                error_at("non-default argument follows default argument", toks_[pos_ - 1].line,
                         toks_[pos_ - 1].col);
            }
            code.params.push_back(name);
            ++code.n_positional;
        }
        if (!accept_op(",")) break;
    }
    // Reorder: params holds positional, then (maybe) *args name, kw-only..., **kw. Build slot order
    // positional, kwonly, *args, **kw so that kw-only names follow the positionals.
    std::vector<Str*> pos, kwo;
    Str* va = nullptr;
    Str* vk = nullptr;
    size_t i = 0;
    for (; i < static_cast<size_t>(code.n_positional); ++i)
        pos.push_back(code.params[i]);
    if (code.has_varargs) va = code.params[i++];
    for (int k = 0; k < code.n_kwonly; ++k)
        kwo.push_back(code.params[i++]);
    if (code.has_varkw) vk = code.params[i++];
    code.params = pos;
    for (Str* s : kwo)
        code.params.push_back(s);
    if (va) code.params.push_back(va);
    if (vk) code.params.push_back(vk);
}

void Parser::annotation(CodeInfo& code, Str* param) {
    if (!accept_op(":")) return;
    code.annotation_names.push_back(param);
    code.annotations.push_back(annotation_expr());
}

// An annotation; under `from __future__ import annotations` it is kept as its text, spelled
// the way CPython's unparser spells it (single-quoted strings, ", " between items).
Node* Parser::annotation_expr() {
    size_t first = pos_;
    Node* e = test();
    if (!future_annotations_) return e;
    std::string text;
    for (size_t i = first; i < pos_; ++i) {
        const Token& t = toks_[i];
        if (t.kind == Tok::String) {
            text += text::str_repr(t.text);
        } else if (t.kind == Tok::Op && (t.is(",") || t.is(":"))) {
            text.append(t.text).append(" ");
        } else if (t.kind == Tok::Op && !t.is("[") && !t.is("]") && !t.is("(") && !t.is(")") &&
                   !t.is(".") && !t.is("...") && !t.is("=") && !t.is("*") && !t.is("**")) {
            text.append(" ").append(t.text).append(" ");
        } else if (t.kind == Tok::Name && (t.is("or") || t.is("and") || t.is("not") || t.is("if") ||
                                           t.is("else") || t.is("in") || t.is("is"))) {
            text.append(" ").append(t.text).append(" ");
        } else {
            text += t.text;
        }
    }
    Node* c = node(NodeKind::Const, e->line, e->col);
    c->constant = new_str(text);
    return c;
}

Node* Parser::funcdef(std::vector<Node*> decorators) {
    const Token& head = decorators.empty() ? tok() : tok();
    Node* n = node(NodeKind::FunctionDef, head);
    ++pos_;
    if (tok().kind != Tok::Name || is_keyword(tok())) error("invalid syntax", tok());
    n->name = intern(tok().text);
    ++pos_;
    auto code = std::make_shared<CodeInfo>();
    code->name = n->name->s;
    std::string prefix;
    for (auto& q : qual_)
        prefix += q + ".";
    code->qualname = prefix + code->name;
    code->file = file_;
    code->line = head.line;
    code->def = n;
    code->arena = arena_;
    code->source = source_;
    expect_op("(");
    parameters(*code, ")", false);
    expect_op(")");
    if (accept_op("->")) {
        code->annotation_names.push_back(intern("return"));
        code->annotations.push_back(annotation_expr());
    }
    expect_colon();
    funcs_.push_back(code);
    qual_.push_back(code->name);
    qual_.push_back("<locals>");
    code->body = block("function definition", head);
    qual_.pop_back();
    qual_.pop_back();
    funcs_.pop_back();
    n->code = code;
    n->list2 = std::move(decorators);
    return n;
}

Node* Parser::classdef(std::vector<Node*> decorators) {
    const Token& head = tok();
    Node* n = node(NodeKind::ClassDef, head);
    ++pos_;
    if (tok().kind != Tok::Name || is_keyword(tok())) error("invalid syntax", tok());
    n->name = intern(tok().text);
    ++pos_;
    if (accept_op("(")) {
        while (!is_op(")")) {
            if (tok().kind == Tok::Name && peek().kind == Tok::Op && peek().is("=")) {
                Node* kw = node(NodeKind::Keyword, tok());
                kw->name = intern(tok().text);
                pos_ += 2;
                kw->a = test();
                n->list.push_back(kw);
            } else if (accept_op("*")) {
                Node* s = node(NodeKind::Starred, tok());
                s->a = test();
                n->list.push_back(s);
            } else {
                n->list.push_back(test());
            }
            if (!accept_op(",")) break;
        }
        expect_op(")");
    }
    expect_colon();
    auto code = std::make_shared<CodeInfo>();
    code->name = n->name->s;
    std::string prefix;
    for (auto& q : qual_)
        prefix += q + ".";
    code->qualname = prefix + code->name;
    code->file = file_;
    code->line = head.line;
    code->is_class = true;
    code->def = n;
    code->arena = arena_;
    code->source = source_;
    qual_.push_back(code->name);
    auto saved = std::move(funcs_);
    funcs_.clear();
    code->body = block("class definition", head);
    funcs_ = std::move(saved);
    qual_.pop_back();
    n->code = code;
    n->list2 = std::move(decorators);
    return n;
}

Node* Parser::import_statement() {
    Node* n = node(NodeKind::Import, tok());
    ++pos_;
    do {
        Node* a = node(NodeKind::Alias, tok());
        std::string name;
        if (tok().kind != Tok::Name) error("invalid syntax", tok());
        name = tok().text;
        ++pos_;
        while (accept_op(".")) {
            if (tok().kind != Tok::Name) error("invalid syntax", tok());
            name.append(".").append(tok().text);
            ++pos_;
        }
        a->name = intern(name);
        if (accept_kw("as")) {
            if (tok().kind != Tok::Name) error("invalid syntax", tok());
            a->name2 = intern(tok().text);
            ++pos_;
        }
        n->list.push_back(a);
    } while (accept_op(","));
    return n;
}

Node* Parser::from_statement() {
    Node* n = node(NodeKind::ImportFrom, tok());
    ++pos_;
    int level = 0;
    for (;;) {
        if (accept_op(".")) {
            ++level;
        } else if (accept_op("...")) {
            level += 3;
        } else {
            break;
        }
    }
    n->level = level;
    std::string name;
    if (tok().kind == Tok::Name && !tok().is("import")) {
        name = tok().text;
        ++pos_;
        while (accept_op(".")) {
            name.append(".").append(tok().text);
            ++pos_;
        }
    }
    n->name = name.empty() ? nullptr : intern(name);
    if (!accept_kw("import")) error("invalid syntax", tok());
    if (accept_op("*")) {
        Node* a = node(NodeKind::Alias, toks_[pos_ - 1]);
        a->name = intern("*");
        n->list.push_back(a);
        return n;
    }
    bool paren = accept_op("(");
    for (;;) {
        if (paren && is_op(")")) break;
        if (tok().kind != Tok::Name) error("invalid syntax", tok());
        Node* a = node(NodeKind::Alias, tok());
        a->name = intern(tok().text);
        ++pos_;
        if (accept_kw("as")) {
            a->name2 = intern(tok().text);
            ++pos_;
        }
        n->list.push_back(a);
        if (!accept_op(",")) break;
        if (!paren && (tok().kind == Tok::Newline))
            error("trailing comma not allowed without surrounding parentheses", tok());
    }
    if (paren) expect_op(")");
    if (name == "__future__")
        for (Node* a : n->list)
            if (a->name->s == "annotations") future_annotations_ = true;
    return n;
}

// ---- expressions ----

Node* Parser::testlist_star_expr() {
    const Token& start = tok();
    Node* first = star_or_test();
    if (!is_op(",")) return first;
    Node* t = node(NodeKind::TupleLit, start);
    t->list.push_back(first);
    while (accept_op(",")) {
        if (!starts_expression(tok())) break;
        t->list.push_back(star_or_test());
    }
    return t;
}

Node* Parser::testlist() {
    return testlist_star_expr();
}

Node* Parser::star_or_test() {
    if (is_op("*")) {
        Node* s = node(NodeKind::Starred, tok());
        ++pos_;
        s->a = binary(0);
        return s;
    }
    return namedexpr_test();
}

Node* Parser::namedexpr_test() {
    Node* e = test();
    if (is_op(":=")) {
        if (e->kind != NodeKind::Name)
            error_at("cannot use assignment expressions with " + std::string(describe(e)), e->line,
                     e->col);
        Node* n = node(NodeKind::NamedExpr, tok());
        ++pos_;
        n->a = e;
        n->b = test();
        return n;
    }
    return e;
}

Node* Parser::test() {
    if (is_kw("lambda")) return lambdef(false);
    if (++depth_ > kMaxNesting * 5) error("too many nested parentheses", tok());
    Node* e = or_test();
    if (is_kw("if")) {
        // Careful: inside comprehensions `if` after the element belongs to the comprehension
        // only when no `else` follows; CPython requires else for conditional expressions.
        const Token& t = tok();
        ++pos_;
        Node* n = node(NodeKind::IfExp, e->line, e->col);
        n->b = e;
        n->a = or_test();
        if (!accept_kw("else")) error("expected 'else' after 'if' expression", tok());
        (void)t;
        n->c = test();
        --depth_;
        return n;
    }
    --depth_;
    return e;
}

Node* Parser::test_nocond() {
    if (is_kw("lambda")) return lambdef(true);
    return or_test();
}

Node* Parser::lambdef(bool nocond) {
    const Token& head = tok();
    Node* n = node(NodeKind::Lambda, head);
    ++pos_;
    auto code = std::make_shared<CodeInfo>();
    code->name = "<lambda>";
    std::string prefix;
    for (auto& q : qual_)
        prefix += q + ".";
    code->qualname = prefix + "<lambda>";
    code->file = file_;
    code->line = head.line;
    code->is_lambda = true;
    code->def = n;
    code->arena = arena_;
    code->source = source_;
    parameters(*code, ":", true);
    expect_colon();
    funcs_.push_back(code);
    Node* body = nocond ? test_nocond() : test();
    funcs_.pop_back();
    Node* ret = node(NodeKind::Return, body->line, body->col);
    ret->a = body;
    code->body.push_back(ret);
    n->code = code;
    return n;
}

Node* Parser::or_test() {
    Node* e = and_test();
    if (!is_kw("or")) return e;
    Node* n = node(NodeKind::BoolOp, e->line, e->col);
    n->op = 1;
    n->list.push_back(e);
    while (accept_kw("or"))
        n->list.push_back(and_test());
    return n;
}

Node* Parser::and_test() {
    Node* e = not_test();
    if (!is_kw("and")) return e;
    Node* n = node(NodeKind::BoolOp, e->line, e->col);
    n->op = 0;
    n->list.push_back(e);
    while (accept_kw("and"))
        n->list.push_back(not_test());
    return n;
}

Node* Parser::not_test() {
    if (is_kw("not")) {
        Node* n = node(NodeKind::UnaryOp, tok());
        ++pos_;
        if (++depth_ > kMaxNesting * 5) error("too many nested parentheses", tok());
        n->op = static_cast<int>(UnaryKind::Not);
        n->a = not_test();
        --depth_;
        return n;
    }
    return comparison();
}

Node* Parser::comparison() {
    Node* e = binary(0);
    Node* n = nullptr;
    for (;;) {
        int op = -1;
        const Token& t = tok();
        if (t.kind == Tok::Op) {
            if (t.is("<"))
                op = static_cast<int>(CmpKind::Lt);
            else if (t.is("<="))
                op = static_cast<int>(CmpKind::Le);
            else if (t.is(">"))
                op = static_cast<int>(CmpKind::Gt);
            else if (t.is(">="))
                op = static_cast<int>(CmpKind::Ge);
            else if (t.is("=="))
                op = static_cast<int>(CmpKind::Eq);
            else if (t.is("!="))
                op = static_cast<int>(CmpKind::Ne);
            if (op >= 0) ++pos_;
        } else if (t.kind == Tok::Name) {
            if (t.is("in")) {
                op = static_cast<int>(CmpKind::In);
                ++pos_;
            } else if (t.is("not") && peek().kind == Tok::Name && peek().is("in")) {
                op = static_cast<int>(CmpKind::NotIn);
                pos_ += 2;
            } else if (t.is("is")) {
                ++pos_;
                op = accept_kw("not") ? static_cast<int>(CmpKind::IsNot)
                                      : static_cast<int>(CmpKind::Is);
            }
        }
        if (op < 0) break;
        if (!n) {
            n = node(NodeKind::Compare, e->line, e->col);
            n->a = e;
        }
        n->ops.push_back(op);
        n->list.push_back(binary(0));
    }
    return n ? n : e;
}

namespace {

// A binary operator: its precedence level (0 binds loosest; -1 for other tokens) and kind.
struct BinaryOperator {
    int8_t level = -1;
    BinOpKind kind{};
};

// By token id: | ^ & (<< >>) (+ -) (* / // % @), one level each.
constexpr auto kBinaryOperators = [] {
    // Filled member by member: GCC 12 gets `table{}` and `table[i] = {level, kind}` wrong in
    // a constant expression.
    std::array<BinaryOperator, kSpellingCount + 1> table{};
    for (BinaryOperator& entry : table)
        entry.level = -1;
    auto add = [&](Spelling op, int8_t level, BinOpKind kind) {
        table[op.id].level = level;
        table[op.id].kind = kind;
    };
    add("|", 0, BinOpKind::BitOr);
    add("^", 1, BinOpKind::BitXor);
    add("&", 2, BinOpKind::BitAnd);
    add("<<", 3, BinOpKind::LShift);
    add(">>", 3, BinOpKind::RShift);
    add("+", 4, BinOpKind::Add);
    add("-", 4, BinOpKind::Sub);
    add("*", 5, BinOpKind::Mul);
    add("/", 5, BinOpKind::Div);
    add("//", 5, BinOpKind::FloorDiv);
    add("%", 5, BinOpKind::Mod);
    add("@", 5, BinOpKind::MatMul);
    return table;
}();

} // namespace

// Binary operators of precedence `level` and tighter, by precedence climbing: one call per
// operand rather than one per level.
Node* Parser::binary(int level) {
    Node* e = factor();
    for (;;) {
        const BinaryOperator& op = kBinaryOperators[tok().id];
        if (op.level < level) return e;
        Node* n = node(NodeKind::BinOp, e->line, e->col);
        n->end_line = tok().line;
        n->end_col = tok().col; // operator position (for error markers)
        ++pos_;
        n->op = static_cast<int>(op.kind);
        n->a = e;
        n->b = binary(op.level + 1);
        e = n;
    }
}

Node* Parser::factor() {
    if (tok().kind == Tok::Op && (tok().is("-") || tok().is("+") || tok().is("~"))) {
        Node* n = node(NodeKind::UnaryOp, tok());
        n->op = static_cast<int>(tok().is("-")   ? UnaryKind::Neg
                                 : tok().is("+") ? UnaryKind::Pos
                                                 : UnaryKind::Invert);
        ++pos_;
        if (++depth_ > kMaxNesting * 5) error("too many nested parentheses", tok());
        n->a = factor();
        --depth_;
        // Fold negative numeric literals so -9223372036854775808 and repr stay exact.
        if (n->op == static_cast<int>(UnaryKind::Neg) && n->a->kind == NodeKind::Const &&
            (n->a->constant.is_int() || n->a->constant.is_float()) && n->a->constant.is_int() &&
            n->a->constant.as_int() != INT64_MIN) {
            n->a->constant = Value::integer(-n->a->constant.as_int());
            n->a->line = n->line;
            n->a->col = n->col;
            return n->a;
        }
        return n;
    }
    return power();
}

Node* Parser::power() {
    Node* e = primary();
    if (is_op("**")) {
        Node* n = node(NodeKind::BinOp, e->line, e->col);
        ++pos_;
        n->op = static_cast<int>(BinOpKind::Pow);
        n->a = e;
        n->b = factor();
        return n;
    }
    return e;
}

Node* Parser::primary() {
    if (is_kw("await")) error("'await' outside async function", tok());
    Node* e = atom();
    for (;;) {
        if (is_op("(")) {
            e = trailer_call(e);
        } else if (is_op("[")) {
            const Token& t = tok();
            ++pos_;
            Node* n = node(NodeKind::Subscript, e->line, e->col);
            (void)t;
            n->a = e;
            n->b = subscript_list();
            expect_op("]");
            n->end_line = toks_[pos_ - 1].end_line;
            n->end_col = toks_[pos_ - 1].end_col;
            e = n;
        } else if (is_op(".")) {
            ++pos_;
            if (tok().kind != Tok::Name) error("invalid syntax", tok());
            Node* n = node(NodeKind::Attribute, e->line, e->col);
            n->a = e;
            n->name = intern(tok().text);
            ++pos_;
            n->end_line = toks_[pos_ - 1].end_line;
            n->end_col = toks_[pos_ - 1].end_col;
            e = n;
        } else {
            return e;
        }
    }
}

Node* Parser::trailer_call(Node* fn) {
    Node* n = node(NodeKind::Call, fn->line, fn->col);
    n->a = fn;
    ++pos_; // (
    bool seen_kw = false;
    while (!is_op(")")) {
        if (is_op("*")) {
            Node* s = node(NodeKind::Starred, tok());
            ++pos_;
            s->a = test();
            n->list.push_back(s);
        } else if (is_op("**")) {
            Node* s = node(NodeKind::DoubleStarred, tok());
            ++pos_;
            s->a = test();
            n->list2.push_back(s);
            seen_kw = true;
        } else if (tok().kind == Tok::Name && peek().kind == Tok::Op && peek().is("=")) {
            Node* kw = node(NodeKind::Keyword, tok());
            kw->name = intern(tok().text);
            if (is_keyword(tok())) error("invalid syntax", tok());
            pos_ += 2;
            kw->a = test();
            for (Node* o : n->list2)
                if (o->kind == NodeKind::Keyword && o->name == kw->name)
                    error_at("keyword argument repeated: " + kw->name->s, kw->line, kw->col);
            n->list2.push_back(kw);
            seen_kw = true;
        } else {
            Node* arg = namedexpr_test();
            if (is_kw("for")) {
                Node* g = node(NodeKind::GenExp, arg->line, arg->col);
                g->a = arg;
                arg = generator_function(comprehension_tail(g));
            } else if (seen_kw) {
                error_at(n->list2.back()->kind == NodeKind::DoubleStarred
                             ? "positional argument follows keyword argument unpacking"
                             : "positional argument follows keyword argument",
                         arg->line, arg->col);
            }
            n->list.push_back(arg);
            if (!is_op(",") && !is_op(")") && starts_expression(tok()) && tok().line == arg->line)
                error_at("invalid syntax. Perhaps you forgot a comma?", arg->line, arg->col,
                         tok().end_col);
        }
        if (!accept_op(",")) break;
    }
    expect_op(")");
    n->end_line = toks_[pos_ - 1].end_line;
    n->end_col = toks_[pos_ - 1].end_col;
    return n;
}

Node* Parser::subscript_list() {
    const Token& start = tok();
    Node* first = subscript();
    if (!is_op(",")) return first;
    Node* t = node(NodeKind::TupleLit, start);
    t->list.push_back(first);
    while (accept_op(",")) {
        if (is_op("]")) break;
        t->list.push_back(subscript());
    }
    return t;
}

Node* Parser::subscript() {
    const Token& start = tok();
    Node* lo = nullptr;
    if (!is_op(":")) {
        lo = star_or_test();
        if (!is_op(":")) return lo;
    }
    Node* s = node(NodeKind::SliceExpr, start);
    s->a = lo;
    ++pos_; // :
    if (!is_op(":") && !is_op("]") && !is_op(",")) s->b = test();
    if (accept_op(":")) {
        if (!is_op("]") && !is_op(",")) s->c = test();
    }
    return s;
}

Node* Parser::comprehension_tail(Node* n) {
    while (is_kw("for")) {
        Node* f = node(NodeKind::CompFor, tok());
        ++pos_;
        std::vector<Node*> targets;
        const Token& ts = tok();
        bool comma = false;
        for (;;) {
            if (is_op("*")) {
                Node* s = node(NodeKind::Starred, tok());
                ++pos_;
                s->a = binary(0);
                targets.push_back(s);
            } else {
                targets.push_back(binary(0));
            }
            if (!accept_op(",")) break;
            comma = true;
            if (is_kw("in")) break;
        }
        Node* target = targets[0];
        if (comma) {
            target = node(NodeKind::TupleLit, ts);
            target->list = targets;
        }
        check_target(target, "assign");
        f->a = target;
        if (!accept_kw("in")) error("invalid syntax", tok());
        f->b = or_test();
        while (is_kw("if")) {
            ++pos_;
            f->list.push_back(test_nocond());
        }
        n->list.push_back(f);
    }
    return n;
}

// A generator expression runs lazily, like CPython's: its loops become the body of a hidden
// generator function taking the first iterable (evaluated where the expression stands, kept in
// `b`) as its parameter `.0`.
Node* Parser::generator_function(Node* g) {
    auto code = std::make_shared<CodeInfo>();
    code->name = "<genexpr>";
    std::string prefix;
    for (auto& q : qual_)
        prefix += q + ".";
    code->qualname = prefix + "<genexpr>";
    code->file = file_;
    code->line = g->line;
    code->is_generator = true;
    code->def = g;
    code->arena = arena_;
    code->source = source_;
    code->params.push_back(intern(".0"));
    code->n_positional = 1;
    Node* yield = node(NodeKind::Yield, g->a->line, g->a->col);
    yield->a = g->a;
    Node* inner = node(NodeKind::ExprStmt, g->a->line, g->a->col);
    inner->a = yield;
    for (auto f = g->list.rbegin(); f != g->list.rend(); ++f) {
        Node* comp = *f;
        for (auto c = comp->list.rbegin(); c != comp->list.rend(); ++c) {
            Node* cond = node(NodeKind::If, (*c)->line, (*c)->col);
            cond->a = *c;
            cond->list.push_back(inner);
            inner = cond;
        }
        Node* loop = node(NodeKind::For, comp->line, comp->col);
        loop->a = comp->a;
        if (f + 1 == g->list.rend()) {
            g->b = comp->b;
            loop->b = node(NodeKind::Name, comp->line, comp->col);
            loop->b->name = code->params[0];
        } else {
            loop->b = comp->b;
        }
        loop->list.push_back(inner);
        inner = loop;
    }
    code->body.push_back(inner);
    g->a = nullptr;
    g->list.clear();
    g->code = code;
    return g;
}

Node* Parser::yield_expr() {
    Node* n = node(NodeKind::Yield, tok());
    ++pos_;
    if (!funcs_.empty()) {
        funcs_.back()->is_generator = true;
    } else {
        error_at("'yield' outside function", n->line, n->col);
    }
    if (accept_kw("from")) {
        n->kind = NodeKind::YieldFrom;
        n->a = test();
        return n;
    }
    if (starts_expression(tok())) n->a = testlist_star_expr();
    return n;
}

Node* Parser::parse_fstring(const Token& t, std::vector<Node*>& parts) {
    const std::string s(t.text);
    std::string lit;
    auto flush = [&]() {
        if (lit.empty()) return;
        Node* c = node(NodeKind::Const, t);
        c->constant = new_str(t.raw ? lit : decode_escapes(lit));
        parts.push_back(c);
        lit.clear();
    };
    size_t i = 0;
    while (i < s.size()) {
        char c = s[i];
        if (c == '{') {
            if (i + 1 < s.size() && s[i + 1] == '{') {
                lit += '{';
                i += 2;
                continue;
            }
            flush();
            // Find the end of the expression: depth-aware, skipping strings.
            size_t j = i + 1;
            int depth = 0;
            size_t expr_end = std::string::npos, conv_pos = std::string::npos,
                   spec_pos = std::string::npos;
            char quote = 0;
            for (; j < s.size(); ++j) {
                char d = s[j];
                if (quote) {
                    if (d == quote) quote = 0;
                    continue;
                }
                if (d == '\'' || d == '"') {
                    quote = d;
                    continue;
                }
                if (d == '(' || d == '[' || d == '{')
                    ++depth;
                else if ((d == ')' || d == ']' || d == '}') && depth > 0)
                    --depth;
                else if (depth == 0) {
                    if (d == '}') {
                        expr_end = j;
                        break;
                    }
                    if (d == '!' && j + 1 < s.size() && s[j + 1] != '=') {
                        expr_end = j;
                        conv_pos = j;
                        break;
                    }
                    if (d == ':') {
                        expr_end = j;
                        spec_pos = j;
                        break;
                    }
                }
            }
            if (expr_end == std::string::npos) error_at("f-string: expecting '}'", t.line, t.col);
            std::string expr = s.substr(i + 1, expr_end - i - 1);
            bool self_doc = false;
            {
                size_t k = expr.find_last_not_of(" ");
                if (k != std::string::npos && expr[k] == '=' &&
                    (k == 0 || (expr[k - 1] != '=' && expr[k - 1] != '!' && expr[k - 1] != '<' &&
                                expr[k - 1] != '>'))) {
                    self_doc = true;
                }
            }
            std::string expr_src = self_doc ? expr.substr(0, expr.find_last_not_of(" ")) : expr;
            if (expr_src.find_first_not_of(" \t\n") == std::string::npos)
                error_at("f-string: empty expression not allowed", t.line, t.col);
            std::string wrapped = "(" + expr_src + ")";
            Lexer lx(wrapped, file_, t.line, t.col);
            Parser sub(lx.tokenize(), file_, arena_, source_);
            sub.funcs_ = funcs_;
            sub.qual_ = qual_;
            Node* e = sub.parse_expr_only();
            if (self_doc) {
                Node* c2 = node(NodeKind::Const, t);
                c2->constant = new_str(expr);
                parts.push_back(c2);
            }
            Node* fv = node(NodeKind::FormattedValue, t);
            fv->a = e;
            fv->op = self_doc ? 'r' : 0;
            j = expr_end;
            if (conv_pos != std::string::npos) {
                char conv = j + 1 < s.size() ? s[j + 1] : 0;
                if (conv != 'r' && conv != 's' && conv != 'a')
                    error_at("f-string: invalid conversion character: expected 's', 'r', or 'a'",
                             t.line, t.col);
                fv->op = conv;
                j += 2;
                if (j < s.size() && s[j] == ':')
                    spec_pos = j;
                else if (j >= s.size() || s[j] != '}')
                    error_at("f-string: expecting '}'", t.line, t.col);
            }
            if (spec_pos != std::string::npos) {
                if (self_doc && conv_pos == std::string::npos) fv->op = 0;
                // Spec runs to the matching '}', may contain nested {...}.
                size_t k = spec_pos + 1;
                int d = 0;
                for (; k < s.size(); ++k) {
                    if (s[k] == '{')
                        ++d;
                    else if (s[k] == '}') {
                        if (d == 0) break;
                        --d;
                    }
                }
                if (k >= s.size()) error_at("f-string: expecting '}'", t.line, t.col);
                // The token views its text: the spec's copy must outlive the parse below.
                const std::string spec_text = s.substr(spec_pos + 1, k - spec_pos - 1);
                Token st = t;
                st.text = spec_text;
                Node* spec = node(NodeKind::FString, t);
                parse_fstring(st, spec->list);
                fv->b = spec;
                j = k;
            }
            parts.push_back(fv);
            i = j + 1;
            continue;
        }
        if (c == '}') {
            if (i + 1 < s.size() && s[i + 1] == '}') {
                lit += '}';
                i += 2;
                continue;
            }
            error_at("f-string: single '}' is not allowed", t.line, t.col);
        }
        lit += c;
        ++i;
    }
    flush();
    return nullptr;
}

Node* Parser::strings() {
    const Token& first = tok();
    bool any_f = false, any_bytes = false, any_str = false;
    size_t end = pos_;
    while (toks_[end].kind == Tok::String || toks_[end].kind == Tok::FString ||
           toks_[end].kind == Tok::Bytes) {
        if (toks_[end].kind == Tok::FString) any_f = true;
        if (toks_[end].kind == Tok::Bytes)
            any_bytes = true;
        else
            any_str = true;
        ++end;
    }
    if (any_bytes && any_str) error("cannot mix bytes and nonbytes literals", first);
    if (any_bytes) {
        std::string all;
        for (; pos_ < end; ++pos_)
            all += toks_[pos_].text;
        Node* n = node(NodeKind::Const, first);
        n->constant = Value::steal(new Bytes(std::move(all)));
        return n;
    }
    if (!any_f) {
        std::string all;
        for (; pos_ < end; ++pos_)
            all += toks_[pos_].text;
        Node* n = node(NodeKind::Const, first);
        n->constant = Value(intern(all));
        n->end_line = toks_[end - 1].end_line;
        n->end_col = toks_[end - 1].end_col;
        return n;
    }
    Node* n = node(NodeKind::FString, first);
    for (; pos_ < end; ++pos_) {
        const Token& t = toks_[pos_];
        if (t.kind == Tok::String) {
            Node* c = node(NodeKind::Const, t);
            c->constant = new_str(std::string(t.text));
            n->list.push_back(c);
        } else {
            parse_fstring(t, n->list);
        }
    }
    return n;
}

Node* Parser::atom() {
    const Token& t = tok();
    switch (t.kind) {
    case Tok::Name: {
        if (t.is("None") || t.is("True") || t.is("False")) {
            Node* n = node(NodeKind::Const, t);
            n->constant = t.is("None") ? Value::none() : Value::boolean(t.is("True"));
            ++pos_;
            return n;
        }
        if (is_keyword(t)) {
            if (t.is("yield")) error_at("invalid syntax", t.line, t.col);
            error("invalid syntax", t);
        }
        Node* n = node(NodeKind::Name, t);
        n->name = intern(t.text);
        ++pos_;
        n->end_line = t.end_line;
        n->end_col = t.end_col;
        return n;
    }
    case Tok::Int: {
        Node* n = node(NodeKind::Const, t);
        n->constant = Value::integer(t.ival);
        ++pos_;
        return n;
    }
    case Tok::BigInt: {
        Node* n = node(NodeKind::Const, t);
        n->constant = make_big_int_literal(std::string(t.text));
        ++pos_;
        return n;
    }
    case Tok::Float: {
        Node* n = node(NodeKind::Const, t);
        n->constant = Value::flt(t.fval);
        ++pos_;
        return n;
    }
    case Tok::String:
    case Tok::FString:
    case Tok::Bytes:
        return strings();
    case Tok::Op:
        break;
    case Tok::Newline:
    case Tok::End:
    case Tok::Indent:
    case Tok::Dedent:
    case Tok::Imag:
        error("invalid syntax", t);
    }
    if (t.is("...")) {
        Node* n = node(NodeKind::Const, t);
        n->constant = Value(Singletons::ellipsis);
        ++pos_;
        return n;
    }
    if (t.is("(")) {
        ++pos_;
        if (accept_op(")")) {
            Node* n = node(NodeKind::TupleLit, t);
            return n;
        }
        if (is_kw("yield")) {
            Node* y = yield_expr();
            expect_op(")");
            return y;
        }
        Node* first = star_or_test();
        if (is_kw("for")) {
            Node* g = node(NodeKind::GenExp, t);
            g->a = first;
            generator_function(comprehension_tail(g));
            expect_op(")");
            return g;
        }
        if (accept_op(")")) {
            if (first->kind == NodeKind::Starred)
                error_at("cannot use starred expression here", first->line, first->col);
            return first;
        }
        Node* tup = node(NodeKind::TupleLit, t);
        tup->list.push_back(first);
        while (accept_op(",")) {
            if (is_op(")")) break;
            tup->list.push_back(star_or_test());
        }
        if (!is_op(")")) {
            if (starts_expression(tok()))
                error_at("invalid syntax. Perhaps you forgot a comma?", first->line, first->col,
                         tok().end_col);
            expect_op(")");
        }
        ++pos_;
        return tup;
    }
    if (t.is("[")) {
        ++pos_;
        Node* n = node(NodeKind::ListLit, t);
        if (accept_op("]")) return n;
        Node* first = star_or_test();
        if (is_kw("for")) {
            n->kind = NodeKind::ListComp;
            n->a = first;
            comprehension_tail(n);
            expect_op("]");
            return n;
        }
        n->list.push_back(first);
        while (accept_op(",")) {
            if (is_op("]")) break;
            n->list.push_back(star_or_test());
        }
        if (!is_op("]") && starts_expression(tok()))
            error_at("invalid syntax. Perhaps you forgot a comma?", first->line, first->col,
                     tok().end_col);
        expect_op("]");
        return n;
    }
    if (t.is("{")) {
        ++pos_;
        Node* n = node(NodeKind::DictLit, t);
        if (accept_op("}")) return n;
        // Dict or set?
        if (accept_op("**")) {
            Node* ds = node(NodeKind::DoubleStarred, t);
            ds->a = binary(0);
            n->list.push_back(nullptr);
            n->list2.push_back(ds->a);
        } else {
            Node* k = star_or_test();
            if (accept_op(":")) {
                Node* v = test();
                if (is_kw("for")) {
                    n->kind = NodeKind::DictComp;
                    n->a = k;
                    n->b = v;
                    comprehension_tail(n);
                    expect_op("}");
                    return n;
                }
                n->list.push_back(k);
                n->list2.push_back(v);
            } else {
                n->kind = NodeKind::SetLit;
                if (is_kw("for")) {
                    n->kind = NodeKind::SetComp;
                    n->a = k;
                    comprehension_tail(n);
                    expect_op("}");
                    return n;
                }
                n->list.push_back(k);
                while (accept_op(",")) {
                    if (is_op("}")) break;
                    n->list.push_back(star_or_test());
                }
                expect_op("}");
                return n;
            }
        }
        while (accept_op(",")) {
            if (is_op("}")) break;
            if (accept_op("**")) {
                n->list.push_back(nullptr);
                n->list2.push_back(binary(0));
                continue;
            }
            Node* k = test();
            expect_colon();
            n->list.push_back(k);
            n->list2.push_back(test());
        }
        expect_op("}");
        return n;
    }
    if (t.is(")") || t.is("]") || t.is("}")) error("unmatched '" + std::string(t.text) + "'", t);
    error("invalid syntax", t);
}

Program parse_program(const std::string& source, const std::string& file) {
    auto src = std::make_shared<std::string>(source);
    Lexer lx(*src, file);
    auto arena = std::make_shared<std::vector<std::unique_ptr<Node>>>();
    Parser p(lx.tokenize(), file, arena, src);
    p.eof_error = lx.eof_error;
    Program prog;
    prog.may_have_private_names = lx.saw_private_name;
    prog.arena = arena;
    prog.code = std::make_shared<CodeInfo>();
    prog.code->name = "<module>";
    prog.code->qualname = "<module>";
    prog.code->file = file;
    prog.code->is_module = true;
    prog.code->arena = arena;
    prog.code->source = src;
    prog.code->body = p.parse_file();
    return prog;
}

Program parse_expression(const std::string& source, const std::string& file) {
    auto src = std::make_shared<std::string>(source);
    Lexer lx(*src, file);
    auto arena = std::make_shared<std::vector<std::unique_ptr<Node>>>();
    Parser p(lx.tokenize(), file, arena, src);
    Program prog;
    prog.arena = arena;
    prog.code = std::make_shared<CodeInfo>();
    prog.code->name = "<module>";
    prog.code->file = file;
    prog.code->is_module = true;
    prog.code->arena = arena;
    prog.code->source = src;
    Node* e = p.parse_expr_only();
    auto ret = std::make_unique<Node>();
    ret->kind = NodeKind::Return;
    ret->a = e;
    ret->line = e->line;
    prog.code->body.push_back(ret.get());
    arena->push_back(std::move(ret));
    return prog;
}

const char* node_kind_name(NodeKind k) {
    switch (k) {
#define X(n)                                                                                       \
    case NodeKind::n:                                                                              \
        return #n;
        ORMSH_NODE_KINDS(X)
#undef X
    }
    return "?";
}

} // namespace ormsh::lang
