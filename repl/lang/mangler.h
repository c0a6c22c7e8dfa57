// Private name mangling: inside a class body, an identifier `__name` (not ending in `__`) is
// renamed `_Class__name` before resolution, as CPython's compiler does, so `self.__secret`
// in class P reads and writes the attribute `_P__secret`.
#pragma once

#include "repl/lang/ast.h"

namespace ormsh::lang {

// Rewrites the names of `prog` in place: names, attributes, definitions, parameters, except
// targets and global/nonlocal names within class bodies (keyword arguments and module names in
// imports are left as written).
void mangle_private_names(Program& prog);

} // namespace ormsh::lang
