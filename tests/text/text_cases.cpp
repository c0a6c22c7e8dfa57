// Shared helpers for the generated case tables.
#include "tests/text/text_cases.h"

#include <cstdlib>
#include <string>

double parse_case_double(std::string_view text) {
    bool neg = false;
    if (!text.empty() && text[0] == '-') {
        neg = true;
        text.remove_prefix(1);
    }
    if (!text.empty() && text.back() == '_') text.remove_suffix(1);
    double v;
    if (text == "NAN")
        v = std::numeric_limits<double>::quiet_NaN();
    else if (text == "INF")
        v = std::numeric_limits<double>::infinity();
    else
        v = std::strtod(std::string(text).c_str(), nullptr);
    return neg ? -v : v;
}
