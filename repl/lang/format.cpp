// Glue between interpreter values and the text library's formatters: `str % args` through
// text::percent_format, and str.format's replacement-field parsing (auto/manual numbering,
// attribute and index lookups, conversions, nested specs).
#include "repl/lang/interpreter.h"
#include "repl/lang/numbers.h"
#include "repl/lang/text/errors.h"
#include "repl/lang/text/percent_format.h"
#include "repl/lang/text/str_repr.h"

#include <optional>

namespace ormsh::lang {

namespace {

class ValueArgs : public text::PercentArgs {
public:
    ValueArgs(Interpreter& in, const Value& v) : in_(in), v_(v) {
        if (has_layout(v, Layout::Tuple)) items_ = &v.as<Tuple>()->items;
    }
    int64_t tuple_size() const override {
        return items_ ? static_cast<int64_t>(items_->size()) : -1;
    }
    bool is_mapping() const override {
        if (items_ || is_str(v_)) return false;
        return v_.is_obj() &&
               (has_layout(v_, Layout::Dict) || !v_.type()->lookup("__getitem__").empty() ||
                has_layout(v_, Layout::List));
    }
    // Positional arguments are read in place (refs below zero); looked-up ones are held.
    text::ArgRef positional(int64_t index) override { return -1 - (items_ ? index : 0); }
    std::optional<text::ArgRef> lookup(std::string_view key) override {
        held_.push_back(in_.getitem(v_, new_str(std::string(key))));
        return static_cast<text::ArgRef>(held_.size() - 1);
    }
    std::string str(text::ArgRef a) override { return in_.str(at(a)); }
    std::string repr(text::ArgRef a) override { return in_.repr(at(a)); }
    std::string type_name(text::ArgRef a) override { return in_.type_name(at(a)); }
    std::optional<text::IntValue> as_int(text::ArgRef a) override {
        const Value& v = at(a);
        if (v.is_int()) return text::IntValue(v.as_int());
        if (v.is_bool()) return text::IntValue(static_cast<int64_t>(v.as_bool()));
        if (has_layout(v, Layout::BigInt)) return text::IntValue(v.as<BigIntObj>()->v);
        if (v.is_obj() && !v.type()->lookup("__index__").empty())
            return text::IntValue(in_.index_value(v));
        return std::nullopt;
    }
    std::optional<double> as_float(text::ArgRef a) override {
        const Value& v = at(a);
        if (v.is_float()) return v.as_float();
        if (v.is_obj() && !v.type()->lookup("__float__").empty()) {
            Value r = in_.call_method(v, "__float__", {});
            if (r.is_float()) return r.as_float();
        }
        return std::nullopt;
    }
    std::optional<std::string> as_str(text::ArgRef a) override {
        const Value& v = at(a);
        if (is_str(v)) return ormsh::lang::as_str(v)->s;
        return std::nullopt;
    }

private:
    const Value& at(text::ArgRef a) const {
        if (a >= 0) return held_[static_cast<size_t>(a)];
        return items_ ? (*items_)[static_cast<size_t>(-1 - a)] : v_;
    }
    Interpreter& in_;
    const Value& v_;
    const TupleItems* items_ = nullptr;
    std::vector<Value> held_;
};

} // namespace

std::string percent_format_value(Interpreter& in, std::string_view fmt, const Value& args) {
    ValueArgs a(in, args);
    try {
        return text::percent_format(fmt, a);
    } catch (text::FormatError& e) {
        if (e.kind() == text::ErrorKind::KeyError)
            in.raise_value(in.new_exception(builtin_type("KeyError"), {new_str(e.what())}));
        in.raise(e.kind_name(), e.what());
    }
}

std::string str_format(Interpreter& in, std::string_view fmt, Args& args, int depth = 0) {
    std::string out;
    size_t auto_idx = 0;
    bool used_auto = false, used_manual = false;
    size_t i = 0;
    while (i < fmt.size()) {
        char c = fmt[i];
        if (c == '}') {
            if (i + 1 < fmt.size() && fmt[i + 1] == '}') {
                out += '}';
                i += 2;
                continue;
            }
            in.raise("ValueError", "Single '}' encountered in format string");
        }
        if (c != '{') {
            out += c;
            ++i;
            continue;
        }
        if (i + 1 < fmt.size() && fmt[i + 1] == '{') {
            out += '{';
            i += 2;
            continue;
        }
        // Parse field up to matching '}'.
        size_t j = i + 1;
        int d = 0;
        for (; j < fmt.size(); ++j) {
            if (fmt[j] == '{')
                ++d;
            else if (fmt[j] == '}') {
                if (d == 0) break;
                --d;
            } else if (fmt[j] == '[') {
                while (j < fmt.size() && fmt[j] != ']')
                    ++j;
            }
        }
        if (j >= fmt.size())
            in.raise("ValueError",
                     d ? "unexpected '{' in field name" : "expected '}' before end of string");
        std::string field(fmt.substr(i + 1, j - i - 1));
        i = j + 1;
        std::string spec;
        char conv = 0;
        size_t k = 0;
        while (k < field.size() && field[k] != '!' && field[k] != ':') {
            if (field[k] == '[') {
                while (k < field.size() && field[k] != ']')
                    ++k;
            }
            ++k;
        }
        std::string name = field.substr(0, k);
        if (k < field.size() && field[k] == '!') {
            if (k + 1 >= field.size())
                in.raise("ValueError", "end of string while looking for conversion specifier");
            conv = field[k + 1];
            k += 2;
            if (k < field.size() && field[k] != ':')
                in.raise("ValueError", "expected ':' after conversion specifier");
        }
        if (k < field.size() && field[k] == ':') spec = field.substr(k + 1);
        if (spec.find('{') != std::string::npos) {
            if (depth > 1) in.raise("ValueError", "Max string recursion exceeded");
            spec = str_format(in, spec, args, depth + 1);
        }
        // First part of the name: index or keyword.
        size_t p = 0;
        while (p < name.size() && name[p] != '.' && name[p] != '[')
            ++p;
        std::string first = name.substr(0, p);
        Value v;
        if (first.empty()) {
            if (used_manual)
                in.raise(
                    "ValueError",
                    "cannot switch from manual field specification to automatic field numbering");
            used_auto = true;
            if (auto_idx >= args.pos.size())
                in.raise("IndexError", "Replacement index " + std::to_string(auto_idx) +
                                           " out of range for positional args tuple");
            v = args.pos[auto_idx++];
        } else if (std::isdigit(static_cast<unsigned char>(first[0]))) {
            if (used_auto)
                in.raise(
                    "ValueError",
                    "cannot switch from automatic field numbering to manual field specification");
            used_manual = true;
            size_t idx = std::stoul(first);
            if (idx >= args.pos.size())
                in.raise("IndexError", "Replacement index " + std::to_string(idx) +
                                           " out of range for positional args tuple");
            v = args.pos[idx];
        } else {
            bool found = false;
            for (auto& kw : args.kw)
                if (kw.name->s == first) {
                    v = kw.value;
                    found = true;
                }
            if (!found)
                in.raise_value(in.new_exception(builtin_type("KeyError"), {new_str(first)}));
        }
        while (p < name.size()) {
            if (name[p] == '.') {
                size_t q = p + 1;
                while (q < name.size() && name[q] != '.' && name[q] != '[')
                    ++q;
                v = in.getattr(v, intern(name.substr(p + 1, q - p - 1)));
                p = q;
            } else {
                size_t q = name.find(']', p);
                std::string key = name.substr(p + 1, q - p - 1);
                bool digits =
                    !key.empty() && key.find_first_not_of("0123456789") == std::string::npos;
                v = in.getitem(v, digits ? Value::integer(std::stoll(key)) : new_str(key));
                p = q + 1;
            }
        }
        if (conv == 'r')
            v = new_str(in.repr(v));
        else if (conv == 's')
            v = new_str(in.str(v));
        else if (conv == 'a')
            v = new_str(text::ascii_escape(in.repr(v)));
        else if (conv)
            in.raise("ValueError", std::string("Unknown conversion specifier ") + conv);
        out += in.format(v, spec);
    }
    return out;
}

} // namespace ormsh::lang
