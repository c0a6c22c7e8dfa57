// The library modules written in the language itself (repl/api/pylib/**.py), compiled into
// the binary by embed_pylib.cmake.
#pragma once

#include <string_view>
#include <vector>

namespace ormsh::api::pylib {

struct Source {
    std::string_view module; // dotted module name: "faker", "faker.words"
    std::string_view path;   // file below repl/api/pylib, for tracebacks
    std::string_view text;
};

const std::vector<Source>& sources();

} // namespace ormsh::api::pylib
