// printf-style formatting (str % args) with CPython 3.11's conversions, flags and error
// messages. The interpreter describes its right-hand operand through PercentArgs, so this
// library never sees interpreter objects.
#pragma once

#include "repl/lang/text/int_text.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ormsh::lang::text {

// A handle the PercentArgs implementation hands out for one argument value.
using ArgRef = int64_t;

// The right operand of `fmt % args`, implemented by the interpreter.
class PercentArgs {
public:
    virtual ~PercentArgs() = default;
    // Number of items when the operand is a tuple; -1 when it is a single non-tuple value.
    virtual int64_t tuple_size() const = 0;
    // True when the operand supports %(key)s: CPython's "mapping and not tuple and not str"
    // (dict, but also list: '%s' % [] is fine, 'abc' % [] too).
    virtual bool is_mapping() const = 0;
    // Item `index` of the tuple, or the single value itself (index 0) when tuple_size() == -1.
    virtual ArgRef positional(int64_t index) = 0;
    // operand[key] for %(key)s. Either throw the interpreter's own KeyError, or return nullopt
    // and percent_format throws FormatError(KeyError, key) whose message is the raw key.
    virtual std::optional<ArgRef> lookup(std::string_view key) = 0;

    virtual std::string str(ArgRef arg) = 0;
    virtual std::string repr(ArgRef arg) = 0;
    // ascii(): defaults to repr() with non-ASCII escaped (ascii_escape), as CPython does.
    virtual std::string ascii(ArgRef arg);
    // type(arg).__name__ for error messages ("str", "list").
    virtual std::string type_name(ArgRef arg) = 0;
    // The value when it is an int (bool included) or has __index__; nullopt otherwise.
    virtual std::optional<IntValue> as_int(ArgRef arg) = 0;
    // The value when it is a float or has __float__ (ints are handled through as_int).
    virtual std::optional<double> as_float(ArgRef arg) = 0;
    // The value when it is a str (for %c); nullopt otherwise.
    virtual std::optional<std::string> as_str(ArgRef arg) = 0;
};

// fmt % args. Throws FormatError: TypeError "not enough arguments for format string",
// "not all arguments converted during string formatting", "format requires a mapping",
// "%d format: a real number is required, not str", "must be real number, not str",
// "%c requires int or char", "* wants int"; ValueError "incomplete format",
// "unsupported format character 'z' (0x7a) at index 1"; OverflowError
// "%c arg not in range(0x110000)"; KeyError (message = the missing key).
std::string percent_format(std::string_view fmt, PercentArgs& args);

} // namespace ormsh::lang::text
