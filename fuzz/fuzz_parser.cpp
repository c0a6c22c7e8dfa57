// libFuzzer target: lexer, parser and resolver on arbitrary bytes, on a big stack as ormsh
// runs them. Only a parsed program or a SyntaxErrorEx is an acceptable outcome.
#include "repl/lang/interpreter.h"
#include "repl/lang/parser.h"
#include "repl/lang/resolver.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string src(reinterpret_cast<const char*>(data), size);
    ormsh::lang::Interpreter::run_with_big_stack([&] {
        try {
            ormsh::lang::Program prog = ormsh::lang::parse_program(src, "<fuzz>");
            ormsh::lang::resolve_program(prog);
        } catch (const ormsh::lang::SyntaxErrorEx&) {
        }
    });
    return 0;
}
