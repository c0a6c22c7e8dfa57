// Where the interactive shell's lines come from: GNU readline when standard input is a
// terminal (editing, history, completion), a plain stream otherwise (pipes, `ormsh -i` fed by
// a test). The shell only sees this interface.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace ormsh::shell {

enum class ReadStatus {
    Line,        // `line` holds what was typed (may hold several lines when a block was pasted)
    Interrupted, // Ctrl-C while typing: abandon the line or block
    EndOfInput,  // Ctrl-D on an empty line, or the stream ended
};

// Gives the words that could replace the one being typed: `line` is the whole line buffer and
// [start, end) the word under the cursor.
using CompletionFn = std::function<std::vector<std::string>(const std::string& line,
                                                            std::size_t start, std::size_t end)>;

class LineReader {
public:
    virtual ~LineReader() = default;
    virtual ReadStatus read(const std::string& prompt, std::string& line) = 0;
    // Adds one statement (possibly several lines) to the in-memory history for Ctrl-R / Up.
    virtual void remember(const std::string& entry) { (void)entry; }
    virtual void set_completion(CompletionFn fn) { (void)fn; }
};

// A readline reader; `history` holds the entries loaded from the history file.
std::unique_ptr<LineReader> make_readline_reader(const std::vector<std::string>& history);
// Reads lines from standard input with no editing and no prompt echo beyond `prompt`.
std::unique_ptr<LineReader> make_stream_reader(bool show_prompts);

} // namespace ormsh::shell
