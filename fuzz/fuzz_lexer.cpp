// libFuzzer target: the lexer on arbitrary bytes. Any outcome but tokens or a SyntaxErrorEx
// (a crash, a sanitizer report, another exception) is a bug.
#include "repl/lang/lexer.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view src(reinterpret_cast<const char*>(data), size);
    try {
        ormsh::lang::Lexer lexer(src, "<fuzz>");
        lexer.tokenize();
    } catch (const ormsh::lang::SyntaxErrorEx&) {
    }
    return 0;
}
