// The line reader for a standard input that is not a terminal (`ormsh -i FILE < input`):
// plain reads, prompts on stderr as Python writes them, no escape codes.
#include "repl/shell/interrupts.h"
#include "repl/shell/line_reader.h"

#include <cerrno>
#include <cstdio>

namespace ormsh::shell {
namespace {

class StreamReader : public LineReader {
public:
    explicit StreamReader(bool show_prompts) : show_prompts_(show_prompts) {}

    ReadStatus read(const std::string& prompt, std::string& line) override {
        // Python writes its prompts to stderr when standard input is not a terminal.
        if (show_prompts_) {
            std::fputs(prompt.c_str(), stderr);
            std::fflush(stderr);
        }
        line.clear();
        for (;;) {
            int c = std::fgetc(stdin);
            if (c == EOF) {
                if (take_sigint()) {
                    std::clearerr(stdin);
                    return ReadStatus::Interrupted;
                }
                if (std::ferror(stdin) && errno == EINTR) {
                    std::clearerr(stdin);
                    continue;
                }
                return line.empty() ? ReadStatus::EndOfInput : ReadStatus::Line;
            }
            if (c == '\n') return ReadStatus::Line;
            line += static_cast<char>(c);
        }
    }

private:
    bool show_prompts_;
};

} // namespace

std::unique_ptr<LineReader> make_stream_reader(bool show_prompts) {
    return std::make_unique<StreamReader>(show_prompts);
}

} // namespace ormsh::shell
