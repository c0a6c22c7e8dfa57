// Turning Python values into rows and columns for the table, JSON and CSV modes: model
// instances give their mapped columns (in table order), Rows their keys, dicts their keys.
#include "repl/api/orm/model.h"
#include "repl/shell/result_renderer.h"

#include <algorithm>

namespace ormsh::shell {
namespace {

using lang::Interpreter;
using lang::Value;

// The column names of a mapped class (its __table__), or empty when `v` is not an instance.
std::vector<std::string> model_columns(Interpreter& in, const Value& v) {
    if (!api::as_model(v)) return {};
    Value table = in.getattr_opt(Value(v.type()), lang::intern("__table__"));
    if (table.empty()) return {};
    std::vector<std::string> names;
    for (const Value& column : in.to_vector(in.getattr(table, "columns"))) {
        Value key = in.getattr_opt(column, lang::intern("key"));
        names.push_back(lang::is_str(key) ? lang::as_str(key)->s : in.str(column));
    }
    return names;
}

bool is_row(Interpreter& in, const Value& v) {
    return v.is_obj() && !lang::has_layout(v, lang::Layout::Type) &&
           in.hasattr(v, lang::intern("_fields")) && in.hasattr(v, lang::intern("_mapping"));
}

std::vector<std::string> string_list(Interpreter& in, const Value& v) {
    std::vector<std::string> out;
    for (const Value& item : in.to_vector(v))
        out.push_back(lang::is_str(item) ? lang::as_str(item)->s : in.str(item));
    return out;
}

std::optional<Tabular> tabulate_items(Interpreter& in, const std::vector<Value>& items) {
    if (items.empty()) return std::nullopt;
    const Value& first = items.front();
    Tabular t;
    if (auto columns = model_columns(in, first); !columns.empty()) {
        t.columns = columns;
        for (const Value& item : items) {
            if (item.type() != first.type()) return std::nullopt;
            std::vector<Value> row;
            for (const std::string& c : columns) {
                Value cell = in.getattr_opt(item, lang::intern(c));
                row.push_back(cell.empty() ? Value::none() : cell);
            }
            t.rows.push_back(std::move(row));
        }
        return t;
    }
    if (is_row(in, first)) {
        t.columns = string_list(in, in.getattr(first, "_fields"));
        for (const Value& item : items) {
            if (!is_row(in, item)) return std::nullopt;
            t.rows.push_back(in.to_vector(item));
        }
        return t;
    }
    if (lang::has_layout(first, lang::Layout::Dict)) {
        for (const Value& item : items) {
            if (!lang::has_layout(item, lang::Layout::Dict)) return std::nullopt;
            for (const std::string& k : string_list(in, item))
                if (std::find(t.columns.begin(), t.columns.end(), k) == t.columns.end())
                    t.columns.push_back(k);
        }
        for (const Value& item : items) {
            std::vector<Value> row;
            for (const std::string& k : t.columns) {
                Value cell = item.as<lang::Dict>()->get_str(lang::intern(k));
                row.push_back(cell.empty() ? Value::none() : cell);
            }
            t.rows.push_back(std::move(row));
        }
        return t;
    }
    if (lang::has_layout(first, lang::Layout::Tuple)) {
        std::size_t width = first.as<lang::Tuple>()->items.size();
        for (std::size_t i = 0; i < width; ++i)
            t.columns.push_back(std::to_string(i));
        for (const Value& item : items) {
            if (!lang::has_layout(item, lang::Layout::Tuple) ||
                item.as<lang::Tuple>()->items.size() != width)
                return std::nullopt;
            t.rows.push_back(item.as<lang::Tuple>()->items.to_vector());
        }
        return t;
    }
    return std::nullopt;
}

} // namespace

std::optional<Tabular> tabulate(Interpreter& in, const Value& value) {
    if (value.is_none()) return std::nullopt;
    if (lang::has_layout(value, lang::Layout::List))
        return tabulate_items(in, value.as<lang::List>()->items);
    if (lang::has_layout(value, lang::Layout::Tuple))
        return tabulate_items(in, value.as<lang::Tuple>()->items.to_vector());
    if (!model_columns(in, value).empty()) return tabulate_items(in, {value});
    if (is_row(in, value)) return tabulate_items(in, {value});
    // A Result (session.execute / conn.execute): its keys, then its rows.
    std::string type_name = value.type()->name;
    if (type_name.find("Result") != std::string::npos && in.hasattr(value, lang::intern("keys")) &&
        in.hasattr(value, lang::intern("fetchall"))) {
        Tabular t;
        t.columns = string_list(in, in.call_method(value, "keys", {}));
        for (const Value& row : in.to_vector(in.call_method(value, "fetchall", {})))
            t.rows.push_back(in.to_vector(row));
        return t;
    }
    return std::nullopt;
}

} // namespace ormsh::shell
