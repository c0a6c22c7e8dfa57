// printf-style formatting against CPython, with a PercentArgs built from tagged strings.
#include "repl/lang/text/errors.h"
#include "repl/lang/text/float_repr.h"
#include "repl/lang/text/percent_format.h"
#include "repl/lang/text/str_repr.h"
#include "tests/text/text_cases.h"

#include <gtest/gtest.h>
#include <map>
#include <variant>
#include <vector>

namespace {
#include "tests/text/cases_percent.inc"
} // namespace

using namespace ormsh::lang::text;

namespace {

using Value = std::variant<IntValue, double, std::string>;

Value decode(std::string_view tagged) {
    std::string_view body = tagged.substr(2);
    switch (tagged[0]) {
    case 'i':
        return *parse_int(body, 10);
    case 'f':
        return parse_case_double(body);
    default:
        return std::string(body);
    }
}

// The right operand of % as the interpreter would describe it.
class TestArgs : public PercentArgs {
public:
    TestArgs(char mode, const std::string_view* args) : mode_(mode) {
        for (; !args->empty(); ++args) {
            if (mode == 'm') {
                std::string_view kv = args->substr(2);
                size_t eq = kv.find('=');
                keys_[std::string(kv.substr(0, eq))] = int64_t(values_.size());
                values_.push_back(decode(kv.substr(eq + 1)));
            } else {
                values_.push_back(decode(*args));
            }
        }
    }
    int64_t tuple_size() const override { return mode_ == 't' ? int64_t(values_.size()) : -1; }
    bool is_mapping() const override { return mode_ == 'm'; }
    ArgRef positional(int64_t index) override { return index; }
    std::optional<ArgRef> lookup(std::string_view key) override {
        auto it = keys_.find(std::string(key));
        if (it == keys_.end()) return std::nullopt;
        return it->second;
    }
    std::string str(ArgRef a) override {
        if (mode_ == 'm' && a < 0) return "{}";
        const Value& v = values_[a];
        if (auto* i = std::get_if<IntValue>(&v)) return int_to_string(*i);
        if (auto* d = std::get_if<double>(&v)) return float_repr(*d);
        return std::get<std::string>(v);
    }
    std::string repr(ArgRef a) override {
        const Value& v = values_[a];
        if (auto* s = std::get_if<std::string>(&v)) return str_repr(*s);
        return str(a);
    }
    std::string type_name(ArgRef a) override {
        const Value& v = values_[a];
        return std::holds_alternative<IntValue>(v) ? "int"
               : std::holds_alternative<double>(v) ? "float"
                                                   : "str";
    }
    std::optional<IntValue> as_int(ArgRef a) override {
        if (auto* i = std::get_if<IntValue>(&values_[a])) return *i;
        return std::nullopt;
    }
    std::optional<double> as_float(ArgRef a) override {
        if (auto* d = std::get_if<double>(&values_[a])) return *d;
        return std::nullopt;
    }
    std::optional<std::string> as_str(ArgRef a) override {
        if (auto* s = std::get_if<std::string>(&values_[a])) return *s;
        return std::nullopt;
    }

private:
    char mode_;
    std::vector<Value> values_;
    std::map<std::string, int64_t> keys_;
};

} // namespace

TEST(PercentFormat, MatchesCPython) {
    for (const auto& c : kPercent) {
        SCOPED_TRACE(std::string(c.fmt));
        TestArgs args(c.mode, c.args);
        std::string got;
        try {
            got = percent_format(c.fmt, args);
        } catch (const FormatError& e) {
            got = std::string(e.kind_name()) + ": " +
                  (e.kind() == ErrorKind::KeyError ? str_repr(e.what()) : std::string(e.what()));
        }
        EXPECT_EQ(got, c.expected);
    }
}
