// The two halves of the json module: turning values into JSON text (json_encode.cpp, with
// CPython's separators, indentation, key conversion and error messages) and parsing JSON text
// into values (json_decode.cpp, raising json.JSONDecodeError with CPython's messages and
// positions). json_module.cpp binds them to dumps/loads and JSONEncoder/JSONDecoder.
#pragma once

#include "repl/api/stdlib/module_util.h"

#include <string>

namespace ormsh::api::stdlib::json {

struct EncodeOptions {
    bool skipkeys = false;
    bool ensure_ascii = true;
    bool check_circular = true;
    bool allow_nan = true;
    bool sort_keys = false;
    bool has_indent = false;
    std::string indent;
    std::string item_separator = ", ";
    std::string key_separator = ": ";
    Value default_fn; // empty: TypeError "Object of type X is not JSON serializable"
};

std::string encode(Interpreter& in, const Value& obj, const EncodeOptions& opts);

struct DecodeOptions {
    bool strict = true;
    Value object_hook, object_pairs_hook, parse_float, parse_int, parse_constant;
};

// Parses the whole text; raises JSONDecodeError on malformed input or trailing data.
Value decode(Interpreter& in, const std::string& text, const DecodeOptions& opts);
// Parses one value starting at character index `idx`; returns the value and the character
// index where it ended (JSONDecoder.raw_decode).
Value raw_decode(Interpreter& in, const std::string& text, int64_t idx, const DecodeOptions& opts,
                 int64_t& end);

// json.JSONDecodeError (a ValueError subclass), created with the module.
Type* decode_error_type();

} // namespace ormsh::api::stdlib::json
