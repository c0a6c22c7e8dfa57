// The history file: one entry per statement, multi-line blocks kept whole, consecutive
// duplicates skipped, mode 0600, and entries surviving a reload.
#include "repl/shell/history.h"

#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ormsh::shell {
namespace {

class HistoryTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("ormsh_history_test_" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir_);
        path_ = (dir_ / "history").string();
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    std::filesystem::path dir_;
    std::string path_;
};

TEST_F(HistoryTest, EntriesSurviveReloadWithBlocksWhole) {
    {
        History h(path_);
        h.load();
        EXPECT_TRUE(h.add("x = 1"));
        EXPECT_TRUE(h.add("class A:\n    s = 'a\\\\b'"));
        EXPECT_FALSE(h.add("class A:\n    s = 'a\\\\b'")); // repeat of the last entry
        EXPECT_FALSE(h.add("   "));
        EXPECT_TRUE(h.add("x = 1"));
    }
    History again(path_);
    again.load();
    ASSERT_EQ(again.entries().size(), 3u);
    EXPECT_EQ(again.entries()[0], "x = 1");
    EXPECT_EQ(again.entries()[1], "class A:\n    s = 'a\\\\b'");
    EXPECT_EQ(again.entries()[2], "x = 1");
}

TEST_F(HistoryTest, FileIsPrivate) {
    History h(path_);
    h.add("secret = 'pw'");
    struct stat st {};
    ASSERT_EQ(::stat(path_.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST_F(HistoryTest, EncodingRoundTrips) {
    for (const std::string s : {"a\nb", "back\\slash", "\\n literal", "end\\"})
        EXPECT_EQ(decode_history_entry(encode_history_entry(s)), s);
    EXPECT_EQ(encode_history_entry("a\nb").find('\n'), std::string::npos);
}

TEST(HistoryPath, EnvironmentOverrides) {
    ::setenv("ORMSH_HISTORY", "/tmp/somewhere/hist", 1);
    EXPECT_EQ(History::default_path(), "/tmp/somewhere/hist");
    ::unsetenv("ORMSH_HISTORY");
}

} // namespace
} // namespace ormsh::shell
