// Ctrl-C. The SIGINT handler only sets flags (the interpreter's `interrupt`, which raises
// KeyboardInterrupt at the next check, and one the line reader polls) and wakes a helper
// thread; the helper asks every live engine to cancel its running statement
// (sqlite3_interrupt, PostgreSQL cancel), which a signal handler may not do itself.
#pragma once

#include "repl/lang/interpreter.h"

namespace ormsh::shell {

// Installs the handler and starts the helper thread; `in` must outlive the process's use of it.
void install_interrupt_handling(lang::Interpreter& in);
// Stops routing signals to `in` (before it is destroyed).
void detach_interrupt_handling();
// True once per Ctrl-C received since the last call.
bool take_sigint();
// Forgets a pending Ctrl-C (before running a new statement).
void clear_sigint();

} // namespace ormsh::shell
