// How the interactive shell shows the value of an expression statement: `repr` as Python's
// REPL does, or — for lists of model instances, query results and rows — an aligned table,
// JSON or CSV (`.mode`). One renderer per mode; values that are not tabular fall back to repr.
#pragma once

#include "repl/lang/interpreter.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ormsh::shell {

enum class OutputMode { Repr, Table, Vertical, Json, Csv };

std::optional<OutputMode> parse_output_mode(std::string_view name);
std::string_view output_mode_name(OutputMode mode);

// Rows and named columns taken from a value; cells keep their Python values.
struct Tabular {
    std::vector<std::string> columns;
    std::vector<std::vector<lang::Value>> rows;
};

// The rows of a list/tuple of model instances, Rows, dicts or tuples, of a Result, or of one
// model instance; nullopt for anything else. A Result is consumed.
std::optional<Tabular> tabulate(lang::Interpreter& in, const lang::Value& value);

struct RenderOptions {
    std::size_t terminal_width = 80;
    std::size_t max_rows = 100;      // rows shown before "... N more rows"
    std::size_t max_cell_width = 60; // longer cells are cut with "…"
    bool vertical = false;           // one "column | value" block per record, whatever the width
};

// The text to print for `value` in `mode` (ends with a newline; empty for None).
std::string render_value(lang::Interpreter& in, const lang::Value& value, OutputMode mode,
                         const RenderOptions& options);

// The individual renderers, also used by `.sql`.
std::string render_table(lang::Interpreter& in, const Tabular& data, const RenderOptions& options);
std::string render_json(lang::Interpreter& in, const Tabular& data);
std::string render_csv(lang::Interpreter& in, const Tabular& data);

} // namespace ormsh::shell
