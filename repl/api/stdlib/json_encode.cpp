// json.dumps: walks lists, tuples and dicts (subclasses included, as CPython's encoder does),
// writes scalars with the shared text helpers, converts dict keys, detects cycles, and calls
// the `default` hook for anything else.
#include "repl/api/stdlib/json_codec.h"
#include "repl/lang/text/errors.h"
#include "repl/lang/text/json_text.h"

#include <algorithm>
#include <unordered_set>

namespace ormsh::api::stdlib::json {

namespace {

class Encoder {
public:
    Encoder(Interpreter& in, const EncodeOptions& o) : in_(in), o_(o) {}

    void write(const Value& v, int level) {
        if (v.empty() || v.is_none()) {
            out += "null";
        } else if (v.is_bool()) {
            out += v.as_bool() ? "true" : "false";
        } else if (v.is_int() || lang::has_layout(v, lang::Layout::BigInt)) {
            out += lang::int_repr(v);
        } else if (v.is_float()) {
            write_float(v.as_float());
        } else if (lang::is_str(v)) {
            lang::text::append_json_quote(out, lang::as_str(v)->s, o_.ensure_ascii);
        } else if (lang::has_layout(v, lang::Layout::List)) {
            write_array(v, v.as<lang::List>()->items, level);
        } else if (lang::has_layout(v, lang::Layout::Tuple)) {
            write_array(v, v.as<lang::Tuple>()->items, level);
        } else if (lang::has_layout(v, lang::Layout::Dict)) {
            write_object(v, level);
        } else if (Value iv = int_member_value(v); !iv.empty()) {
            write(iv, level);
        } else {
            if (o_.default_fn.empty())
                in_.raise("TypeError",
                          "Object of type " + short_type_name(v) + " is not JSON serializable");
            Mark mark(*this, v);
            write(in_.call(o_.default_fn, {v}), level);
        }
    }

    std::string out;

private:
    // Enum members of int / str mixins (IntEnum, StrEnum) encode as their value, like the int
    // and str subclasses they are in CPython.
    Value int_member_value(const Value& v) {
        if (!v.is_obj()) return Value();
        Value value = v.type()->lookup("__json_value__");
        if (value.empty()) return Value();
        return in_.call(in_.getattr(v, "__json_value__"), {});
    }

    // Registers a container (or an object passed to default) while it is being encoded.
    struct Mark {
        Mark(Encoder& e, const Value& v) : e_(e), id_(v.identity()) {
            if (!e_.o_.check_circular) return;
            if (!e_.active_.insert(id_).second)
                e_.in_.raise("ValueError", "Circular reference detected");
        }
        ~Mark() {
            if (e_.o_.check_circular) e_.active_.erase(id_);
        }
        Encoder& e_;
        uintptr_t id_;
    };

    void write_float(double d) {
        try {
            out += lang::text::json_float(d, o_.allow_nan);
        } catch (lang::text::FormatError& e) {
            in_.raise("ValueError", e.what());
        }
    }

    void newline(int level) {
        out += '\n';
        for (int i = 0; i < level; ++i)
            out += o_.indent;
    }

    void write_array(const Value& v, std::span<const Value> items, int level) {
        if (items.empty()) {
            out += "[]";
            return;
        }
        Mark mark(*this, v);
        std::vector<Value> copy(items.begin(),
                                items.end()); // the list may change while default() runs
        out += '[';
        if (o_.has_indent) newline(level + 1);
        for (size_t i = 0; i < copy.size(); ++i) {
            if (i) {
                out += o_.item_separator;
                if (o_.has_indent) newline(level + 1);
            }
            write(copy[i], level + 1);
        }
        if (o_.has_indent) newline(level);
        out += ']';
    }

    // The key text, or false when skipkeys drops it.
    bool key_text(const Value& k, std::string& text) {
        if (lang::is_str(k)) {
            text = lang::as_str(k)->s;
        } else if (k.is_float()) {
            try {
                text = lang::text::json_float(k.as_float(), o_.allow_nan);
            } catch (lang::text::FormatError& e) {
                in_.raise("ValueError", e.what());
            }
        } else if (k.is_bool()) {
            text = k.as_bool() ? "true" : "false";
        } else if (k.is_none()) {
            text = "null";
        } else if (k.is_int() || lang::has_layout(k, lang::Layout::BigInt)) {
            text = lang::int_repr(k);
        } else if (Value iv = int_member_value(k); !iv.empty()) {
            return key_text(iv, text);
        } else if (o_.skipkeys) {
            return false;
        } else {
            in_.raise("TypeError",
                      "keys must be str, int, float, bool or None, not " + short_type_name(k));
        }
        return true;
    }

    void write_object(const Value& v, int level) {
        lang::Dict* d = v.as<lang::Dict>();
        if (d->size() == 0) {
            out += "{}";
            return;
        }
        Mark mark(*this, v);
        std::vector<std::pair<Value, Value>> items;
        for (auto& e : d->entries)
            if (!e.key.empty()) items.emplace_back(e.key, e.value);
        if (o_.sort_keys)
            std::stable_sort(items.begin(), items.end(), [&](const auto& a, const auto& b) {
                return in_.lt(a.first, b.first);
            });
        out += '{';
        if (o_.has_indent) newline(level + 1);
        bool first = true;
        std::string key;
        for (auto& [k, val] : items) {
            if (!key_text(k, key)) continue;
            if (!first) {
                out += o_.item_separator;
                if (o_.has_indent) newline(level + 1);
            }
            first = false;
            lang::text::append_json_quote(out, key, o_.ensure_ascii);
            out += o_.key_separator;
            write(val, level + 1);
        }
        if (o_.has_indent) newline(level);
        out += '}';
    }

    Interpreter& in_;
    const EncodeOptions& o_;
    std::unordered_set<uintptr_t> active_;
};

} // namespace

std::string encode(Interpreter& in, const Value& obj, const EncodeOptions& opts) {
    Encoder e(in, opts);
    e.write(obj, 0);
    return std::move(e.out);
}

} // namespace ormsh::api::stdlib::json
