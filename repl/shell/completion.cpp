// Completion candidates. Attribute completion evaluates the dotted prefix with getattr, which
// may run a property (Model.query builds a Query object, a relationship may lazy-load); calls
// are never made, and any error just means "no candidates".
#include "repl/shell/completion.h"

#include "repl/shell/dot_commands.h"
#include "repl/shell/introspection.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>

namespace ormsh::shell {
namespace {

using lang::Interpreter;
using lang::Value;

constexpr std::array<std::string_view, 35> kKeywords = {
    "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
    "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
    "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
    "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield"};

// Loader options whose string argument names a relationship, and those naming a column.
constexpr std::array<std::string_view, 7> kRelationshipOptions = {
    "joinedload", "selectinload", "subqueryload",  "lazyload",
    "noload",     "raiseload",    "contains_eager"};
constexpr std::array<std::string_view, 4> kColumnOptions = {"defer", "undefer", "load_only",
                                                            "with_parent"};

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

bool is_identifier(std::string_view s) {
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
    });
}

std::vector<std::string> split_dots(std::string_view s) {
    std::vector<std::string> parts;
    std::size_t begin = 0;
    for (;;) {
        std::size_t dot = s.find('.', begin);
        parts.emplace_back(s.substr(begin, dot == std::string_view::npos ? dot : dot - begin));
        if (dot == std::string_view::npos) return parts;
        begin = dot + 1;
    }
}

// The value of a dotted name ("User.query", "user"), or empty.
Value evaluate_dotted(Interpreter& in, std::string_view dotted) {
    std::vector<std::string> parts = split_dots(dotted);
    for (const std::string& p : parts)
        if (!is_identifier(p)) return Value();
    Value v = in.globals().get_str(lang::intern(parts[0]));
    if (v.empty()) v = in.builtins()->dict->get_str(lang::intern(parts[0]));
    if (v.empty()) return Value();
    try {
        for (std::size_t i = 1; i < parts.size(); ++i) {
            v = in.getattr_opt(v, lang::intern(parts[i]));
            if (v.empty()) return Value();
        }
    } catch (lang::PyException&) {
        return Value();
    }
    return v;
}

std::vector<std::string> attribute_names(Interpreter& in, const Value& obj) {
    std::vector<std::string> names;
    try {
        Value dir = in.builtins()->dict->get_str(lang::intern("dir"));
        for (const Value& n : in.to_vector(in.call(dir, {obj})))
            if (lang::is_str(n)) names.push_back(lang::as_str(n)->s);
        // A table's `.c` lists its columns through keys(), not dir().
        std::string type_name = obj.type()->name;
        // db.session forwards to the current Session: calling the registry only returns it.
        if (type_name == "scoped_session")
            for (const Value& n : in.to_vector(in.call(dir, {in.call(obj, {})})))
                if (lang::is_str(n)) names.push_back(lang::as_str(n)->s);
        if (type_name.find("ColumnCollection") != std::string::npos)
            for (const Value& k : in.to_vector(in.call_method(obj, "keys", {})))
                if (lang::is_str(k)) names.push_back(lang::as_str(k)->s);
    } catch (lang::PyException&) {
    }
    return names;
}

void add_matching(std::vector<std::string>& out, const std::vector<std::string>& names,
                  std::string_view prefix, std::string_view add_before = "") {
    for (const std::string& n : names) {
        if (!starts_with(n, prefix)) continue;
        // Private names only when asked for with a leading underscore.
        if (n.size() > 0 && n[0] == '_' && (prefix.empty() || prefix[0] != '_')) continue;
        out.push_back(std::string(add_before) + n);
    }
}

std::vector<std::string> complete_dot_command(Interpreter& in, const std::string& line,
                                              std::size_t start, std::string_view word) {
    std::vector<std::string> out;
    std::size_t first = line.find_first_not_of(' ');
    std::size_t space = line.find(' ', first);
    if (space == std::string::npos || start <= space) {
        for (const DotCommand& c : dot_commands())
            if (starts_with(c.name, word)) out.emplace_back(c.name);
        return out;
    }
    const DotCommand* command = find_dot_command(line.substr(first, space - first));
    if (!command) return out;
    lang::Value ns(&in.globals());
    switch (command->completion) {
    case ArgCompletion::Table:
        add_matching(out, helper_strings(in, "tables", {ns}), word);
        break;
    case ArgCompletion::Model:
        add_matching(out, helper_strings(in, "model_names", {ns}), word);
        break;
    case ArgCompletion::OnOff:
        add_matching(out, {"on", "off"}, word);
        break;
    case ArgCompletion::Mode:
        add_matching(out, {"repr", "table", "vertical", "json", "csv"}, word);
        break;
    case ArgCompletion::File: {
        std::error_code ec;
        std::filesystem::path typed(word);
        std::filesystem::path dir = typed.has_parent_path() ? typed.parent_path() : ".";
        std::string dir_text = typed.has_parent_path() ? dir.string() + "/" : "";
        for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
            std::string name = dir_text + entry.path().filename().string();
            if (entry.is_directory(ec)) name += "/";
            if (starts_with(name, word)) out.push_back(name);
        }
        break;
    }
    case ArgCompletion::None:
        break;
    }
    return out;
}

// The model a loader option on this line applies to: the X of `X.query` or `query(X`.
Value model_in_line(Interpreter& in, const std::string& before) {
    std::vector<std::size_t> candidates;
    for (std::string_view marker : {".query", "query(", "select("}) {
        std::size_t at = before.rfind(marker);
        if (at == std::string::npos) continue;
        std::size_t begin = marker[0] == '.' ? at : at + marker.size();
        std::size_t name_begin = begin, name_end = begin;
        if (marker[0] == '.') {
            while (name_begin > 0 &&
                   (std::isalnum(static_cast<unsigned char>(before[name_begin - 1])) ||
                    before[name_begin - 1] == '_' || before[name_begin - 1] == '.'))
                --name_begin;
        } else {
            while (name_end < before.size() &&
                   (std::isalnum(static_cast<unsigned char>(before[name_end])) ||
                    before[name_end] == '_' || before[name_end] == '.'))
                ++name_end;
        }
        Value v = evaluate_dotted(in, before.substr(name_begin, name_end - name_begin));
        if (!v.empty() && lang::has_layout(v, lang::Layout::Type)) return v;
    }
    return Value();
}

// joinedload('po<Tab> and friends: the word is inside a string argument.
bool complete_option_string(Interpreter& in, const std::string& line, std::size_t start,
                            std::string_view word, std::vector<std::string>& out) {
    if (start == 0 || (line[start - 1] != '\'' && line[start - 1] != '"')) return false;
    std::string before = line.substr(0, start - 1);
    std::size_t paren = before.find_last_not_of(' ');
    if (paren == std::string::npos || before[paren] != '(') return false;
    std::size_t name_end = paren, name_begin = paren;
    while (name_begin > 0 && (std::isalnum(static_cast<unsigned char>(before[name_begin - 1])) ||
                              before[name_begin - 1] == '_'))
        --name_begin;
    std::string_view option(before.data() + name_begin, name_end - name_begin);
    bool relationships = std::find(kRelationshipOptions.begin(), kRelationshipOptions.end(),
                                   option) != kRelationshipOptions.end();
    bool columns =
        std::find(kColumnOptions.begin(), kColumnOptions.end(), option) != kColumnOptions.end();
    if (!relationships && !columns) return false;
    const char* helper = relationships ? "relationship_names" : "column_names";
    Value model = model_in_line(in, before);
    if (!model.empty()) {
        add_matching(out, helper_strings(in, helper, {model}), word);
        return true;
    }
    // No model on the line: every model's names.
    lang::Value ns(&in.globals());
    for (const std::string& name : helper_strings(in, "model_names", {ns}))
        add_matching(out, helper_strings(in, helper, {in.globals().get_str(lang::intern(name))}),
                     word);
    return true;
}

} // namespace

std::vector<std::string> complete(Interpreter& in, const std::string& line, std::size_t start,
                                  std::size_t end) {
    std::string_view word = std::string_view(line).substr(start, end - start);
    std::vector<std::string> out;
    std::size_t first = line.find_first_not_of(' ');
    if (first != std::string::npos && line[first] == '.' && first <= start) {
        out = complete_dot_command(in, line, start, word);
    } else if (complete_option_string(in, line, start, word, out)) {
        // done
    } else if (std::size_t dot = word.rfind('.'); dot != std::string_view::npos) {
        Value obj = evaluate_dotted(in, word.substr(0, dot));
        if (!obj.empty())
            add_matching(out, attribute_names(in, obj), word.substr(dot + 1),
                         word.substr(0, dot + 1));
    } else {
        std::vector<std::string> names(kKeywords.begin(), kKeywords.end());
        for (lang::Dict* d : {&in.globals(), in.builtins()->dict.get()})
            for (const Value& k : in.to_vector(Value(d)))
                if (lang::is_str(k)) names.push_back(lang::as_str(k)->s);
        add_matching(out, names, word);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace ormsh::shell
