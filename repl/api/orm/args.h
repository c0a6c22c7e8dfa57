// Positional argument access for the ORM bindings' native methods, raising Python's TypeError
// when an argument is missing instead of reading past the end.
#pragma once

#include <fmt/core.h>

#include "repl/lang/interpreter.h"

namespace ormsh::api {

inline const lang::Value& arg_at(lang::Interpreter& in, const lang::Args& args, std::size_t i) {
    if (i >= args.pos.size())
        in.raise("TypeError", fmt::format("missing required positional argument {}", i + 1));
    return args.pos[i];
}

} // namespace ormsh::api
