// A minimal script runner for the Core binding tests: an interpreter with only the modules this
// layer needs (sqlalchemy Core, sqlalchemy.exc, datetime, decimal), so the tests depend on
// neither the shell nor the ORM bindings. Usage: api_core_runner SCRIPT.py
#include "dialects/registry.h"
#include "repl/api/exc_bridge.h"
#include "repl/api/modules.h"
#include "repl/lang/interpreter.h"

#include <fstream>
#include <iostream>
#include <sstream>
#ifdef HAVE_ORMSH_API_DATETIME
#include "repl/api/datetime_objects.h"
#endif

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: api_core_runner SCRIPT.py\n";
        return 2;
    }
    ormsh::dialects::register_builtin_dialects();
    std::ifstream f(argv[1], std::ios::binary);
    if (!f) {
        std::cerr << "api_core_runner: can't open file '" << argv[1] << "'\n";
        return 2;
    }
    std::stringstream ss;
    ss << f.rdbuf();
    ormsh::lang::Interpreter interp;
#ifdef HAVE_ORMSH_API_DATETIME
    ormsh::api::register_datetime_module(interp);
    ormsh::api::register_decimal_module(interp);
#endif
    ormsh::api::register_exc_module(interp);
    ormsh::api::register_sqlalchemy_core(interp);
    std::vector<std::string> args(argv + 1, argv + argc);
    auto result = interp.run_main(ss.str(), argv[1], args);
    std::cout.flush();
    return result.exit_code;
}
