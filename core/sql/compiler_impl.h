// Internal to core/sql: the compiler's state and visitor, shared by the expression half
// (compiler.cpp) and the statement half (compiler_statements.cpp).
#pragma once

#include "core/sql/compiler.h"
#include "core/sql/flavor.h"

#include <map>
#include <string>
#include <vector>

namespace ormsh::sql::detail {

class SQLCompiler {
public:
    SQLCompiler(const engine::Dialect& dialect, const CompileOptions& options);
    Compiled run(const NodePtr& statement);

    // ---- used by both halves ----
    struct Ctx {
        // Rendering the columns clause of a SELECT (labels render "AS name").
        bool columns_clause = false;
        // The SELECT whose clauses are being rendered (labels in ORDER BY render by name).
        const Select* select = nullptr;
        // Rendering ORDER BY: a label of the SELECT's columns renders as its name.
        bool order_by = false;
        // Inside a DDL DEFAULT: binds render as literals.
        bool literal_binds = false;
        // ORDER BY of a compound select: columns render as their bare names.
        bool bare_column_names = false;
    };
    std::string visit(const NodePtr& n, const Ctx& ctx);
    std::string quote(std::string_view name) const { return dialect_.quote_identifier(name); }
    // The name an anonymous construct gets: base_1, base_2 ... in order of first rendering.
    std::string anon(const void* id, const std::string& base);
    // Adds a parameter slot and returns its placeholder.
    std::string placeholder(ParamSlot slot);
    std::string percent(std::string_view s) const;

    // ---- statements (compiler_statements.cpp) ----
    // How a SELECT is being rendered: the statement itself, a subquery in FROM (every column
    // labelled, no correlation), or nested in an expression (scalar, IN, EXISTS: correlated).
    enum class SelectMode { TopLevel, AsFrom, Nested };
    std::string visit_select(const Select& s, SelectMode mode);
    std::string visit_compound(const CompoundSelect& c, SelectMode mode);
    std::string visit_insert(const Insert& i);
    std::string visit_update(const Update& u);
    std::string visit_delete(const Delete& d);
    std::string where_clause(const NodeList& criteria, const Ctx& ctx);
    std::string limit_clause(const NodePtr& limit, const NodePtr& offset, const Ctx& ctx);
    std::string returning_clause(const NodeList& cols, const schema::Table& table);
    NodeList display_froms(const Select& s, bool correlated);
    std::string select_column(const NodePtr& e, SelectMode mode, std::vector<std::string>& seen,
                              const Ctx& ctx);
    // Nodes the compiler creates itself (LIMIT -1 binds) live as long as the compile, so their
    // addresses stay unique keys of the anonymous-name map.
    NodeList temporaries_;

    // ---- expressions (compiler.cpp) ----
    std::string visit_column(const ColumnRef& c, const Ctx& ctx);
    std::string visit_bind(const BindParam& b, const Node* id, const Ctx& ctx);
    std::string visit_binary(const Binary& b, const Ctx& ctx);
    std::string visit_unary(const Unary& u, const Ctx& ctx);
    std::string visit_function(const Function& f, const Ctx& ctx);
    std::string visit_text(const TextClause& t);
    std::string visit_from(const NodePtr& from, const Ctx& ctx);
    std::string alias_name(const Alias& a);
    std::string label_name(const Label& l, const Node* id);
    std::string literal_value(const Value& v) const;

    const engine::Dialect& dialect_;
    const Flavor& flavor_;
    CompileOptions options_;
    Compiled out_;
    // Enclosing SELECTs' FROM clauses, for auto-correlation of nested selects.
    std::vector<NodeList> correlate_froms_;
    // Result columns are recorded for the outermost statement only (and, in a compound, for
    // its first member).
    int select_depth_ = 0;
    bool record_columns_ = true;

private:
    std::map<std::pair<const void*, std::string>, std::string> anon_names_;
    std::map<std::string, int> anon_counters_;
    int position_ = 0;
};

} // namespace ormsh::sql::detail
