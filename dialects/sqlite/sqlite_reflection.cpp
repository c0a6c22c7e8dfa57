// Reflection for SQLite through sqlite_master and the table_info / foreign_key_list /
// index_list PRAGMAs. Declared types are read back as SQLAlchemy's SQLite dialect does:
// known names map to their type, anything else by SQLite's type affinity rules.
#include "dialects/sqlite/sqlite_connection.h"
#include "dialects/sqlite/sqlite_dialect.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <sqlite3.h>

namespace ormsh::dialects {

using engine::TypeKind;
using engine::TypeSpec;
using engine::Value;

namespace {

std::string text_of(const Value& v) {
    if (auto* s = std::get_if<std::string>(&v)) return *s;
    if (auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
    return {};
}

std::int64_t int_of(const Value& v) {
    if (auto* i = std::get_if<std::int64_t>(&v)) return *i;
    return 0;
}

std::string upper(std::string s) {
    for (char& c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string trim(std::string s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])))
        ++i;
    return s.substr(i);
}

// Names given in CREATE TABLE as "CONSTRAINT name UNIQUE (a, b)" or "CONSTRAINT name FOREIGN
// KEY (a)": SQLite's PRAGMAs do not report them, so SQLAlchemy reads them from the SQL too.
struct NamedConstraint {
    std::string kind; // "UNIQUE" or "FOREIGN"
    std::string name;
    std::vector<std::string> columns;
};

std::vector<std::string> sql_tokens(const std::string& sql) {
    std::vector<std::string> tokens;
    std::size_t i = 0;
    while (i < sql.size()) {
        char c = sql[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (c == '"' || c == '`' || c == '[') {
            char close = c == '[' ? ']' : c;
            std::string word;
            for (++i; i < sql.size(); ++i) {
                if (sql[i] == close) {
                    if (close != ']' && i + 1 < sql.size() && sql[i + 1] == close) {
                        word += close;
                        ++i;
                        continue;
                    }
                    ++i;
                    break;
                }
                word += sql[i];
            }
            tokens.push_back("\x01" + word); // marks a quoted identifier
        } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$') {
            std::size_t start = i;
            while (i < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[i])) ||
                                      sql[i] == '_' || sql[i] == '$'))
                ++i;
            tokens.push_back(sql.substr(start, i - start));
        } else {
            tokens.push_back(std::string(1, c));
            ++i;
        }
    }
    return tokens;
}

std::string token_name(const std::string& token) {
    return !token.empty() && token[0] == '\x01' ? token.substr(1) : token;
}

std::vector<NamedConstraint> named_constraints(const std::string& sql) {
    std::vector<NamedConstraint> out;
    auto tokens = sql_tokens(sql);
    for (std::size_t i = 0; i + 3 < tokens.size(); ++i) {
        if (upper(tokens[i]) != "CONSTRAINT") continue;
        NamedConstraint nc;
        nc.name = token_name(tokens[i + 1]);
        std::size_t j = i + 2;
        std::string kind = upper(tokens[j]);
        if (kind == "FOREIGN" && j + 1 < tokens.size() && upper(tokens[j + 1]) == "KEY")
            ++j;
        else if (kind != "UNIQUE")
            continue;
        nc.kind = kind;
        if (++j >= tokens.size() || tokens[j] != "(") continue;
        for (++j; j < tokens.size() && tokens[j] != ")"; ++j)
            if (tokens[j] != ",") nc.columns.push_back(token_name(tokens[j]));
        out.push_back(std::move(nc));
    }
    return out;
}

} // namespace

// A declared column type as SQLAlchemy's SQLiteDialect._resolve_type_affinity reads it.
TypeSpec parse_sqlite_type(const std::string& declared) {
    TypeSpec spec;
    std::string decl = trim(declared);
    std::size_t paren = decl.find('(');
    std::string name = upper(trim(decl.substr(0, paren)));
    std::vector<int> args;
    if (paren != std::string::npos) {
        std::string inner = decl.substr(paren + 1, decl.find(')', paren) - paren - 1);
        std::size_t start = 0;
        while (start <= inner.size()) {
            std::size_t comma = inner.find(',', start);
            std::string arg = trim(inner.substr(start, comma - start));
            if (!arg.empty() && std::all_of(arg.begin(), arg.end(), ::isdigit))
                args.push_back(std::stoi(arg));
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    }
    static const std::map<std::string, TypeKind> known = {
        {"BIGINT", TypeKind::BigInteger},  {"BLOB", TypeKind::LargeBinary},
        {"BOOL", TypeKind::Boolean},       {"BOOLEAN", TypeKind::Boolean},
        {"CHAR", TypeKind::String},        {"DATE", TypeKind::Date},
        {"DATETIME", TypeKind::DateTime},  {"DOUBLE", TypeKind::Float},
        {"DECIMAL", TypeKind::Numeric},    {"FLOAT", TypeKind::Float},
        {"INT", TypeKind::Integer},        {"INTEGER", TypeKind::Integer},
        {"JSON", TypeKind::JSON},          {"NUMERIC", TypeKind::Numeric},
        {"REAL", TypeKind::Float},         {"SMALLINT", TypeKind::SmallInteger},
        {"TEXT", TypeKind::Text},          {"TIME", TypeKind::Time},
        {"TIMESTAMP", TypeKind::DateTime}, {"VARCHAR", TypeKind::String},
        {"NVARCHAR", TypeKind::String},    {"NCHAR", TypeKind::String},
    };
    std::string shown = name;
    if (auto it = known.find(name); it != known.end()) {
        spec.kind = it->second;
        if (name == "INT") shown = "INTEGER";
        if (name == "BOOL") shown = "BOOLEAN";
        if (name == "DOUBLE") shown = "FLOAT";
    } else if (name.find("INT") != std::string::npos) {
        spec.kind = TypeKind::Integer;
        shown = "INTEGER";
    } else if (name.find("CHAR") != std::string::npos || name.find("CLOB") != std::string::npos ||
               name.find("TEXT") != std::string::npos) {
        spec.kind = TypeKind::Text;
        shown = "TEXT";
    } else if (name.empty() || name.find("BLOB") != std::string::npos) {
        spec.kind = TypeKind::Null;
        spec.reflected_str = "NULL";
        return spec;
    } else if (name.find("REAL") != std::string::npos || name.find("FLOA") != std::string::npos ||
               name.find("DOUB") != std::string::npos) {
        spec.kind = TypeKind::Float;
        shown = "REAL";
    } else {
        spec.kind = TypeKind::Numeric;
        shown = "NUMERIC";
    }
    if (spec.kind == TypeKind::String || spec.kind == TypeKind::Text) {
        if (!args.empty()) spec.length = args[0];
    } else if (spec.kind == TypeKind::Numeric || spec.kind == TypeKind::Float) {
        if (!args.empty()) spec.precision = args[0];
        if (args.size() > 1) spec.scale = args[1];
    }
    // Only the string and numeric classes print their arguments (FLOAT(8) prints FLOAT).
    bool takes_args = spec.kind == TypeKind::String || spec.kind == TypeKind::Text ||
                      spec.kind == TypeKind::Numeric;
    if (takes_args && !args.empty()) {
        shown += "(";
        for (std::size_t i = 0; i < args.size() && i < 2; ++i)
            shown += (i ? ", " : "") + std::to_string(args[i]);
        shown += ")";
    }
    spec.reflected_str = shown;
    return spec;
}

std::vector<std::string> SQLiteConnection::table_names() {
    std::vector<std::string> names;
    for (const auto& row : query("SELECT name FROM sqlite_master WHERE type='table' AND name NOT "
                                 "LIKE 'sqlite~_%' ESCAPE '~' ORDER BY name"))
        names.push_back(text_of(row[0]));
    return names;
}

bool SQLiteConnection::has_table(const std::string& name) {
    return !query("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?",
                  {name})
                .empty();
}

std::optional<engine::TableInfo> SQLiteConnection::reflect_table(const std::string& name) {
    if (!has_table(name)) return std::nullopt;
    engine::TableInfo info;
    info.name = name;
    std::string quoted = dialect_.force_quote_identifier(name);

    // table_info: cid, name, type, notnull, dflt_value, pk
    std::vector<std::pair<std::int64_t, std::string>> pk;
    for (const auto& row : query("PRAGMA main.table_info(" + quoted + ")")) {
        engine::ColumnInfo col;
        col.name = text_of(row[1]);
        col.type_name = text_of(row[2]);
        col.type = parse_sqlite_type(col.type_name);
        col.nullable = int_of(row[3]) == 0;
        if (!engine::is_null(row[4])) col.default_sql = text_of(row[4]);
        if (int_of(row[5]) > 0) pk.emplace_back(int_of(row[5]), col.name);
        info.columns.push_back(std::move(col));
    }
    std::sort(pk.begin(), pk.end());
    for (const auto& [order, column] : pk)
        info.primary_key.push_back(column);
    // Only a lone INTEGER PRIMARY KEY is SQLite's autoincrementing rowid alias.
    if (info.primary_key.size() == 1) {
        for (auto& col : info.columns)
            if (col.name == info.primary_key[0] && upper(trim(col.type_name)) == "INTEGER")
                col.autoincrement = true;
    }

    // foreign_key_list: id, seq, table, from, to, on_update, on_delete, match
    std::map<std::int64_t, engine::ForeignKeyInfo> fks;
    for (const auto& row : query("PRAGMA main.foreign_key_list(" + quoted + ")")) {
        auto& fk = fks[int_of(row[0])];
        fk.referred_table = text_of(row[2]);
        fk.constrained_columns.push_back(text_of(row[3]));
        if (!engine::is_null(row[4])) fk.referred_columns.push_back(text_of(row[4]));
        std::string on_delete = upper(text_of(row[6]));
        if (!on_delete.empty() && on_delete != "NO ACTION") fk.ondelete = on_delete;
    }
    // SQLite numbers foreign keys last-declared first; report them in declaration order.
    for (auto it = fks.rbegin(); it != fks.rend(); ++it) {
        auto fk = it->second;
        if (fk.referred_columns.empty()) {
            // REFERENCES t with no column list means t's primary key.
            for (const auto& row : query("PRAGMA main.table_info(" +
                                         dialect_.force_quote_identifier(fk.referred_table) + ")"))
                if (int_of(row[5]) > 0) fk.referred_columns.push_back(text_of(row[1]));
        }
        info.foreign_keys.push_back(std::move(fk));
    }

    std::string create_sql;
    for (const auto& row :
         query("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", {name}))
        create_sql = text_of(row[0]);
    auto named = named_constraints(create_sql);
    auto name_for = [&](const char* kind, const std::vector<std::string>& columns) {
        for (const auto& nc : named)
            if (nc.kind == kind && nc.columns == columns)
                return std::optional<std::string>(nc.name);
        return std::optional<std::string>();
    };
    for (auto& fk : info.foreign_keys)
        fk.name = name_for("FOREIGN", fk.constrained_columns);

    // index_list: seq, name, unique, origin, partial (newest first)
    auto indexes = query("PRAGMA main.index_list(" + quoted + ")");
    std::reverse(indexes.begin(), indexes.end());
    for (const auto& row : indexes) {
        std::string index_name = text_of(row[1]);
        std::string origin = text_of(row[3]);
        if (origin == "pk") continue;
        std::vector<std::string> columns;
        for (const auto& col :
             query("PRAGMA main.index_info(" + dialect_.force_quote_identifier(index_name) + ")"))
            columns.push_back(text_of(col[2]));
        if (origin == "u") {
            info.unique_constraints.push_back({name_for("UNIQUE", columns), columns});
        } else {
            info.indexes.push_back({index_name, columns, int_of(row[2]) != 0});
        }
    }
    return info;
}

} // namespace ormsh::dialects
