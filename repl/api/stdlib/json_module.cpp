// The `json` module: dumps/dump/loads/load, JSONEncoder (subclassable: a Python `default`
// method is honoured), JSONDecoder and JSONDecodeError, plus the json.encoder / json.decoder
// submodules that some code imports them from.
#include "repl/api/stdlib/json_codec.h"
#include "repl/api/stdlib/stdlib_modules.h"
#include "repl/lang/text/utf8.h"

#include <algorithm>

namespace ormsh::api::stdlib {

namespace json {

namespace {

Value kw_or_none(const Value& v) {
    return v.empty() ? Value::none() : v;
}

bool flag(Interpreter& in, const Value& v, bool def) {
    return v.empty() ? def : in.truthy(v);
}

void set_indent(Interpreter& in, EncodeOptions& o, const Value& indent) {
    if (indent.empty() || indent.is_none()) return;
    o.has_indent = true;
    if (lang::is_str(indent))
        o.indent = lang::as_str(indent)->s;
    else
        o.indent =
            std::string(static_cast<size_t>(std::max<int64_t>(0, in.index_value(indent))), ' ');
    o.item_separator = ",";
}

void set_separators(Interpreter& in, EncodeOptions& o, const Value& seps) {
    if (seps.empty() || seps.is_none()) return;
    std::vector<Value> parts = in.to_vector(seps);
    if (parts.size() != 2 || !lang::is_str(parts[0]) || !lang::is_str(parts[1]))
        in.raise("ValueError", "separators must be a (item_separator, key_separator) pair");
    o.item_separator = lang::as_str(parts[0])->s;
    o.key_separator = lang::as_str(parts[1])->s;
}

const char* const kEncoderParams[] = {"skipkeys",  "ensure_ascii", "check_circular", "allow_nan",
                                      "sort_keys", "indent",       "separators",     "default"};

// ---- JSONEncoder ----

Value base_default(Interpreter& in, const Value&, Args& args) {
    Value p[1];
    lang::parse_args(in, "default", args, {"o"}, 1, p);
    in.raise("TypeError", "Object of type " + short_type_name(p[0]) + " is not JSON serializable");
}

Type* encoder_type();

Value encoder_init(Interpreter& in, const Value& self, Args& args) {
    Value p[8];
    lang::parse_args(in, "JSONEncoder", args,
                     {"skipkeys", "ensure_ascii", "check_circular", "allow_nan", "sort_keys",
                      "indent", "separators", "default"},
                     0, p);
    in.setattr(self, lang::intern("skipkeys"), Value::boolean(flag(in, p[0], false)));
    in.setattr(self, lang::intern("ensure_ascii"), Value::boolean(flag(in, p[1], true)));
    in.setattr(self, lang::intern("check_circular"), Value::boolean(flag(in, p[2], true)));
    in.setattr(self, lang::intern("allow_nan"), Value::boolean(flag(in, p[3], true)));
    in.setattr(self, lang::intern("sort_keys"), Value::boolean(flag(in, p[4], false)));
    in.setattr(self, lang::intern("indent"), kw_or_none(p[5]));
    EncodeOptions o;
    set_indent(in, o, p[5]);
    set_separators(in, o, p[6]);
    in.setattr(self, lang::intern("item_separator"), lang::new_str(o.item_separator));
    in.setattr(self, lang::intern("key_separator"), lang::new_str(o.key_separator));
    if (!p[7].empty() && !p[7].is_none()) in.setattr(self, lang::intern("default"), p[7]);
    return Value::none();
}

EncodeOptions options_of(Interpreter& in, const Value& enc) {
    EncodeOptions o;
    o.skipkeys = in.truthy(in.getattr(enc, "skipkeys"));
    o.ensure_ascii = in.truthy(in.getattr(enc, "ensure_ascii"));
    o.check_circular = in.truthy(in.getattr(enc, "check_circular"));
    o.allow_nan = in.truthy(in.getattr(enc, "allow_nan"));
    o.sort_keys = in.truthy(in.getattr(enc, "sort_keys"));
    set_indent(in, o, in.getattr(enc, "indent"));
    o.item_separator = in.str(in.getattr(enc, "item_separator"));
    o.key_separator = in.str(in.getattr(enc, "key_separator"));
    Value def = in.getattr(enc, "default");
    bool is_base = lang::has_layout(def, lang::Layout::BoundMethod) &&
                   def.as<lang::BoundMethod>()->func.is(encoder_type()->lookup("default"));
    if (!is_base) o.default_fn = def;
    return o;
}

Value encoder_encode(Interpreter& in, const Value& self, Args& args) {
    Value p[1];
    lang::parse_args(in, "encode", args, {"o"}, 1, p);
    return lang::new_str(encode(in, p[0], options_of(in, self)));
}

Value encoder_iterencode(Interpreter& in, const Value& self, Args& args) {
    return lang::new_list({encoder_encode(in, self, args)});
}

Type* encoder_type() {
    static Type* t = lang::TypeBuilder("JSONEncoder", {}, "json.encoder")
                         .instance_dict(true)
                         .method("__init__", encoder_init)
                         .method("default", base_default)
                         .method("encode", encoder_encode)
                         .method("iterencode", encoder_iterencode)
                         .attr("item_separator", lang::new_str(", "))
                         .attr("key_separator", lang::new_str(": "))
                         .build();
    return t;
}

// ---- JSONDecoder ----

Value decoder_init(Interpreter& in, const Value& self, Args& args) {
    Value p[6];
    lang::parse_args(in, "JSONDecoder", args,
                     {"object_hook", "parse_float", "parse_int", "parse_constant", "strict",
                      "object_pairs_hook"},
                     0, p);
    const char* names[] = {"object_hook",    "parse_float", "parse_int",
                           "parse_constant", "strict",      "object_pairs_hook"};
    for (int i = 0; i < 6; ++i)
        in.setattr(self, lang::intern(names[i]),
                   i == 4 ? Value::boolean(flag(in, p[4], true)) : kw_or_none(p[i]));
    return Value::none();
}

Value hook(Interpreter& in, const Value& dec, const char* name) {
    Value v = in.getattr_opt(dec, lang::intern(name));
    return v.empty() || v.is_none() ? Value() : v;
}

DecodeOptions decode_options_of(Interpreter& in, const Value& dec) {
    DecodeOptions o;
    o.object_hook = hook(in, dec, "object_hook");
    o.object_pairs_hook = hook(in, dec, "object_pairs_hook");
    o.parse_float = hook(in, dec, "parse_float");
    o.parse_int = hook(in, dec, "parse_int");
    o.parse_constant = hook(in, dec, "parse_constant");
    Value strict = in.getattr_opt(dec, lang::intern("strict"));
    o.strict = strict.empty() || in.truthy(strict);
    return o;
}

std::string document_text(Interpreter& in, const Value& s) {
    std::string text;
    if (!bytes_like(s, text))
        in.raise("TypeError",
                 "the JSON object must be str, bytes or bytearray, not " + in.type_name(s));
    if (text.starts_with("\xef\xbb\xbf")) {
        if (lang::is_str(s))
            in.raise_value(in.call(Value(decode_error_type()),
                                   {lang::new_str("Unexpected UTF-8 BOM (decode using utf-8-sig)"),
                                    s, Value::integer(0)}));
        text.erase(0, 3);
    }
    return text;
}

Value decoder_decode(Interpreter& in, const Value& self, Args& args) {
    Value p[1];
    lang::parse_args(in, "decode", args, {"s"}, 1, p);
    return decode(in, document_text(in, p[0]), decode_options_of(in, self));
}

Value decoder_raw_decode(Interpreter& in, const Value& self, Args& args) {
    Value p[2];
    lang::parse_args(in, "raw_decode", args, {"s", "idx"}, 1, p);
    int64_t end = 0;
    Value v = raw_decode(in, str_arg(in, p[0], "raw_decode"),
                         p[1].empty() ? 0 : in.index_value(p[1]), decode_options_of(in, self), end);
    return lang::new_tuple({v, Value::integer(end)});
}

Type* decoder_type() {
    static Type* t = lang::TypeBuilder("JSONDecoder", {}, "json.decoder")
                         .instance_dict(true)
                         .method("__init__", decoder_init)
                         .method("decode", decoder_decode)
                         .method("raw_decode", decoder_raw_decode)
                         .build();
    return t;
}

// ---- JSONDecodeError(msg, doc, pos) ----

Value decode_error_init(Interpreter& in, const Value& self, Args& args) {
    Value p[3];
    lang::parse_args(in, "JSONDecodeError", args, {"msg", "doc", "pos"}, 3, p);
    std::string doc = in.str(p[1]);
    int64_t pos = in.index_value(p[2]);
    size_t byte_pos = lang::text::utf8_offset(doc, static_cast<size_t>(std::max<int64_t>(pos, 0)));
    int64_t lineno =
        1 +
        static_cast<int64_t>(std::count(
            doc.begin(), doc.begin() + static_cast<long>(std::min(byte_pos, doc.size())), '\n'));
    size_t last_nl = byte_pos == 0 ? std::string::npos : doc.rfind('\n', byte_pos - 1);
    int64_t colno = last_nl == std::string::npos
                        ? pos + 1
                        : pos - static_cast<int64_t>(lang::text::utf8_length(
                                    std::string_view(doc).substr(0, last_nl)));
    std::string msg = in.str(p[0]);
    std::string text = msg + ": line " + std::to_string(lineno) + " column " +
                       std::to_string(colno) + " (char " + std::to_string(pos) + ")";
    self.as<lang::ExceptionObj>()->args = lang::Tuple::create({lang::new_str(text)});
    in.setattr(self, lang::intern("msg"), p[0]);
    in.setattr(self, lang::intern("doc"), p[1]);
    in.setattr(self, lang::intern("pos"), p[2]);
    in.setattr(self, lang::intern("lineno"), Value::integer(lineno));
    in.setattr(self, lang::intern("colno"), Value::integer(colno));
    return Value::none();
}

} // namespace

Type* decode_error_type() {
    static Type* t = [] {
        Interpreter& in = Interpreter::current();
        Type* e = in.new_exception_type("JSONDecodeError", lang::builtin_type("ValueError"),
                                        "json.decoder");
        e->set_attr("__init__", lang::make_native_function("__init__", decode_error_init, true));
        e->make_immortal();
        return e;
    }();
    return t;
}

namespace {

// ---- module functions ----

Value dumps_impl(Interpreter& in, Args& args, size_t first_kw, Value* p) {
    (void)first_kw;
    Value cls = p[1];
    if (cls.empty() || cls.is_none()) {
        EncodeOptions o;
        o.skipkeys = flag(in, p[2], false);
        o.ensure_ascii = flag(in, p[3], true);
        o.check_circular = flag(in, p[4], true);
        o.allow_nan = flag(in, p[5], true);
        o.sort_keys = flag(in, p[6], false);
        set_indent(in, o, p[7]);
        set_separators(in, o, p[8]);
        if (!p[9].empty() && !p[9].is_none()) o.default_fn = p[9];
        bool extra_kw = false;
        for (auto& kw : args.kw) {
            bool known = kw.name->s == "cls";
            for (auto* n : kEncoderParams)
                known = known || kw.name->s == n;
            extra_kw = extra_kw || !known;
        }
        if (!extra_kw) return lang::new_str(encode(in, p[0], o));
    }
    // A custom encoder class: build it with the keyword arguments and call encode().
    std::vector<lang::KwArg> kw;
    for (auto& k : args.kw)
        if (k.name->s != "cls" && k.name->s != "obj" && k.name->s != "fp") kw.push_back(k);
    Value enc = in.call(cls.empty() || cls.is_none() ? Value(encoder_type()) : cls, {}, kw);
    return in.call_method(enc, "encode", {p[0]});
}

Value json_dumps(Interpreter& in, const Value&, Args& args) {
    Value p[10];
    lang::parse_args(in, "dumps", args,
                     {"obj", "cls", "skipkeys", "ensure_ascii", "check_circular", "allow_nan",
                      "sort_keys", "indent", "separators", "default"},
                     1, p, true);
    return dumps_impl(in, args, 1, p);
}

Value json_dump(Interpreter& in, const Value&, Args& args) {
    Value p[11];
    lang::parse_args(in, "dump", args,
                     {"obj", "fp", "cls", "skipkeys", "ensure_ascii", "check_circular", "allow_nan",
                      "sort_keys", "indent", "separators", "default"},
                     2, p, true);
    Value q[10] = {p[0], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10]};
    Value text = dumps_impl(in, args, 2, q);
    in.call_method(p[1], "write", {text});
    return Value::none();
}

Value loads_impl(Interpreter& in, Args& args, const Value& s, Value* p) {
    Value cls = p[0];
    std::vector<lang::KwArg> kw;
    for (auto& k : args.kw)
        if (k.name->s != "cls" && k.name->s != "s" && k.name->s != "fp") kw.push_back(k);
    if (!cls.empty() && !cls.is_none()) {
        Value dec = in.call(cls, {}, kw);
        return in.call_method(dec, "decode", {s});
    }
    DecodeOptions o;
    const char* names[] = {"object_hook", "parse_float", "parse_int", "parse_constant",
                           "object_pairs_hook"};
    Value* targets[] = {&o.object_hook, &o.parse_float, &o.parse_int, &o.parse_constant,
                        &o.object_pairs_hook};
    for (auto& k : kw) {
        bool known = false;
        for (int i = 0; i < 5; ++i)
            if (k.name->s == names[i]) {
                known = true;
                if (!k.value.is_none()) *targets[i] = k.value;
            }
        if (k.name->s == "strict") {
            known = true;
            o.strict = in.truthy(k.value);
        }
        if (!known)
            in.raise("TypeError", "JSONDecoder.__init__() got an unexpected keyword argument '" +
                                      k.name->s + "'");
    }
    return decode(in, document_text(in, s), o);
}

Value json_loads(Interpreter& in, const Value&, Args& args) {
    Value p[2];
    lang::parse_args(in, "loads", args, {"s", "cls"}, 1, p, true);
    return loads_impl(in, args, p[0], p + 1);
}

Value json_load(Interpreter& in, const Value&, Args& args) {
    Value p[2];
    lang::parse_args(in, "load", args, {"fp", "cls"}, 1, p, true);
    return loads_impl(in, args, in.call_method(p[0], "read", {}), p + 1);
}

void make_json_module(Interpreter& in, lang::Module& m) {
    def_fn(m, "dumps", json_dumps);
    def_fn(m, "dump", json_dump);
    def_fn(m, "loads", json_loads);
    def_fn(m, "load", json_load);
    def_value(m, "JSONEncoder", Value(encoder_type()));
    def_value(m, "JSONDecoder", Value(decoder_type()));
    def_value(m, "JSONDecodeError", Value(decode_error_type()));
    def_value(m, "decoder", Value(in.import_module("json.decoder")));
    def_value(m, "encoder", Value(in.import_module("json.encoder")));
}

} // namespace
} // namespace json

void register_json_module(Interpreter& in) {
    in.register_builtin_module("json", json::make_json_module);
    in.register_builtin_module("json.decoder", [](Interpreter&, lang::Module& m) {
        def_value(m, "JSONDecoder", Value(json::decoder_type()));
        def_value(m, "JSONDecodeError", Value(json::decode_error_type()));
    });
    in.register_builtin_module("json.encoder", [](Interpreter&, lang::Module& m) {
        def_value(m, "JSONEncoder", Value(json::encoder_type()));
    });
}

} // namespace ormsh::api::stdlib
