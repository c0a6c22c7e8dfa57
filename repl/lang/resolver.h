// Resolver: the compile-time pass that decides, for every name in a program, whether it is a
// local slot, a closure cell, a global or a class-body name, so the interpreter reads locals by
// index. Comprehension variables get hidden slots of their own (Python 3 scoping).
#pragma once

#include "repl/lang/ast.h"
#include "repl/lang/lexer.h"

namespace ormsh::lang {

void resolve_program(Program& prog);

} // namespace ormsh::lang
