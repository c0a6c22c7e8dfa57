// Resolver: the compile-time pass that decides, for every name in a program, whether it is a
// local slot, a closure cell, a global or a class-body name, so the interpreter reads locals by
// index. Comprehension variables get hidden slots of their own (Python 3 scoping).
#pragma once

#include "repl/lang/ast.h"
#include "repl/lang/lexer.h"

namespace ormsh::lang {

// Where a program's top-level names live: in its module's globals, or (exec() and eval() given
// locals apart from globals) in a namespace dict read before the globals, as a class body's are.
enum class TopLevelNames : uint8_t { Module, Namespace };

void resolve_program(Program& prog, TopLevelNames top_level = TopLevelNames::Module);

} // namespace ormsh::lang
