// History file handling. Entries are stored one per line with '\n' and '\\' escaped, so a
// block typed over several lines comes back as one entry. The file is opened with O_APPEND
// and mode 0600 for every statement: slower than batching, but nothing is lost on a crash.
#include "repl/shell/history.h"

#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace ormsh::shell {
namespace {

constexpr mode_t kHistoryFileMode = 0600;

bool write_all(int fd, const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

} // namespace

std::string encode_history_entry(const std::string& entry) {
    std::string out;
    for (char c : entry) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

std::string decode_history_entry(const std::string& line) {
    std::string out;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\' && i + 1 < line.size()) {
            char next = line[++i];
            out += next == 'n' ? '\n' : next;
        } else {
            out += line[i];
        }
    }
    return out;
}

std::string History::default_path() {
    if (const char* env = std::getenv("ORMSH_HISTORY")) return env;
    const char* home = std::getenv("HOME");
    if (!home || !*home) return "";
    return std::string(home) + "/.ormsh_history";
}

History::History(std::string path) : path_(std::move(path)) {}

void History::load() {
    entries_.clear();
    if (path_.empty()) return;
    std::ifstream in(path_);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty()) entries_.push_back(decode_history_entry(line));
    if (entries_.size() > kMaxEntries) {
        entries_.erase(entries_.begin(), entries_.end() - static_cast<std::ptrdiff_t>(kMaxEntries));
        rewrite_file();
    }
}

bool History::add(const std::string& entry) {
    if (entry.find_first_not_of(" \t\n") == std::string::npos) return false;
    if (!entries_.empty() && entries_.back() == entry) return false;
    entries_.push_back(entry);
    append_to_file(entry);
    return true;
}

void History::append_to_file(const std::string& entry) const {
    if (path_.empty()) return;
    int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, kHistoryFileMode);
    if (fd < 0) return; // an unwritable history must not stop the shell
    ::fchmod(fd, kHistoryFileMode);
    write_all(fd, encode_history_entry(entry) + "\n");
    ::close(fd);
}

void History::rewrite_file() const {
    if (path_.empty()) return;
    std::string tmp = path_ + ".tmp";
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, kHistoryFileMode);
    if (fd < 0) return;
    ::fchmod(fd, kHistoryFileMode);
    bool ok = true;
    for (const std::string& e : entries_)
        ok = ok && write_all(fd, encode_history_entry(e) + "\n");
    ::close(fd);
    if (ok)
        std::rename(tmp.c_str(), path_.c_str());
    else
        ::unlink(tmp.c_str());
}

} // namespace ormsh::shell
