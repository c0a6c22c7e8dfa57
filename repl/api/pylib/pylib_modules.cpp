// register_pylib_modules: makes each embedded library module (pylib_sources.h) importable;
// its source runs in the new module at first import, like a file on sys.path would.
#include "pylib_sources.h"
#include "repl/api/modules.h"
#include "repl/lang/interpreter.h"

#include <string>

namespace ormsh::api {

void register_pylib_modules(lang::Interpreter& in) {
    for (const pylib::Source& source : pylib::sources()) {
        in.register_builtin_module(
            std::string(source.module), [&source](lang::Interpreter& in, lang::Module& m) {
                in.exec_in_module(std::string(source.text),
                                  "<ormsh " + std::string(source.path) + ">", m);
            });
    }
}

} // namespace ormsh::api
