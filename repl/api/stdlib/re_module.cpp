// The `re` module on PCRE2 (regex_engine.cpp): re.Pattern and re.Match with CPython's methods,
// reprs and character positions, the module-level functions, replacement templates (\1,
// \g<name>, escapes) and callable replacements, and re.error with CPython's message layout.
#include "repl/api/stdlib/module_util.h"
#include "repl/api/stdlib/re_template.h"
#include "repl/api/stdlib/regex_engine.h"
#include "repl/api/stdlib/stdlib_modules.h"
#include "repl/lang/text/str_repr.h"
#include "repl/lang/text/utf8.h"

namespace ormsh::api::stdlib {

namespace {

using lang::Str;
using regex::Regex;

struct PatternObj : lang::Object {
    explicit PatternObj(Type* t) : Object(t) {}
    std::shared_ptr<const Regex> re;
};

struct MatchObj : lang::Object {
    explicit MatchObj(Type* t) : Object(t) {}
    Value string;               // the subject (a str)
    Value pattern;              // the PatternObj
    std::vector<int64_t> spans; // byte offsets, 2 per group, -1 when the group did not match
    int lastindex = 0;
    int64_t pos = 0, endpos = 0; // character positions given to the search
};

Type* pattern_type();
Type* match_type();

// ---- re.error ----

Value error_init(Interpreter& in, const Value& self, Args& args) {
    Value p[3];
    lang::parse_args(in, "error", args, {"msg", "pattern", "pos"}, 1, p);
    std::string msg = in.str(p[0]);
    Value pattern = none_if_empty(p[1]);
    Value pos = none_if_empty(p[2]);
    Value lineno = Value::none(), colno = Value::none();
    if (!pattern.is_none() && !pos.is_none()) {
        int64_t at = in.index_value(pos);
        msg += " at position " + std::to_string(at);
        if (lang::is_str(pattern)) {
            const lang::StrText& text = lang::as_str(pattern)->s;
            size_t byte_at = lang::text::utf8_offset(text, static_cast<size_t>(at));
            std::string_view before = std::string_view(text).substr(0, byte_at);
            int64_t line = 1 + static_cast<int64_t>(std::count(before.begin(), before.end(), '\n'));
            size_t nl = before.rfind('\n');
            int64_t col =
                nl == std::string_view::npos
                    ? at + 1
                    : at - static_cast<int64_t>(lang::text::utf8_length(before.substr(0, nl)));
            lineno = Value::integer(line);
            colno = Value::integer(col);
            if (text.find('\n') != std::string::npos)
                msg += " (line " + std::to_string(line) + ", column " + std::to_string(col) + ")";
        }
    }
    self.as<lang::ExceptionObj>()->args = lang::Tuple::create({lang::new_str(msg)});
    in.setattr(self, lang::intern("msg"), p[0]);
    in.setattr(self, lang::intern("pattern"), pattern);
    in.setattr(self, lang::intern("pos"), pos);
    in.setattr(self, lang::intern("lineno"), lineno);
    in.setattr(self, lang::intern("colno"), colno);
    return Value::none();
}

Type* error_type() {
    static Type* t = [] {
        Type* e = Interpreter::current().new_exception_type("error",
                                                            lang::builtin_type("Exception"), "re");
        e->set_attr("__init__", lang::make_native_function("__init__", error_init, true));
        e->make_immortal();
        return e;
    }();
    return t;
}

} // namespace

[[noreturn]] void raise_re_error(Interpreter& in, const std::string& msg, const Value& pattern,
                                 int64_t pos) {
    in.raise_value(in.call(Value(error_type()), {lang::new_str(msg), pattern,
                                                 pos < 0 ? Value::none() : Value::integer(pos)}));
}

namespace {

// ---- positions ----

bool is_ascii(const Value& s) {
    return lang::as_str(s)->ascii;
}

int64_t char_pos(const Value& s, int64_t byte) {
    if (byte < 0 || is_ascii(s)) return byte;
    return static_cast<int64_t>(lang::text::utf8_length(
        std::string_view(lang::as_str(s)->s).substr(0, static_cast<size_t>(byte))));
}

size_t byte_pos(const Value& s, int64_t chars) {
    const Str* str = lang::as_str(s);
    if (chars <= 0) return 0;
    if (chars >= str->length()) return str->s.size();
    return lang::text::utf8_offset(str->s, static_cast<size_t>(chars), str->ascii);
}

// ---- compiling ----

int64_t flags_arg(Interpreter& in, const Value& v) {
    if (v.empty() || v.is_none()) return 0;
    return in.index_value(v);
}

Value make_pattern(Interpreter& in, const Value& pattern, int64_t flags) {
    if (lang::has_layout(pattern, lang::Layout::Object) && pattern.type() == pattern_type()) {
        if (flags != 0)
            in.raise("ValueError", "cannot process flags argument with a compiled pattern");
        return pattern;
    }
    if (!lang::is_str(pattern)) {
        if (lang::has_layout(pattern, lang::Layout::Bytes))
            in.raise("TypeError", "ormsh's re module supports str patterns only");
        in.raise("TypeError", "first argument must be string or compiled pattern");
    }
    Ref<PatternObj> p(new PatternObj(pattern_type()));
    try {
        p->re = Regex::compile(lang::as_str(pattern)->s, flags);
    } catch (regex::CompileError& e) {
        raise_re_error(in, e.message, pattern, e.pos);
    }
    return Value(p.get());
}

PatternObj* self_pattern(Interpreter& in, const Value& v) {
    if (!v.is_obj() || v.type() != pattern_type())
        in.raise("TypeError", "descriptor requires a 're.Pattern' object");
    return v.as<PatternObj>();
}

MatchObj* self_match(Interpreter& in, const Value& v) {
    if (!v.is_obj() || v.type() != match_type())
        in.raise("TypeError", "descriptor requires a 're.Match' object");
    return v.as<MatchObj>();
}

const Value& subject_arg(Interpreter& in, const Value& v) {
    if (!lang::is_str(v))
        in.raise("TypeError",
                 "expected string or bytes-like object, got '" + in.type_name(v) + "'");
    return v;
}

// ---- matching ----

struct Bounds {
    size_t start = 0, end = 0;   // bytes
    int64_t pos = 0, endpos = 0; // characters
};

Bounds bounds(Interpreter& in, const Value& s, const Value& pos, const Value& endpos) {
    Bounds b;
    int64_t len = lang::as_str(s)->length();
    b.pos = pos.empty() ? 0 : std::clamp<int64_t>(in.index_value(pos), 0, len);
    b.endpos = endpos.empty() ? len : std::clamp<int64_t>(in.index_value(endpos), 0, len);
    b.start = byte_pos(s, b.pos);
    b.end = byte_pos(s, b.endpos);
    return b;
}

Value new_match(const Value& pattern, const Value& s, std::vector<int64_t> spans, int lastindex,
                const Bounds& b) {
    auto* m = new MatchObj(match_type());
    m->string = s;
    m->pattern = pattern;
    m->spans = std::move(spans);
    m->lastindex = lastindex;
    m->pos = b.pos;
    m->endpos = b.endpos;
    return Value::steal(m);
}

Value match_one(Interpreter& in, const Value& pattern, const Value& s, const Value& pos,
                const Value& endpos, Regex::Mode mode) {
    const Regex& re = *pattern.as<PatternObj>()->re;
    subject_arg(in, s);
    Bounds b = bounds(in, s, pos, endpos);
    if (b.end < b.start) return Value::none();
    std::vector<int64_t> spans;
    int last = re.match(lang::as_str(s)->s, b.start, b.end, mode, false, spans);
    if (last < 0) return Value::none();
    return new_match(pattern, s, std::move(spans), last, b);
}

// Calls f(spans, lastindex) for every match from left to right, at most `limit` (0: no limit).
template <class F>
void each_match(const Regex& re, const Value& s, const Bounds& b, int64_t limit, F f) {
    const lang::StrText& text = lang::as_str(s)->s;
    size_t start = b.start;
    bool after_empty = false;
    std::vector<int64_t> spans;
    for (int64_t n = 0; (limit <= 0 || n < limit) && start <= b.end; ++n) {
        int last = re.match(text, start, b.end, Regex::Mode::Search, after_empty, spans);
        if (last < 0) break;
        f(spans, last);
        after_empty = spans[0] == spans[1];
        start = static_cast<size_t>(spans[1]);
    }
}

Value substring(const Value& s, int64_t a, int64_t b) {
    if (a < 0) return Value();
    return lang::new_str(
        lang::as_str(s)->s.substr(static_cast<size_t>(a), static_cast<size_t>(b - a)));
}

// ---- Match ----

int group_index(Interpreter& in, MatchObj* m, const Value& g) {
    const Regex& re = *m->pattern.as<PatternObj>()->re;
    if (lang::is_str(g)) {
        for (auto& [name, num] : re.names())
            if (name == lang::as_str(g)->s) return num;
        in.raise("IndexError", "no such group");
    }
    if (!lang::is_int_like(g)) in.raise("IndexError", "no such group");
    int64_t i = in.index_value(g);
    if (i < 0 || i > re.groups()) in.raise("IndexError", "no such group");
    return static_cast<int>(i);
}

Value group_value(MatchObj* m, int g, const Value& def = Value::none()) {
    Value v = substring(m->string, m->spans[2 * g], m->spans[2 * g + 1]);
    return v.empty() ? def : v;
}

Value match_group(Interpreter& in, const Value& self, Args& args) {
    MatchObj* m = self_match(in, self);
    if (args.size() == 0) return group_value(m, 0);
    if (args.size() == 1) return group_value(m, group_index(in, m, args[0]));
    std::vector<Value> out;
    for (size_t i = 0; i < args.size(); ++i)
        out.push_back(group_value(m, group_index(in, m, args[i])));
    return lang::new_tuple(std::move(out));
}

Value match_getitem(Interpreter& in, const Value& self, Args& args) {
    MatchObj* m = self_match(in, self);
    return group_value(m, group_index(in, m, args[0]));
}

Value match_groups(Interpreter& in, const Value& self, Args& args) {
    Value p[1];
    lang::parse_args(in, "groups", args, {"default"}, 0, p);
    MatchObj* m = self_match(in, self);
    std::vector<Value> out;
    int n = m->pattern.as<PatternObj>()->re->groups();
    const Value def = p[0].empty() ? Value::none() : p[0];
    for (int g = 1; g <= n; ++g)
        out.push_back(group_value(m, g, def));
    return lang::new_tuple(std::move(out));
}

Value match_groupdict(Interpreter& in, const Value& self, Args& args) {
    Value p[1];
    lang::parse_args(in, "groupdict", args, {"default"}, 0, p);
    MatchObj* m = self_match(in, self);
    Ref<lang::Dict> d = lang::make<lang::Dict>();
    const Value def = p[0].empty() ? Value::none() : p[0];
    for (auto& [name, num] : m->pattern.as<PatternObj>()->re->names())
        d->set_str(name, group_value(m, num, def));
    return Value(d.get());
}

int group_arg(Interpreter& in, MatchObj* m, Args& args, const char* fname) {
    Value p[1];
    lang::parse_args(in, fname, args, {"group"}, 0, p);
    return p[0].empty() ? 0 : group_index(in, m, p[0]);
}

Value match_start(Interpreter& in, const Value& self, Args& args) {
    MatchObj* m = self_match(in, self);
    int g = group_arg(in, m, args, "start");
    return Value::integer(char_pos(m->string, m->spans[2 * g]));
}

Value match_end(Interpreter& in, const Value& self, Args& args) {
    MatchObj* m = self_match(in, self);
    int g = group_arg(in, m, args, "end");
    return Value::integer(char_pos(m->string, m->spans[2 * g + 1]));
}

Value match_span(Interpreter& in, const Value& self, Args& args) {
    MatchObj* m = self_match(in, self);
    int g = group_arg(in, m, args, "span");
    return lang::new_tuple({Value::integer(char_pos(m->string, m->spans[2 * g])),
                            Value::integer(char_pos(m->string, m->spans[2 * g + 1]))});
}

Value match_repr(Interpreter& in, const Value& self, Args&) {
    MatchObj* m = self_match(in, self);
    return lang::new_str("<re.Match object; span=(" +
                         std::to_string(char_pos(m->string, m->spans[0])) + ", " +
                         std::to_string(char_pos(m->string, m->spans[1])) +
                         "), match=" + in.repr(group_value(m, 0)) + ">");
}

Value match_expand(Interpreter& in, const Value& self, Args& args) {
    Value p[1];
    lang::parse_args(in, "expand", args, {"template"}, 1, p);
    MatchObj* m = self_match(in, self);
    str_arg(in, p[0], "expand");
    auto pieces = parse_template(in, p[0], *m->pattern.as<PatternObj>()->re);
    std::string out;
    expand_into(out, pieces, lang::as_str(m->string)->s, m->spans);
    return lang::new_str(std::move(out));
}

Type* match_type() {
    static Type* t = [] {
        lang::TypeBuilder b("Match", {}, "re");
        b.method("group", match_group)
            .method("__getitem__", match_getitem)
            .method("groups", match_groups)
            .method("groupdict", match_groupdict)
            .method("start", match_start)
            .method("end", match_end)
            .method("span", match_span)
            .method("expand", match_expand)
            .method("__repr__", match_repr)
            .property("string",
                      [](Interpreter&, const Value& s) { return s.as<MatchObj>()->string; })
            .property("re", [](Interpreter&, const Value& s) { return s.as<MatchObj>()->pattern; })
            .property("pos", [](Interpreter&,
                                const Value& s) { return Value::integer(s.as<MatchObj>()->pos); })
            .property("endpos",
                      [](Interpreter&, const Value& s) {
                          return Value::integer(s.as<MatchObj>()->endpos);
                      })
            .property("lastindex",
                      [](Interpreter&, const Value& s) {
                          int i = s.as<MatchObj>()->lastindex;
                          return i > 0 ? Value::integer(i) : Value::none();
                      })
            .property("lastgroup", [](Interpreter&, const Value& s) {
                MatchObj* m = s.as<MatchObj>();
                for (auto& [name, num] : m->pattern.as<PatternObj>()->re->names())
                    if (num == m->lastindex && m->lastindex > 0) return lang::new_str(name);
                return Value::none();
            });
        Type* type = b.build();
        type->basetype = false;
        return type;
    }();
    return t;
}

// ---- Pattern methods ----

Value p_match_mode(Interpreter& in, const Value& self, Args& args, const char* name,
                   Regex::Mode mode) {
    Value p[3];
    lang::parse_args(in, name, args, {"string", "pos", "endpos"}, 1, p);
    self_pattern(in, self);
    return match_one(in, self, p[0], p[1], p[2], mode);
}
Value p_match(Interpreter& in, const Value& self, Args& args) {
    return p_match_mode(in, self, args, "match", Regex::Mode::Match);
}
Value p_search(Interpreter& in, const Value& self, Args& args) {
    return p_match_mode(in, self, args, "search", Regex::Mode::Search);
}
Value p_fullmatch(Interpreter& in, const Value& self, Args& args) {
    return p_match_mode(in, self, args, "fullmatch", Regex::Mode::FullMatch);
}

Value findall_impl(Interpreter& in, const Value& pattern, const Value& s, const Value& pos,
                   const Value& endpos) {
    const Regex& re = *pattern.as<PatternObj>()->re;
    subject_arg(in, s);
    Bounds b = bounds(in, s, pos, endpos);
    std::vector<Value> out;
    auto group_or_empty = [&](const std::vector<int64_t>& sp, int g) {
        Value v = substring(s, sp[2 * g], sp[2 * g + 1]);
        return v.empty() ? lang::new_str("") : v;
    };
    each_match(re, s, b, 0, [&](const std::vector<int64_t>& sp, int) {
        if (re.groups() == 0) {
            out.push_back(group_or_empty(sp, 0));
        } else if (re.groups() == 1) {
            out.push_back(group_or_empty(sp, 1));
        } else {
            std::vector<Value> t;
            for (int g = 1; g <= re.groups(); ++g)
                t.push_back(group_or_empty(sp, g));
            out.push_back(lang::new_tuple(std::move(t)));
        }
    });
    return lang::new_list(std::move(out));
}

Value p_findall(Interpreter& in, const Value& self, Args& args) {
    Value p[3];
    lang::parse_args(in, "findall", args, {"string", "pos", "endpos"}, 1, p);
    self_pattern(in, self);
    return findall_impl(in, self, p[0], p[1], p[2]);
}

Value finditer_impl(Interpreter& in, const Value& pattern, const Value& s, const Value& pos,
                    const Value& endpos) {
    const Regex& re = *pattern.as<PatternObj>()->re;
    subject_arg(in, s);
    Bounds b = bounds(in, s, pos, endpos);
    std::vector<Value> out;
    each_match(re, s, b, 0, [&](const std::vector<int64_t>& sp, int last) {
        out.push_back(new_match(pattern, s, sp, last, b));
    });
    return in.iter(lang::new_list(std::move(out)));
}

Value p_finditer(Interpreter& in, const Value& self, Args& args) {
    Value p[3];
    lang::parse_args(in, "finditer", args, {"string", "pos", "endpos"}, 1, p);
    self_pattern(in, self);
    return finditer_impl(in, self, p[0], p[1], p[2]);
}

Value sub_impl(Interpreter& in, const Value& pattern, const Value& repl, const Value& s,
               const Value& count_v, bool with_count) {
    const Regex& re = *pattern.as<PatternObj>()->re;
    subject_arg(in, s);
    int64_t count = count_v.empty() ? 0 : in.index_value(count_v);
    bool callable = !lang::is_str(repl);
    std::vector<TemplatePiece> pieces;
    if (!callable) pieces = parse_template(in, repl, re);
    const lang::StrText& text = lang::as_str(s)->s;
    Bounds b = bounds(in, s, Value(), Value());
    std::string out;
    size_t last = 0;
    int64_t n = 0;
    each_match(re, s, b, count, [&](const std::vector<int64_t>& sp, int lastindex) {
        out.append(text, last, static_cast<size_t>(sp[0]) - last);
        if (callable) {
            Value r = in.call(repl, {new_match(pattern, s, sp, lastindex, b)});
            if (!lang::is_str(r))
                in.raise("TypeError", "expected str instance, " + in.type_name(r) + " found");
            out += lang::as_str(r)->s;
        } else {
            expand_into(out, pieces, text, sp);
        }
        last = static_cast<size_t>(sp[1]);
        ++n;
    });
    out.append(text, last, std::string::npos);
    Value result = lang::new_str(std::move(out));
    return with_count ? lang::new_tuple({result, Value::integer(n)}) : result;
}

Value p_sub(Interpreter& in, const Value& self, Args& args) {
    Value p[3];
    lang::parse_args(in, "sub", args, {"repl", "string", "count"}, 2, p);
    self_pattern(in, self);
    return sub_impl(in, self, p[0], p[1], p[2], false);
}

Value p_subn(Interpreter& in, const Value& self, Args& args) {
    Value p[3];
    lang::parse_args(in, "subn", args, {"repl", "string", "count"}, 2, p);
    self_pattern(in, self);
    return sub_impl(in, self, p[0], p[1], p[2], true);
}

Value group_value_or_none(const Value& s, const std::vector<int64_t>& sp, int g) {
    Value v = substring(s, sp[2 * g], sp[2 * g + 1]);
    return v.empty() ? Value::none() : v;
}

Value split_impl(Interpreter& in, const Value& pattern, const Value& s, const Value& maxsplit_v) {
    const Regex& re = *pattern.as<PatternObj>()->re;
    subject_arg(in, s);
    int64_t maxsplit = maxsplit_v.empty() ? 0 : in.index_value(maxsplit_v);
    if (maxsplit < 0) return lang::new_list({s});
    const lang::StrText& text = lang::as_str(s)->s;
    Bounds b = bounds(in, s, Value(), Value());
    std::vector<Value> out;
    size_t last = 0;
    each_match(re, s, b, maxsplit, [&](const std::vector<int64_t>& sp, int) {
        out.push_back(lang::new_str(text.substr(last, static_cast<size_t>(sp[0]) - last)));
        for (int g = 1; g <= re.groups(); ++g)
            out.push_back(group_value_or_none(s, sp, g));
        last = static_cast<size_t>(sp[1]);
    });
    out.push_back(lang::new_str(text.substr(last)));
    return lang::new_list(std::move(out));
}

Value p_split(Interpreter& in, const Value& self, Args& args) {
    Value p[2];
    lang::parse_args(in, "split", args, {"string", "maxsplit"}, 1, p);
    self_pattern(in, self);
    return split_impl(in, self, p[0], p[1]);
}

std::string flags_text(int64_t flags) {
    static const std::pair<int64_t, const char*> names[] = {
        {regex::kTemplate, "re.TEMPLATE"}, {regex::kIgnoreCase, "re.IGNORECASE"},
        {regex::kLocale, "re.LOCALE"},     {regex::kMultiline, "re.MULTILINE"},
        {regex::kDotAll, "re.DOTALL"},     {regex::kUnicode, "re.UNICODE"},
        {regex::kVerbose, "re.VERBOSE"},   {regex::kDebug, "re.DEBUG"},
        {regex::kAscii, "re.ASCII"}};
    std::string out;
    int64_t rest = flags;
    for (auto& [bit, name] : names) {
        if (!(flags & bit)) continue;
        if (!out.empty()) out += '|';
        out += name;
        rest &= ~bit;
    }
    if (rest)
        out += (out.empty() ? "" : "|") + std::string("0x") + [&] {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%llx", static_cast<unsigned long long>(rest));
            return std::string(buf);
        }();
    return out;
}

Value p_repr(Interpreter& in, const Value& self, Args&) {
    const Regex& re = *self_pattern(in, self)->re;
    std::string out = "re.compile(" + lang::text::str_repr(re.pattern());
    int64_t shown = re.flags() & ~static_cast<int64_t>(regex::kUnicode);
    if (shown) out += ", " + flags_text(shown);
    return lang::new_str(out + ")");
}

Type* pattern_type() {
    static Type* t = [] {
        lang::TypeBuilder b("Pattern", {}, "re");
        b.method("match", p_match)
            .method("search", p_search)
            .method("fullmatch", p_fullmatch)
            .method("findall", p_findall)
            .method("finditer", p_finditer)
            .method("sub", p_sub)
            .method("subn", p_subn)
            .method("split", p_split)
            .method("__repr__", p_repr)
            .property("pattern",
                      [](Interpreter&, const Value& s) {
                          return lang::new_str(s.as<PatternObj>()->re->pattern());
                      })
            .property("flags",
                      [](Interpreter&, const Value& s) {
                          int64_t f = s.as<PatternObj>()->re->flags();
                          if (!(f & regex::kAscii)) f |= regex::kUnicode;
                          return Value::integer(f);
                      })
            .property("groups",
                      [](Interpreter&, const Value& s) {
                          return Value::integer(s.as<PatternObj>()->re->groups());
                      })
            .property("groupindex", [](Interpreter&, const Value& s) {
                Ref<lang::Dict> d = lang::make<lang::Dict>();
                for (auto& [name, num] : s.as<PatternObj>()->re->names())
                    d->set_str(name, Value::integer(num));
                return Value(d.get());
            });
        Type* type = b.build();
        type->basetype = false;
        return type;
    }();
    return t;
}

// ---- re.RegexFlag: the flag constants, ints that print as re.IGNORECASE|re.MULTILINE ----

struct FlagObj : lang::Object {
    explicit FlagObj(Type* t) : Object(t) {}
    int64_t value = 0;
};

Type* flag_type();

Value make_flag(int64_t v) {
    auto* f = new FlagObj(flag_type());
    f->value = v;
    return Value::steal(f);
}

bool flag_operand(const Value& v, int64_t& out) {
    if (v.is_obj() && v.type() == flag_type()) {
        out = v.as<FlagObj>()->value;
        return true;
    }
    if (v.is_int()) {
        out = v.as_int();
        return true;
    }
    return false;
}

template <class Op> Value flag_binary(const Value& self, Args& args, Op op) {
    int64_t a = self.as<FlagObj>()->value, b = 0;
    if (args.size() != 1 || !flag_operand(args[0], b))
        return Value(lang::Singletons::not_implemented);
    return make_flag(op(a, b));
}

Type* flag_type() {
    static Type* t = [] {
        lang::TypeBuilder b("RegexFlag", {}, "re");
        auto value = [](const Value& s) { return s.as<FlagObj>()->value; };
        auto repr = +[](Interpreter&, const Value& s, Args&) {
            int64_t v = s.as<FlagObj>()->value;
            return lang::new_str(v == 0 ? "re.NOFLAG" : flags_text(v));
        };
        b.method("__repr__", repr)
            .method("__str__", repr)
            .method(
                "__or__",
                +[](Interpreter&, const Value& s, Args& a) {
                    return flag_binary(s, a, [](int64_t x, int64_t y) { return x | y; });
                })
            .method(
                "__ror__",
                +[](Interpreter&, const Value& s, Args& a) {
                    return flag_binary(s, a, [](int64_t x, int64_t y) { return x | y; });
                })
            .method(
                "__and__",
                +[](Interpreter&, const Value& s, Args& a) {
                    return flag_binary(s, a, [](int64_t x, int64_t y) { return x & y; });
                })
            .method(
                "__rand__",
                +[](Interpreter&, const Value& s, Args& a) {
                    return flag_binary(s, a, [](int64_t x, int64_t y) { return x & y; });
                })
            .method(
                "__eq__",
                +[](Interpreter&, const Value& s, Args& a) {
                    int64_t o = 0;
                    if (!flag_operand(a[0], o)) return Value(lang::Singletons::not_implemented);
                    return Value::boolean(s.as<FlagObj>()->value == o);
                })
            .method(
                "__hash__",
                +[](Interpreter&, const Value& s, Args&) {
                    return Value::integer(lang::text::hash_int(s.as<FlagObj>()->value));
                })
            .method(
                "__bool__", +[](Interpreter&, const Value& s,
                                Args&) { return Value::boolean(s.as<FlagObj>()->value != 0); })
            .method(
                "__index__", +[](Interpreter&, const Value& s,
                                 Args&) { return Value::integer(s.as<FlagObj>()->value); })
            .method(
                "__int__", +[](Interpreter&, const Value& s,
                               Args&) { return Value::integer(s.as<FlagObj>()->value); })
            .property("value",
                      [value](Interpreter&, const Value& s) { return Value::integer(value(s)); });
        Type* type = b.build();
        type->basetype = false;
        return type;
    }();
    return t;
}

// ---- module functions: re.f(pattern, ..., flags=0) ----

Value re_compile(Interpreter& in, const Value&, Args& args) {
    Value p[2];
    lang::parse_args(in, "compile", args, {"pattern", "flags"}, 1, p);
    return make_pattern(in, p[0], flags_arg(in, p[1]));
}

Value re_match_mode(Interpreter& in, Args& args, const char* name, Regex::Mode mode) {
    Value p[3];
    lang::parse_args(in, name, args, {"pattern", "string", "flags"}, 2, p);
    return match_one(in, make_pattern(in, p[0], flags_arg(in, p[2])), p[1], Value(), Value(), mode);
}
Value re_match(Interpreter& in, const Value&, Args& args) {
    return re_match_mode(in, args, "match", Regex::Mode::Match);
}
Value re_search(Interpreter& in, const Value&, Args& args) {
    return re_match_mode(in, args, "search", Regex::Mode::Search);
}
Value re_fullmatch(Interpreter& in, const Value&, Args& args) {
    return re_match_mode(in, args, "fullmatch", Regex::Mode::FullMatch);
}

Value re_findall(Interpreter& in, const Value&, Args& args) {
    Value p[3];
    lang::parse_args(in, "findall", args, {"pattern", "string", "flags"}, 2, p);
    return findall_impl(in, make_pattern(in, p[0], flags_arg(in, p[2])), p[1], Value(), Value());
}

Value re_finditer(Interpreter& in, const Value&, Args& args) {
    Value p[3];
    lang::parse_args(in, "finditer", args, {"pattern", "string", "flags"}, 2, p);
    return finditer_impl(in, make_pattern(in, p[0], flags_arg(in, p[2])), p[1], Value(), Value());
}

Value re_sub(Interpreter& in, const Value&, Args& args) {
    Value p[5];
    lang::parse_args(in, "sub", args, {"pattern", "repl", "string", "count", "flags"}, 3, p);
    return sub_impl(in, make_pattern(in, p[0], flags_arg(in, p[4])), p[1], p[2], p[3], false);
}

Value re_subn(Interpreter& in, const Value&, Args& args) {
    Value p[5];
    lang::parse_args(in, "subn", args, {"pattern", "repl", "string", "count", "flags"}, 3, p);
    return sub_impl(in, make_pattern(in, p[0], flags_arg(in, p[4])), p[1], p[2], p[3], true);
}

Value re_split(Interpreter& in, const Value&, Args& args) {
    Value p[4];
    lang::parse_args(in, "split", args, {"pattern", "string", "maxsplit", "flags"}, 2, p);
    return split_impl(in, make_pattern(in, p[0], flags_arg(in, p[3])), p[1], p[2]);
}

Value re_escape(Interpreter& in, const Value&, Args& args) {
    Value p[1];
    lang::parse_args(in, "escape", args, {"pattern"}, 1, p);
    return lang::new_str(regex::escape(str_arg(in, p[0], "escape")));
}

Value re_purge(Interpreter&, const Value&, Args&) {
    return Value::none();
}

void make_re_module(Interpreter&, lang::Module& m) {
    def_fn(m, "compile", re_compile);
    def_fn(m, "match", re_match);
    def_fn(m, "search", re_search);
    def_fn(m, "fullmatch", re_fullmatch);
    def_fn(m, "findall", re_findall);
    def_fn(m, "finditer", re_finditer);
    def_fn(m, "sub", re_sub);
    def_fn(m, "subn", re_subn);
    def_fn(m, "split", re_split);
    def_fn(m, "escape", re_escape);
    def_fn(m, "purge", re_purge);
    def_value(m, "Pattern", Value(pattern_type()));
    def_value(m, "Match", Value(match_type()));
    def_value(m, "error", Value(error_type()));
    const std::pair<const char*, int64_t> flags[] = {
        {"I", regex::kIgnoreCase}, {"IGNORECASE", regex::kIgnoreCase},
        {"M", regex::kMultiline},  {"MULTILINE", regex::kMultiline},
        {"S", regex::kDotAll},     {"DOTALL", regex::kDotAll},
        {"X", regex::kVerbose},    {"VERBOSE", regex::kVerbose},
        {"A", regex::kAscii},      {"ASCII", regex::kAscii},
        {"U", regex::kUnicode},    {"UNICODE", regex::kUnicode},
        {"L", regex::kLocale},     {"LOCALE", regex::kLocale},
        {"T", regex::kTemplate},   {"TEMPLATE", regex::kTemplate},
        {"DEBUG", regex::kDebug},  {"NOFLAG", 0}};
    for (auto& [name, v] : flags)
        def_value(m, name, make_flag(v));
    def_value(m, "RegexFlag", Value(flag_type()));
}

} // namespace

void register_re_module(Interpreter& in) {
    in.register_builtin_module("re", make_re_module);
}

} // namespace ormsh::api::stdlib
