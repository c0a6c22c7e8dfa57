// The state of the interactive session's ORM session, for the prompt and the exit warning:
// objects waiting to be flushed, rows flushed but not committed, or a failed flush that needs
// rollback(). Read through the session's Python API (new, dirty, deleted, is_active).
#pragma once

#include "repl/lang/interpreter.h"

#include <string>

namespace ormsh::shell {

struct SessionState {
    bool found = false; // a session was reachable (db.session or `session`)
    std::size_t new_objects = 0;
    std::size_t dirty_objects = 0;
    std::size_t deleted_objects = 0;
    bool flushed_uncommitted = false;
    bool needs_rollback = false;

    bool has_uncommitted_changes() const {
        return new_objects || dirty_objects || deleted_objects || flushed_uncommitted;
    }
    // "2 new, 1 changed" — what the exit warning lists.
    std::string summary() const;
};

// The shell's session: `db.session` when `db` is bound, else a global `session`; empty when
// there is none. Never raises.
lang::Value find_session(lang::Interpreter& in);

// Never raises: a session that cannot be inspected reads as not found.
SessionState inspect_session(lang::Interpreter& in);

// Rolls the shell's session back (after Ctrl-C stopped a statement); true when it had a
// transaction or changes to discard.
bool roll_back_session(lang::Interpreter& in);

} // namespace ormsh::shell
