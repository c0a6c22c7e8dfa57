// Reading the shell session's state. A `db` whose app has no database URL raises when its
// session is first made; that, like any other failure here, just means "no session".
#include "repl/shell/session_state.h"

namespace ormsh::shell {

std::string SessionState::summary() const {
    std::string out;
    auto part = [&](std::size_t n, const char* what) {
        if (!n) return;
        if (!out.empty()) out += ", ";
        out += std::to_string(n) + " " + what;
    };
    part(new_objects, "new");
    part(dirty_objects, "changed");
    part(deleted_objects, "deleted");
    if (flushed_uncommitted) out += out.empty() ? "flushed rows" : ", flushed rows";
    return out;
}

lang::Value find_session(lang::Interpreter& in) {
    try {
        lang::Value db = in.globals().get_str(lang::intern("db"));
        if (!db.empty() && !db.is_none()) {
            lang::Value s = in.getattr_opt(db, lang::intern("session"));
            if (!s.empty()) return s;
        }
        lang::Value s = in.globals().get_str(lang::intern("session"));
        if (!s.empty() && in.hasattr(s, lang::intern("dirty"))) return s;
    } catch (lang::PyException&) {
    }
    return lang::Value();
}

SessionState inspect_session(lang::Interpreter& in) {
    SessionState state;
    lang::Value session = find_session(in);
    if (session.empty()) return state;
    try {
        state.new_objects = static_cast<std::size_t>(in.len(in.getattr(session, "new")));
        state.dirty_objects = static_cast<std::size_t>(in.len(in.getattr(session, "dirty")));
        state.deleted_objects = static_cast<std::size_t>(in.len(in.getattr(session, "deleted")));
        state.needs_rollback = !in.truthy(in.getattr(session, "is_active"));
        lang::Value flushed = in.getattr_opt(session, lang::intern("_ormsh_flushed_uncommitted"));
        state.flushed_uncommitted = !flushed.empty() && in.truthy(flushed);
        state.found = true;
    } catch (lang::PyException&) {
        return SessionState{};
    }
    return state;
}

bool roll_back_session(lang::Interpreter& in) {
    SessionState before = inspect_session(in);
    if (!before.found) return false;
    try {
        in.call_method(find_session(in), "rollback", {});
    } catch (lang::PyException&) {
        return false;
    }
    return before.has_uncommitted_changes() || before.needs_rollback;
}

} // namespace ormsh::shell
