// The `pprint` module: pprint, pformat and pp laid out as CPython's PrettyPrinter does (width
// 80, indent 1, dict keys sorted unless sort_dicts=False): a value whose repr fits stays on one
// line; dicts, lists, tuples and sets that do not fit get one item per line, and long strings
// are split into adjacent literals at word boundaries.
#include "repl/api/stdlib/module_util.h"
#include "repl/api/stdlib/stdlib_modules.h"
#include "repl/lang/text/utf8.h"

#include <algorithm>
#include <set>

namespace ormsh::api::stdlib {

namespace {

using lang::Layout;
using lang::Types;

size_t text_len(const std::string& s) {
    return lang::text::utf8_length(s);
}

class Printer {
public:
    Printer(Interpreter& in, int64_t indent, int64_t width, bool sort_dicts)
        : in_(in), indent_(indent), width_(width), sort_dicts_(sort_dicts) {}

    void format(const Value& v, int64_t indent, int64_t allowance, int level) {
        if (v.is_obj() && active_.count(v.identity())) {
            out += recursion(v);
            return;
        }
        std::string rep = safe_repr(v);
        if (static_cast<int64_t>(text_len(rep)) > width_ - indent - allowance && v.is_obj()) {
            active_.insert(v.identity());
            bool done = pretty(v, indent, allowance, level + 1);
            active_.erase(v.identity());
            if (done) return;
        }
        out += rep;
    }

    std::string out;

private:
    bool builtin_repr(const Value& v, Type* base) const {
        return v.type()->is_subtype(base) &&
               v.type()->lookup("__repr__").is(base->lookup("__repr__"));
    }

    std::string recursion(const Value& v) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%llu", static_cast<unsigned long long>(v.identity()));
        return "<Recursion on " + short_type_name(v) + " with id=" + buf + ">";
    }

    // Sorting keys the way pprint's _safe_key does: natural order, else by type name.
    void sort_values(std::vector<Value>& values) {
        std::stable_sort(values.begin(), values.end(), [&](const Value& a, const Value& b) {
            try {
                return in_.lt(a, b);
            } catch (lang::PyException&) {
                return a.type()->name < b.type()->name;
            }
        });
    }

    std::vector<std::pair<Value, Value>> dict_items(const Value& v) {
        std::vector<std::pair<Value, Value>> items;
        for (auto& e : v.as<lang::Dict>()->entries)
            if (!e.key.empty()) items.emplace_back(e.key, e.value);
        if (sort_dicts_) {
            std::vector<Value> keys;
            for (auto& [k, val] : items)
                keys.push_back(k);
            sort_values(keys);
            std::vector<std::pair<Value, Value>> sorted;
            for (auto& k : keys)
                sorted.emplace_back(k, v.as<lang::Dict>()->get(in_, k));
            return sorted;
        }
        return items;
    }

    std::string safe_repr(const Value& v) {
        if (!v.is_obj()) return in_.repr(v);
        if (active_.count(v.identity())) return recursion(v);
        if (builtin_repr(v, Types::dict) && v.type() == Types::dict) {
            active_.insert(v.identity());
            std::string s = "{";
            bool first = true;
            for (auto& [k, val] : dict_items(v)) {
                s += (first ? "" : ", ") + safe_repr(k) + ": " + safe_repr(val);
                first = false;
            }
            active_.erase(v.identity());
            return s + "}";
        }
        bool list = v.type() == Types::list, tuple = v.type() == Types::tuple;
        if (list || tuple) {
            std::span<const Value> items = list
                                               ? std::span<const Value>(v.as<lang::List>()->items)
                                               : std::span<const Value>(v.as<lang::Tuple>()->items);
            if (items.empty()) return list ? "[]" : "()";
            active_.insert(v.identity());
            std::string s = list ? "[" : "(";
            for (size_t i = 0; i < items.size(); ++i)
                s += (i ? ", " : "") + safe_repr(items[i]);
            active_.erase(v.identity());
            if (tuple && items.size() == 1) s += ",";
            return s + (list ? "]" : ")");
        }
        return in_.repr(v);
    }

    void items(std::span<const Value> values, int64_t indent, int64_t allowance, int level) {
        indent += indent_;
        if (indent_ > 1) out += std::string(static_cast<size_t>(indent_ - 1), ' ');
        std::string delim;
        for (size_t i = 0; i < values.size(); ++i) {
            bool last = i + 1 == values.size();
            out += delim;
            delim = ",\n" + std::string(static_cast<size_t>(indent), ' ');
            format(values[i], indent, last ? allowance : 1, level);
        }
    }

    bool pretty(const Value& v, int64_t indent, int64_t allowance, int level) {
        if (builtin_repr(v, Types::dict) && v.type() == Types::dict) {
            out += "{";
            if (indent_ > 1) out += std::string(static_cast<size_t>(indent_ - 1), ' ');
            auto entries = dict_items(v);
            int64_t inner = indent + indent_;
            std::string delim = ",\n" + std::string(static_cast<size_t>(inner), ' ');
            for (size_t i = 0; i < entries.size(); ++i) {
                bool last = i + 1 == entries.size();
                std::string rep = safe_repr(entries[i].first);
                out += rep + ": ";
                format(entries[i].second, inner + static_cast<int64_t>(text_len(rep)) + 2,
                       last ? allowance + 1 : 1, level);
                if (!last) out += delim;
            }
            out += "}";
            return true;
        }
        if (v.type() == Types::list) {
            out += "[";
            items(v.as<lang::List>()->items, indent, allowance + 1, level);
            out += "]";
            return true;
        }
        if (v.type() == Types::tuple) {
            auto& t = v.as<lang::Tuple>()->items;
            std::string end = t.size() == 1 ? ",)" : ")";
            out += "(";
            items(t, indent, allowance + static_cast<int64_t>(end.size()), level);
            out += end;
            return true;
        }
        if (v.type() == Types::set || v.type() == Types::frozenset) {
            auto* s = v.as<lang::Set>();
            if (s->size() == 0) return false;
            std::vector<Value> values;
            for (auto& slot : s->table)
                if (!slot.key.empty() && !slot.dummy) values.push_back(slot.key);
            sort_values(values);
            bool plain = v.type() == Types::set;
            std::string end = plain ? "}" : "})";
            out += plain ? "{" : "frozenset({";
            items(values, plain ? indent : indent + 10,
                  allowance + static_cast<int64_t>(end.size()), level);
            out += end;
            return true;
        }
        if (v.type() == Types::str) return pretty_str(lang::as_str(v)->s, indent, allowance, level);
        return false;
    }

    bool pretty_str(const std::string& s, int64_t indent, int64_t allowance, int level) {
        if (s.empty()) return false;
        std::vector<std::string> lines;
        size_t start = 0;
        for (size_t i = 0; i < s.size(); ++i)
            if (s[i] == '\n') {
                lines.push_back(s.substr(start, i + 1 - start));
                start = i + 1;
            }
        if (start < s.size()) lines.push_back(s.substr(start));
        if (level == 1) {
            ++indent;
            ++allowance;
        }
        int64_t max_width1 = width_ - indent, max_width = width_ - indent;
        std::vector<std::string> chunks;
        auto rep_of = [&](const std::string& t) { return in_.repr(lang::new_str(t)); };
        for (size_t i = 0; i < lines.size(); ++i) {
            std::string rep = rep_of(lines[i]);
            if (i + 1 == lines.size()) max_width1 -= allowance;
            if (static_cast<int64_t>(text_len(rep)) <= max_width1) {
                chunks.push_back(rep);
                continue;
            }
            // Alternating runs of non-space then space characters.
            std::vector<std::string> parts;
            const std::string& line = lines[i];
            size_t p = 0;
            while (p < line.size()) {
                size_t q = p;
                while (q < line.size() && !std::isspace(static_cast<unsigned char>(line[q])))
                    ++q;
                while (q < line.size() && std::isspace(static_cast<unsigned char>(line[q])))
                    ++q;
                parts.push_back(line.substr(p, q - p));
                p = q;
            }
            int64_t max_width2 = max_width;
            std::string current;
            for (size_t j = 0; j < parts.size(); ++j) {
                std::string candidate = current + parts[j];
                if (j + 1 == parts.size() && i + 1 == lines.size()) max_width2 -= allowance;
                if (static_cast<int64_t>(text_len(rep_of(candidate))) > max_width2) {
                    if (!current.empty()) chunks.push_back(rep_of(current));
                    current = parts[j];
                } else {
                    current = candidate;
                }
            }
            if (!current.empty()) chunks.push_back(rep_of(current));
        }
        if (chunks.size() == 1) {
            out += chunks[0];
            return true;
        }
        if (level == 1) out += "(";
        for (size_t i = 0; i < chunks.size(); ++i) {
            if (i) out += "\n" + std::string(static_cast<size_t>(indent), ' ');
            out += chunks[i];
        }
        if (level == 1) out += ")";
        return true;
    }

    Interpreter& in_;
    int64_t indent_, width_;
    bool sort_dicts_;
    std::set<uintptr_t> active_;
};

std::string pformat_impl(Interpreter& in, const Value& obj, const Value* opts) {
    int64_t indent = opts[0].empty() ? 1 : in.index_value(opts[0]);
    int64_t width = opts[1].empty() ? 80 : in.index_value(opts[1]);
    bool sort_dicts = opts[2].empty() || in.truthy(opts[2]);
    if (indent < 0) in.raise("ValueError", "indent must be >= 0");
    if (width <= 0) in.raise("ValueError", "width must be != 0");
    Printer p(in, indent, width, sort_dicts);
    p.format(obj, 0, 0, 0);
    return std::move(p.out);
}

Value pp_pformat(Interpreter& in, const Value&, Args& args) {
    Value p[6];
    lang::parse_args(in, "pformat", args,
                     {"object", "indent", "width", "sort_dicts", "depth", "compact"}, 1, p, true);
    Value opts[3] = {p[1], p[2], p[3]};
    return lang::new_str(pformat_impl(in, p[0], opts));
}

Value print_formatted(Interpreter& in, Args& args, const char* fname, bool sort_default) {
    Value p[7];
    lang::parse_args(in, fname, args,
                     {"object", "stream", "indent", "width", "depth", "compact", "sort_dicts"}, 1,
                     p, true);
    Value sort = p[6].empty() ? Value::boolean(sort_default) : p[6];
    Value opts[3] = {p[2], p[3], sort};
    std::string text = pformat_impl(in, p[0], opts) + "\n";
    if (!p[1].empty() && !p[1].is_none())
        in.call_method(p[1], "write", {lang::new_str(text)});
    else
        in.write_out(text);
    return Value::none();
}

} // namespace

void register_pprint_module(Interpreter& in) {
    in.register_builtin_module("pprint", [](Interpreter&, lang::Module& m) {
        def_fn(m, "pformat", pp_pformat);
        def_fn(
            m, "pprint", +[](Interpreter& in, const Value&, Args& args) {
                return print_formatted(in, args, "pprint", true);
            });
        def_fn(
            m, "pp", +[](Interpreter& in, const Value&, Args& args) {
                return print_formatted(in, args, "pp", false);
            });
    });
}

} // namespace ormsh::api::stdlib
