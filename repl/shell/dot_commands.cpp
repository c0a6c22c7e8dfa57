// The dot-command table and handlers. Handlers print through the Shell (stdout for results,
// stderr for errors and notes) and never raise: a failing command prints why and the shell
// goes on.
#include "repl/shell/dot_commands.h"

#include "repl/shell/introspection.h"
#include "repl/shell/session_state.h"
#include "repl/shell/shell.h"

#include <fmt/core.h>

namespace ormsh::shell {
namespace {

lang::Value namespace_value(Shell& shell) {
    return lang::Value(&shell.interpreter().globals());
}

// Runs a helper and prints its string result (or its lines), or the error it raised.
void print_helper(Shell& shell, const char* helper, std::initializer_list<lang::Value> args) {
    lang::Interpreter& in = shell.interpreter();
    try {
        lang::Value result = call_helper(in, helper, args);
        if (lang::is_str(result)) {
            if (!lang::as_str(result)->s.empty()) shell.out(lang::as_str(result)->s + "\n");
            return;
        }
        for (const lang::Value& line : in.to_vector(result))
            shell.out(in.str(line) + "\n");
    } catch (lang::PyException& e) {
        lang::Value args_value = in.getattr_opt(e.exc, lang::intern("args"));
        std::vector<lang::Value> items =
            args_value.empty() ? std::vector<lang::Value>{} : in.to_vector(args_value);
        shell.err("Error: " +
                  (items.size() == 1 && lang::is_str(items[0]) ? lang::as_str(items[0])->s
                                                               : in.str(e.exc)) +
                  "\n");
    }
}

bool parse_on_off(Shell& shell, const std::string& argument, const char* command, bool& out) {
    if (argument == "on")
        out = true;
    else if (argument == "off")
        out = false;
    else {
        shell.err(fmt::format("Usage: {} on|off\n", command));
        return false;
    }
    return true;
}

void cmd_tables(Shell& shell, const std::string&) {
    lang::Interpreter& in = shell.interpreter();
    std::vector<std::string> names = helper_strings(in, "tables", {namespace_value(shell)});
    if (names.empty()) {
        print_helper(shell, "tables", {namespace_value(shell)}); // shows the error, if any
        return;
    }
    std::string line;
    for (const std::string& n : names)
        line += (line.empty() ? "" : "  ") + n;
    shell.out(line + "\n");
}

void cmd_schema(Shell& shell, const std::string& argument) {
    print_helper(
        shell, "schema",
        {namespace_value(shell), argument.empty() ? lang::Value::none() : lang::new_str(argument)});
}

void cmd_models(Shell& shell, const std::string&) {
    lang::Interpreter& in = shell.interpreter();
    if (helper_strings(in, "model_names", {namespace_value(shell)}).empty()) {
        shell.out("(no models: declare a class on db.Model, or open a database with tables)\n");
        return;
    }
    print_helper(shell, "model_lines", {namespace_value(shell)});
}

void cmd_describe(Shell& shell, const std::string& argument) {
    if (argument.empty()) {
        shell.err("Usage: .describe MODEL\n");
        return;
    }
    print_helper(shell, "describe", {namespace_value(shell), lang::new_str(argument)});
}

void cmd_echo(Shell& shell, const std::string& argument) {
    bool on = false;
    if (argument.empty()) {
        shell.out(std::string("echo is ") + (shell.echo() ? "on" : "off") + "\n");
        return;
    }
    if (parse_on_off(shell, argument, ".echo", on)) shell.set_echo(on);
}

void cmd_timer(Shell& shell, const std::string& argument) {
    bool on = false;
    if (argument.empty()) {
        shell.out(std::string("timer is ") + (shell.timer() ? "on" : "off") + "\n");
        return;
    }
    if (parse_on_off(shell, argument, ".timer", on)) shell.set_timer(on);
}

void cmd_mode(Shell& shell, const std::string& argument) {
    if (argument.empty()) {
        shell.out("current output mode: " + std::string(output_mode_name(shell.mode())) + "\n");
        return;
    }
    auto mode = parse_output_mode(argument);
    if (!mode) {
        shell.err("Error: mode should be one of: repr table vertical json csv\n");
        return;
    }
    shell.set_mode(*mode);
}

void cmd_open(Shell& shell, const std::string& argument) {
    if (argument.empty()) {
        shell.err("Usage: .open URL   (e.g. sqlite:///app.db, postgresql://user@host/db)\n");
        return;
    }
    if (shell.open_database(argument)) {
        const BoundDatabase& db = shell.database();
        std::string models;
        for (const std::string& m : db.models)
            models += (models.empty() ? "" : ", ") + m;
        shell.err("Database: " + db.url + (models.empty() ? "" : "; models: " + models) + "\n");
    }
}

void cmd_read(Shell& shell, const std::string& argument) {
    if (argument.empty()) {
        shell.err("Usage: .read FILE\n");
        return;
    }
    shell.run_file(argument);
}

void cmd_sql(Shell& shell, const std::string& argument) {
    if (argument.empty()) {
        shell.err("Usage: .sql STATEMENT\n");
        return;
    }
    shell.run_sql(argument);
}

void cmd_help(Shell& shell, const std::string&) {
    std::size_t width = 0;
    for (const DotCommand& c : dot_commands())
        width = std::max(width, c.usage.size());
    std::string text;
    for (const DotCommand& c : dot_commands())
        text += fmt::format("{:<{}}  {}\n", c.usage, width, c.help);
    text += "\nPrompt: (uncommitted) = the session holds changes not committed yet; "
            "(rollback needed) = a flush failed, call db.session.rollback().\n";
    shell.out(text);
}

void cmd_quit(Shell& shell, const std::string&) {
    shell.request_quit();
}

} // namespace

const std::vector<DotCommand>& dot_commands() {
    static const std::vector<DotCommand> commands = {
        {".describe", ".describe MODEL", "Columns, types, keys and relationships of a model",
         ArgCompletion::Model, cmd_describe},
        {".echo", ".echo on|off", "Print each SQL statement and its parameters as it runs",
         ArgCompletion::OnOff, cmd_echo},
        {".help", ".help", "Show this list", ArgCompletion::None, cmd_help},
        {".mode", ".mode repr|table|vertical|json|csv", "How results of expressions are shown",
         ArgCompletion::Mode, cmd_mode},
        {".models", ".models", "List the model classes in scope and their tables",
         ArgCompletion::None, cmd_models},
        {".open", ".open URL", "Bind db, session, engine and reflected models to another database",
         ArgCompletion::None, cmd_open},
        {".quit", ".quit", "Leave the shell (as Ctrl-D)", ArgCompletion::None, cmd_quit},
        {".read", ".read FILE", "Run a file's statements here", ArgCompletion::File, cmd_read},
        {".schema", ".schema [TABLE]", "CREATE TABLE statements of the database's tables",
         ArgCompletion::Table, cmd_schema},
        {".sql", ".sql STATEMENT", "Run raw SQL in the session; rows shown in the current mode",
         ArgCompletion::None, cmd_sql},
        {".tables", ".tables", "List the tables in the database", ArgCompletion::None, cmd_tables},
        {".timer", ".timer on|off", "Show how long each statement took", ArgCompletion::OnOff,
         cmd_timer},
    };
    return commands;
}

const DotCommand* find_dot_command(std::string_view name) {
    const DotCommand* match = nullptr;
    for (const DotCommand& c : dot_commands()) {
        if (c.name == name) return &c;
        if (name.size() > 1 && c.name.substr(0, name.size()) == name) {
            if (match) return nullptr; // ambiguous prefix
            match = &c;
        }
    }
    return match;
}

} // namespace ormsh::shell
