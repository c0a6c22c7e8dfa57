// Small helpers the standard-library modules share: defining module functions and constants,
// reading common argument kinds with CPython's TypeErrors, and building native types once per
// process (types are immortal; modules are created per interpreter on first import).
#pragma once

#include "repl/lang/interpreter.h"
#include "repl/lang/numbers.h"

#include <string>
#include <string_view>

namespace ormsh::api::stdlib {

using lang::Args;
using lang::Interpreter;
using lang::Ref;
using lang::Type;
using lang::Value;

inline void def_fn(lang::Module& m, const char* name, lang::NativeFn f) {
    m.dict->set_str(lang::intern(name), lang::make_native_function(name, f, false));
}
inline void def_closure(lang::Module& m, const char* name, lang::NativeClosure f) {
    m.dict->set_str(lang::intern(name), lang::make_native_closure(name, std::move(f), false));
}
inline void def_value(lang::Module& m, const char* name, Value v) {
    m.dict->set_str(lang::intern(name), std::move(v));
}

// The text of a str argument, or TypeError "<fname>() argument <what> must be str, not X".
inline const lang::StrText& str_arg(Interpreter& in, const Value& v, const std::string& fname,
                                    const std::string& what = "1") {
    if (!lang::is_str(v))
        in.raise("TypeError",
                 fname + "() argument " + what + " must be str, not " + in.type_name(v));
    return lang::as_str(v)->s;
}

// The bytes of a str (UTF-8), bytes or bytearray-like argument.
inline bool bytes_like(const Value& v, std::string& out) {
    if (lang::is_str(v)) {
        out = lang::as_str(v)->s;
        return true;
    }
    if (lang::has_layout(v, lang::Layout::Bytes)) {
        out = v.as<lang::Bytes>()->s;
        return true;
    }
    return false;
}

// type(v).__name__: native types carry their module in `name` ("datetime.date").
inline std::string short_type_name(const Value& v) {
    const std::string& n = v.type()->name;
    size_t dot = n.rfind('.');
    return dot == std::string::npos ? n : n.substr(dot + 1);
}

inline Value new_bytes(std::string s) {
    return Value::steal(new lang::Bytes(std::move(s)));
}

// `arg`, or None when it was not passed.
inline Value none_if_empty(const Value& arg) {
    return arg.empty() ? Value::none() : arg;
}

} // namespace ormsh::api::stdlib
