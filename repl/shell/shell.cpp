// The interactive loop. Lines are gathered until input_status() says the statement is whole
// (a pasted block may arrive as one read holding several lines, and is split here so it runs
// exactly as typed), then run with Interpreter::run_single, whose display hook lands in
// display(). After each statement the prompt is rebuilt from the session's state.
#include "repl/shell/shell.h"

#include "repl/api/sqlalchemy/engine_objects.h"
#include "repl/shell/completion.h"
#include "repl/shell/dot_commands.h"
#include "repl/shell/flush_progress_reporter.h"
#include "repl/shell/input_completeness.h"
#include "repl/shell/interrupts.h"
#include "repl/shell/introspection.h"
#include "repl/shell/session_state.h"

#include <chrono>
#include <cstdio>
#include <deque>
#include <fmt/core.h>
#include <fstream>
#include <sstream>
#include <sys/ioctl.h>
#include <unistd.h>

namespace ormsh::shell {
namespace {

constexpr const char* kPrimaryPrompt = ">>> ";
constexpr const char* kContinuationPrompt = "... ";

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::stringstream ss(text);
    std::string line;
    while (std::getline(ss, line))
        lines.push_back(line);
    if (lines.empty()) lines.emplace_back();
    return lines;
}

// The statement as history keeps it: without the blank line that ended a block.
std::string history_entry(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ' || text.back() == '\t'))
        text.pop_back();
    return text;
}

std::string join(const std::vector<std::string>& items, const char* sep) {
    std::string out;
    for (const std::string& s : items)
        out += (out.empty() ? "" : sep) + s;
    return out;
}

} // namespace

Shell::Shell(lang::Interpreter& in, ShellOptions options)
    : in_(in), options_(std::move(options)), history_(History::default_path()) {
    terminal_ = ::isatty(STDIN_FILENO);
    if (terminal_) {
        history_.load();
        reader_ = make_readline_reader(history_.entries());
        reader_->set_completion(
            [this](const std::string& line, std::size_t start, std::size_t end) {
                return complete(in_, line, start, end);
            });
    } else {
        reader_ = make_stream_reader(true);
    }
    in_.display_hook = [this](const lang::Value& v) { display(v); };
}

Shell::~Shell() {
    in_.display_hook = nullptr; // it points at this shell
}

void Shell::out(const std::string& text) {
    in_.write_out(text);
    in_.output().flush();
}

void Shell::err(const std::string& text) {
    in_.output().flush();
    in_.write_err(text);
}

void Shell::set_echo(bool on) {
    echo_ = on;
    api::set_echo_everywhere(on);
}

RenderOptions Shell::render_options() const {
    RenderOptions options;
    winsize size{};
    if (::isatty(STDOUT_FILENO) && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col)
        options.terminal_width = size.ws_col;
    else if (const char* columns = std::getenv("COLUMNS"))
        options.terminal_width = static_cast<std::size_t>(std::max(20, std::atoi(columns)));
    return options;
}

void Shell::display(const lang::Value& value) {
    out(render_value(in_, value, mode_, render_options()));
}

bool Shell::open_database(const std::string& url) {
    for (const std::string& name : database_.models)
        in_.globals().remove_str(lang::intern(name));
    database_ = BoundDatabase{};
    try {
        database_ = bind_database(in_, url);
        return true;
    } catch (lang::PyException& e) {
        err(in_.format_exception(e.exc));
        err("ormsh: could not open " + url + "\n");
        return false;
    }
}

void Shell::print_banner() {
    err(fmt::format("ormsh {} — SQLAlchemy / Flask-SQLAlchemy code, run natively\n",
                    ORMSH_VERSION));
    if (!database_.url.empty()) {
        std::string where = database_.url == kDefaultDatabaseUrl
                                ? "an in-memory SQLite database (gone at exit; --db URL opens "
                                  "another)"
                                : database_.url;
        err("Database: " + where + "\n");
        err("Bound: app, db, session, engine, Base");
        if (!database_.models.empty())
            err("; models from existing tables: " + join(database_.models, ", "));
        err("\n");
    }
    if (options_.sandbox)
        err("Sandbox: every change, committed or not, is rolled back when you leave.\n");
    err("Type .help for the dot-commands, Ctrl-D to leave.\n");
}

std::string Shell::prompt() const {
    SessionState state = inspect_session(in_);
    std::string prompt = options_.sandbox ? "(sandbox) " : "";
    if (state.needs_rollback)
        prompt += "(rollback needed) ";
    else if (state.has_uncommitted_changes())
        prompt += "(uncommitted) ";
    return prompt + kPrimaryPrompt;
}

void Shell::after_failure() {
    lang::Module* sys = in_.find_loaded_module("sys");
    lang::Value last = sys ? sys->dict->get_str(lang::intern("last_value")) : lang::Value();
    if (last.empty()) return;
    if (last.type()->is_subtype(lang::builtin_type("KeyboardInterrupt"))) {
        if (roll_back_session(in_)) err("(the session's transaction was rolled back)\n");
        return;
    }
    SessionState state = inspect_session(in_);
    if (state.needs_rollback) {
        bool via_db = !in_.globals().get_str(lang::intern("db")).empty();
        err(fmt::format("hint: the failed flush left the session's transaction unusable; call "
                        "{}.rollback() to discard its changes and go on\n",
                        via_db ? "db.session" : "session"));
    }
}

void Shell::execute(const std::string& source) {
    clear_sigint();
    in_.interrupt = false;
    warned_uncommitted_ = false;
    if (lang::Module* sys = in_.find_loaded_module("sys"))
        sys->dict->remove_str(lang::intern("last_value"));
    auto started = std::chrono::steady_clock::now();
    bool ok = true;
    {
        FlushProgressReporter progress;
        try {
            ok = in_.run_single(source, "<stdin>");
        } catch (lang::PyException& e) { // SystemExit: exit() / sys.exit(n)
            lang::Value code = in_.getattr_opt(e.exc, lang::intern("code"));
            if (code.is_int())
                exit_code_ = static_cast<int>(code.as_int());
            else if (!code.empty() && !code.is_none()) {
                err(in_.str(code) + "\n");
                exit_code_ = 1;
            }
            quit_requested_ = true;
        }
    }
    // A Ctrl-C that stopped this statement must not also abandon the next line typed.
    clear_sigint();
    in_.interrupt = false;
    if (timer_) {
        double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        err(fmt::format("Run time: {:.3f} s\n", seconds));
    }
    if (!ok) after_failure();
}

void Shell::run_dot_command(const std::string& line) {
    std::size_t first = line.find_first_not_of(" \t");
    std::size_t space = line.find_first_of(" \t", first);
    std::string name = line.substr(first, space == std::string::npos ? space : space - first);
    std::string argument;
    if (space != std::string::npos) {
        std::size_t a = line.find_first_not_of(" \t", space);
        std::size_t b = line.find_last_not_of(" \t");
        if (a != std::string::npos) argument = line.substr(a, b - a + 1);
    }
    const DotCommand* command = find_dot_command(name);
    if (!command) {
        err("Error: unknown command or invalid arguments: \"" + name.substr(1) +
            "\". Enter \".help\" for help\n");
        return;
    }
    clear_sigint();
    in_.interrupt = false;
    command->run(*this, argument);
    clear_sigint();
    in_.interrupt = false;
}

void Shell::run_file(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        err("Error: cannot open \"" + path + "\"\n");
        return;
    }
    std::stringstream ss;
    ss << file.rdbuf();
    execute(ss.str());
}

void Shell::run_sql(const std::string& sql) {
    clear_sigint();
    in_.interrupt = false;
    try {
        lang::Value result =
            call_helper(in_, "run_sql", {lang::Value(&in_.globals()), lang::new_str(sql)});
        if (result.is_int()) {
            std::int64_t n = result.as_int();
            out(fmt::format("({} row{} affected; the session's transaction is not committed)\n",
                            n < 0 ? 0 : n, n == 1 ? "" : "s"));
        } else {
            display(result);
        }
    } catch (lang::PyException& e) {
        err(in_.format_exception(e.exc));
        if (e.exc.type()->is_subtype(lang::builtin_type("KeyboardInterrupt")))
            roll_back_session(in_);
    }
    clear_sigint();
    in_.interrupt = false;
}

bool Shell::confirm_leaving() {
    SessionState state = inspect_session(in_);
    if (options_.sandbox || !state.has_uncommitted_changes() || warned_uncommitted_) return true;
    warned_uncommitted_ = true;
    bool via_db = !in_.globals().get_str(lang::intern("db")).empty();
    err(fmt::format("The session has uncommitted changes ({}); leaving now discards them.\n"
                    "Call {}.commit() to keep them, or leave again to discard them.\n",
                    state.summary(), via_db ? "db.session" : "session"));
    return false;
}

int Shell::run() {
    if (options_.bind_database)
        open_database(options_.database_url.empty() ? kDefaultDatabaseUrl : options_.database_url);
    if (!options_.quiet) print_banner();
    std::string buffer;
    std::deque<std::string> pending;
    while (!quit_requested_) {
        if (pending.empty()) {
            std::string text;
            ReadStatus status =
                reader_->read(buffer.empty() ? prompt() : kContinuationPrompt, text);
            if (status == ReadStatus::Interrupted) {
                if (!terminal_) err("\nKeyboardInterrupt\n");
                buffer.clear();
                continue;
            }
            if (status == ReadStatus::EndOfInput) {
                if (!buffer.empty()) {
                    execute(buffer);
                    buffer.clear();
                    continue;
                }
                if (confirm_leaving()) break;
                continue;
            }
            for (std::string& line : split_lines(text))
                pending.push_back(std::move(line));
        }
        std::string line = std::move(pending.front());
        pending.pop_front();
        if (buffer.empty()) {
            std::size_t first = line.find_first_not_of(" \t");
            if (first != std::string::npos && line[first] == '.') {
                if (terminal_ && history_.add(history_entry(line)))
                    reader_->remember(history_entry(line));
                run_dot_command(line);
                if (quit_requested_ && !confirm_leaving()) quit_requested_ = false;
                continue;
            }
        }
        buffer = buffer.empty() ? line : buffer + "\n" + line;
        switch (input_status(buffer)) {
        case InputStatus::Empty:
            buffer.clear();
            break;
        case InputStatus::Incomplete:
            break;
        case InputStatus::Complete: {
            std::string entry = history_entry(buffer);
            if (terminal_ && history_.add(entry)) reader_->remember(entry);
            std::string source = buffer + "\n";
            buffer.clear();
            execute(source);
            break;
        }
        }
    }
    if (options_.sandbox) roll_back_session(in_);
    in_.output().flush();
    return exit_code_;
}

} // namespace ormsh::shell
