// Mode names and the dispatch from a value to its renderer.
#include "repl/shell/result_renderer.h"

namespace ormsh::shell {

std::optional<OutputMode> parse_output_mode(std::string_view name) {
    if (name == "repr") return OutputMode::Repr;
    if (name == "table") return OutputMode::Table;
    if (name == "vertical") return OutputMode::Vertical;
    if (name == "json") return OutputMode::Json;
    if (name == "csv") return OutputMode::Csv;
    return std::nullopt;
}

std::string_view output_mode_name(OutputMode mode) {
    switch (mode) {
    case OutputMode::Repr:
        return "repr";
    case OutputMode::Table:
        return "table";
    case OutputMode::Vertical:
        return "vertical";
    case OutputMode::Json:
        return "json";
    case OutputMode::Csv:
        return "csv";
    }
    return "repr";
}

std::string render_value(lang::Interpreter& in, const lang::Value& value, OutputMode mode,
                         const RenderOptions& options) {
    if (value.is_none()) return "";
    if (mode != OutputMode::Repr) {
        if (auto data = tabulate(in, value)) {
            if (mode == OutputMode::Table) return render_table(in, *data, options);
            if (mode == OutputMode::Vertical) {
                RenderOptions vertical = options;
                vertical.vertical = true;
                return render_table(in, *data, vertical);
            }
            if (mode == OutputMode::Json) return render_json(in, *data);
            return render_csv(in, *data);
        }
    }
    return in.repr(value) + "\n";
}

} // namespace ormsh::shell
