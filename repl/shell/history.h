// The interactive history file: one entry per statement (a multi-line block is one entry),
// consecutive duplicates skipped, appended after every statement so a crash loses nothing, and
// created readable by its owner only (statements can hold passwords and data).
#pragma once

#include <string>
#include <vector>

namespace ormsh::shell {

class History {
public:
    // Uses $ORMSH_HISTORY when set, else ~/.ormsh_history; an empty path disables the file.
    static std::string default_path();

    explicit History(std::string path);
    const std::string& path() const { return path_; }
    const std::vector<std::string>& entries() const { return entries_; }

    // Reads the file (missing is fine) and keeps its last kMaxEntries entries.
    void load();
    // Records a statement; returns false when it was skipped (blank or a repeat of the last).
    bool add(const std::string& entry);

    static constexpr std::size_t kMaxEntries = 10000;

private:
    void append_to_file(const std::string& entry) const;
    void rewrite_file() const;
    std::string path_;
    std::vector<std::string> entries_;
};

// An entry in the file's one-line form: backslashes and newlines escaped.
std::string encode_history_entry(const std::string& entry);
std::string decode_history_entry(const std::string& line);

} // namespace ormsh::shell
