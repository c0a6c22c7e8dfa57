// The language AST: one node struct whose kind is declared once in the X-macro below. The
// resolver (resolver.cpp) annotates name nodes with slots so the interpreter never looks up
// local variables by string.
#pragma once

#include "repl/lang/object.h"

#include <memory>
#include <string>
#include <vector>

namespace ormsh::lang {

#define ORMSH_NODE_KINDS(X)                                                                        \
    /* expressions */                                                                              \
    X(Const)                                                                                       \
    X(Name)                                                                                        \
    X(Attribute)                                                                                   \
    X(Subscript)                                                                                   \
    X(SliceExpr)                                                                                   \
    X(Call)                                                                                        \
    X(Keyword) X(BinOp) X(UnaryOp) X(BoolOp) X(Compare) X(IfExp) X(Lambda) X(ListLit) X(TupleLit)  \
        X(SetLit) X(DictLit) X(ListComp) X(SetComp) X(DictComp) X(GenExp) X(CompFor) X(Starred)    \
            X(DoubleStarred) X(FString) X(FormattedValue) X(Yield) X(YieldFrom) X(NamedExpr)       \
                X(Await) /* statements */                                                          \
        X(ExprStmt) X(Assign) X(AugAssign) X(AnnAssign) X(If) X(While) X(For) X(Break) X(Continue) \
            X(Pass) X(FunctionDef) X(ClassDef) X(Return) X(Global) X(Nonlocal) X(Try)              \
                X(ExceptHandler) X(Raise) X(With) X(WithItem) X(Import) X(ImportFrom) X(Alias)     \
                    X(Delete) X(Assert)

enum class NodeKind : uint8_t {
#define X(n) n,
    ORMSH_NODE_KINDS(X)
#undef X
};

const char* node_kind_name(NodeKind k);

enum class BinOpKind : uint8_t {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    MatMul,
    LShift,
    RShift,
    BitAnd,
    BitOr,
    BitXor
};
enum class UnaryKind : uint8_t { Neg, Pos, Invert, Not };
enum class CmpKind : uint8_t { Lt, Le, Gt, Ge, Eq, Ne, Is, IsNot, In, NotIn };

// How a Name node reads/writes its variable.
enum class Scope : uint8_t { Unresolved, Local, Cell, Global, ClassBody };

struct CodeInfo;
struct AttrSite;
struct NameSite;

struct Node {
    NodeKind kind;
    int line = 0;
    int col = 0;
    int end_line = 0;
    int end_col = 0;
    int op = 0; // BinOpKind / UnaryKind / BoolOp (0 and, 1 or) / conversion char
    Node* a = nullptr;
    Node* b = nullptr;
    Node* c = nullptr;
    std::vector<Node*> list;
    std::vector<Node*> list2;
    std::vector<Node*> list3; // orelse (If/For/While/Try)
    std::vector<Node*> list4; // finalbody (Try)
    std::vector<int> ops;     // Compare operators
    Value constant;
    Str* name = nullptr;  // interned identifier (Name, Attribute, Keyword, FunctionDef, ...)
    Str* name2 = nullptr; // alias target (`import a as b`)
    Scope scope = Scope::Unresolved;
    int slot = -1;
    int level = 0;                  // ImportFrom level
    std::shared_ptr<CodeInfo> code; // FunctionDef / Lambda / ClassDef body
    AttrSite* site = nullptr;       // Attribute: the inline cache (attr_cache.h), made on first use
    NameSite* name_site = nullptr;  // Name read as a global: its inline cache (attr_cache.h)
};

// What the resolver records about a function, lambda, class body or module.
struct CodeInfo {
    std::string name;
    std::string qualname;
    std::string file;
    int line = 0;
    bool is_class = false;
    bool is_module = false;
    bool is_generator = false;
    bool is_lambda = false;
    Node* def = nullptr; // FunctionDef/Lambda/ClassDef node
    std::vector<Node*> body;
    // Parameters: names in slot order: positional (incl. pos-only), *args, keyword-only, **kw.
    std::vector<Str*> params;
    int n_posonly = 0;
    int n_positional = 0;
    int n_kwonly = 0;
    bool has_varargs = false;
    bool has_varkw = false;
    std::vector<Node*> defaults;    // for the last positionals
    std::vector<Node*> kw_defaults; // per kw-only param, null when required
    // Parameter and return annotations in source order ("return" last), evaluated at definition.
    std::vector<Str*> annotation_names;
    std::vector<Node*> annotations;
    // Slots.
    int n_slots = 0;
    std::vector<Str*> slot_names;
    std::vector<int> cell_slots;     // slots holding a Cell created at entry
    std::vector<int> free_slots;     // slots holding Cells taken from the closure
    std::vector<int> free_src_slots; // per free slot: slot in the defining frame
    // The AST this code lives in. Weak: nodes own nested CodeInfos, so a strong pointer would
    // be a cycle; functions keep the arena alive through Function::ast.
    std::weak_ptr<std::vector<std::unique_ptr<Node>>> arena;
    std::shared_ptr<std::string> source;
};

// A parsed module: its nodes (owned by the arena) and code info.
struct Program {
    std::shared_ptr<CodeInfo> code;
    std::shared_ptr<std::vector<std::unique_ptr<Node>>> arena;
    bool may_have_private_names = true; // false: the mangler has nothing to rename
};

} // namespace ormsh::lang
