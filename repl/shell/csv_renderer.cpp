// `.mode csv`: RFC 4180 with a header line. None is an empty field and an empty string a
// quoted empty field (""), so the two stay distinct when the CSV is read back.
#include "repl/shell/result_renderer.h"

namespace ormsh::shell {
namespace {

std::string csv_field(lang::Interpreter& in, const lang::Value& v) {
    if (v.is_none()) return "";
    std::string s = lang::is_str(v) ? lang::as_str(v)->s : in.str(v);
    if (!s.empty() && s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

} // namespace

std::string render_csv(lang::Interpreter& in, const Tabular& data) {
    std::string out;
    for (std::size_t c = 0; c < data.columns.size(); ++c)
        out += (c ? "," : "") + csv_field(in, lang::new_str(data.columns[c]));
    out += "\r\n";
    for (const auto& row : data.rows) {
        for (std::size_t c = 0; c < row.size(); ++c)
            out += (c ? "," : "") + csv_field(in, row[c]);
        out += "\r\n";
    }
    return out;
}

} // namespace ormsh::shell
