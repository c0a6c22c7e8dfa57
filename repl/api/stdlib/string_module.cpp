// The `string` module: the character-class constants and capwords().
#include "repl/api/stdlib/module_util.h"
#include "repl/api/stdlib/stdlib_modules.h"

namespace ormsh::api::stdlib {

namespace {

constexpr const char* kLower = "abcdefghijklmnopqrstuvwxyz";
constexpr const char* kUpper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
constexpr const char* kDigits = "0123456789";
constexpr const char* kPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
constexpr const char* kWhitespace = " \t\n\r\x0b\x0c";

// string.capwords(s, sep=None): split, capitalize each word, join with sep (or one space).
Value capwords(Interpreter& in, const Value&, Args& args) {
    Value p[2];
    lang::parse_args(in, "capwords", args, {"s", "sep"}, 1, p);
    Value sep = none_if_empty(p[1]);
    Value words = in.call_method(p[0], "split", {sep});
    std::vector<Value> caps;
    for (auto& w : in.to_vector(words))
        caps.push_back(in.call_method(w, "capitalize", {}));
    Value joiner = sep.is_none() ? lang::new_str(" ") : sep;
    return in.call_method(joiner, "join", {lang::new_list(std::move(caps))});
}

void make_string_module(Interpreter&, lang::Module& m) {
    std::string letters = std::string(kLower) + kUpper;
    def_value(m, "ascii_lowercase", lang::new_str(kLower));
    def_value(m, "ascii_uppercase", lang::new_str(kUpper));
    def_value(m, "ascii_letters", lang::new_str(letters));
    def_value(m, "digits", lang::new_str(kDigits));
    def_value(m, "hexdigits", lang::new_str("0123456789abcdefABCDEF"));
    def_value(m, "octdigits", lang::new_str("01234567"));
    def_value(m, "punctuation", lang::new_str(kPunctuation));
    def_value(m, "whitespace", lang::new_str(kWhitespace));
    def_value(m, "printable",
              lang::new_str(std::string(kDigits) + letters + kPunctuation + kWhitespace));
    def_fn(m, "capwords", capwords);
}

} // namespace

void register_string_module(Interpreter& in) {
    in.register_builtin_module("string", make_string_module);
}

} // namespace ormsh::api::stdlib
