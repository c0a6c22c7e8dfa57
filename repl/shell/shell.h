// The interactive shell: reads statements with Python's prompts, runs them in __main__,
// shows results in the current output mode, and keeps the history, the dot-commands' settings
// and the prompt's view of the session.
#pragma once

#include "repl/lang/interpreter.h"
#include "repl/shell/database_binding.h"
#include "repl/shell/history.h"
#include "repl/shell/line_reader.h"
#include "repl/shell/result_renderer.h"

#include <memory>
#include <string>

namespace ormsh::shell {

struct ShellOptions {
    std::string database_url; // empty: kDefaultDatabaseUrl
    bool quiet = false;       // no banner
    bool bind_database = true;
    bool sandbox = false; // said in the banner and the prompt
};

class Shell {
public:
    Shell(lang::Interpreter& in, ShellOptions options);
    ~Shell();
    Shell(const Shell&) = delete;
    Shell& operator=(const Shell&) = delete;
    // Runs until .quit or end of input; returns the exit status.
    int run();

    // For the dot-commands.
    lang::Interpreter& interpreter() { return in_; }
    void out(const std::string& text);
    void err(const std::string& text);
    OutputMode mode() const { return mode_; }
    void set_mode(OutputMode mode) { mode_ = mode; }
    bool timer() const { return timer_; }
    void set_timer(bool on) { timer_ = on; }
    bool echo() const { return echo_; }
    void set_echo(bool on);
    // Binds db/session/engine and the reflected models for `url`; false (error printed) on
    // failure.
    bool open_database(const std::string& url);
    const BoundDatabase& database() const { return database_; }
    // Runs a file's statements in the interactive namespace (.read).
    void run_file(const std::string& path);
    // Runs raw SQL on the shell's session and shows the rows in the current mode (.sql).
    void run_sql(const std::string& sql);
    // Shows `value` as an expression statement's result would be.
    void display(const lang::Value& value);
    void request_quit() { quit_requested_ = true; }

private:
    std::string prompt() const;
    void execute(const std::string& source);
    void after_failure();
    bool confirm_leaving();
    void print_banner();
    void run_dot_command(const std::string& line);
    RenderOptions render_options() const;

    lang::Interpreter& in_;
    ShellOptions options_;
    History history_;
    std::unique_ptr<LineReader> reader_;
    BoundDatabase database_;
    OutputMode mode_ = OutputMode::Repr;
    bool timer_ = false;
    bool echo_ = false;
    bool quit_requested_ = false;
    bool warned_uncommitted_ = false;
    bool terminal_ = false;
    int exit_code_ = 0;
};

} // namespace ormsh::shell
