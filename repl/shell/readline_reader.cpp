// The terminal line reader on GNU readline's callback interface: the shell waits in ppoll(),
// so a Ctrl-C (which interrupts it) abandons the line cleanly, and readline never installs
// signal handlers of its own. The only file that includes readline.
#include "repl/shell/interrupts.h"
#include "repl/shell/line_reader.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <poll.h>
#include <pthread.h>
#include <readline/history.h>
#include <readline/readline.h>
#include <unistd.h>

namespace ormsh::shell {
namespace {

// Readline's callbacks are plain functions: the reader in use is reached through these.
CompletionFn* g_completion = nullptr;
std::vector<std::string> g_matches;
std::string* g_line = nullptr;
bool g_line_done = false;
bool g_end_of_input = false;

// Blocks SIGINT for its lifetime; waiting_mask is the mask to wait with (SIGINT let in).
struct SigintBlockedOutsideWait {
    sigset_t previous, waiting_mask;
    SigintBlockedOutsideWait() {
        sigset_t sigint;
        sigemptyset(&sigint);
        sigaddset(&sigint, SIGINT);
        pthread_sigmask(SIG_BLOCK, &sigint, &previous);
        waiting_mask = previous;
        sigdelset(&waiting_mask, SIGINT);
    }
    ~SigintBlockedOutsideWait() { pthread_sigmask(SIG_SETMASK, &previous, nullptr); }
    SigintBlockedOutsideWait(const SigintBlockedOutsideWait&) = delete;
    SigintBlockedOutsideWait& operator=(const SigintBlockedOutsideWait&) = delete;
};

void on_line(char* text) {
    if (text) {
        *g_line = text;
        std::free(text);
    } else {
        g_end_of_input = true;
    }
    g_line_done = true;
    rl_callback_handler_remove();
}

char* next_match(const char*, int state) {
    static std::size_t index;
    if (state == 0) index = 0;
    if (index >= g_matches.size()) return nullptr;
    return strdup(g_matches[index++].c_str());
}

char** complete(const char*, int start, int end) {
    rl_attempted_completion_over = 1; // never fall back to file names
    if (!g_completion) return nullptr;
    g_matches = (*g_completion)(std::string(rl_line_buffer), static_cast<std::size_t>(start),
                                static_cast<std::size_t>(end));
    // Attributes and names are completed without a trailing space, like Python's REPL.
    rl_completion_append_character = '\0';
    if (g_matches.empty()) return nullptr;
    return rl_completion_matches("", next_match);
}

class ReadlineReader : public LineReader {
public:
    explicit ReadlineReader(const std::vector<std::string>& history) {
        rl_readline_name = "ormsh";
        rl_catch_signals = 0;
        rl_catch_sigwinch = 1;
        rl_attempted_completion_function = complete;
        // A dot stays inside the word so `User.qu` completes as one; quotes and brackets end
        // a word so `joinedload('po` completes the string.
        rl_completer_word_break_characters =
            const_cast<char*>(" \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?");
        rl_basic_quote_characters = const_cast<char*>("");
        using_history();
        for (const std::string& entry : history)
            add_history(entry.c_str());
    }

    ReadStatus read(const std::string& prompt, std::string& line) override {
        line.clear();
        g_line = &line;
        g_line_done = false;
        g_end_of_input = false;
        rl_callback_handler_install(prompt.c_str(), on_line);
        // SIGINT is let in only while waiting: one that arrived while readline handled a key
        // would find the wait after it with no input left (the terminal drops what was typed
        // with the Ctrl-C), and the shell would hang until the next key.
        SigintBlockedOutsideWait blocked;
        while (!g_line_done) {
            pollfd fd{STDIN_FILENO, POLLIN, 0};
            int ready = ::ppoll(&fd, 1, nullptr, &blocked.waiting_mask);
            if (take_sigint()) {
                // Abandon what was typed, as Python's REPL: "KeyboardInterrupt", new prompt.
                rl_free_line_state();
                rl_callback_sigcleanup();
                rl_cleanup_after_signal();
                rl_callback_handler_remove();
                std::fputs("\nKeyboardInterrupt\n", stdout);
                std::fflush(stdout);
                return ReadStatus::Interrupted;
            }
            if (ready < 0) {
                if (errno == EINTR) continue;
                rl_callback_handler_remove();
                return ReadStatus::EndOfInput;
            }
            rl_callback_read_char();
        }
        if (g_end_of_input) {
            std::fputs("\n", stdout);
            return ReadStatus::EndOfInput;
        }
        return ReadStatus::Line;
    }

    void remember(const std::string& entry) override {
        HIST_ENTRY* last =
            history_length > 0 ? history_get(history_base + history_length - 1) : nullptr;
        if (!last || entry != last->line) add_history(entry.c_str());
    }

    void set_completion(CompletionFn fn) override {
        completion_ = std::move(fn);
        g_completion = &completion_;
    }

    ~ReadlineReader() override {
        if (g_completion == &completion_) g_completion = nullptr;
    }

private:
    CompletionFn completion_;
};

} // namespace

std::unique_ptr<LineReader> make_readline_reader(const std::vector<std::string>& history) {
    return std::make_unique<ReadlineReader>(history);
}

} // namespace ormsh::shell
