// Command-line parsing: what runs, sys.argv, and usage errors.
#include "repl/shell/command_line.h"

#include <gtest/gtest.h>

namespace ormsh::shell {
namespace {

TEST(CommandLine, ScriptTakesTheRestAsArgv) {
    auto r = parse_command_line({"-q", "seed.py", "-q", "10"}, true);
    ASSERT_TRUE(r.command_line);
    EXPECT_EQ(r.command_line->source, CommandLine::Source::File);
    EXPECT_TRUE(r.command_line->quiet);
    EXPECT_EQ(r.command_line->script_argv, (std::vector<std::string>{"seed.py", "-q", "10"}));
}

TEST(CommandLine, CodeAndInteractiveAfter) {
    auto r = parse_command_line({"-i", "--db", "sqlite://", "-c", "x = 1", "a"}, true);
    ASSERT_TRUE(r.command_line);
    EXPECT_EQ(r.command_line->source, CommandLine::Source::Code);
    EXPECT_TRUE(r.command_line->interactive_after);
    EXPECT_EQ(*r.command_line->database_url, "sqlite://");
    EXPECT_EQ(r.command_line->script_argv, (std::vector<std::string>{"-c", "a"}));
}

TEST(CommandLine, NoScriptDependsOnTheTerminal) {
    EXPECT_EQ(parse_command_line({}, true).command_line->source, CommandLine::Source::Interactive);
    EXPECT_EQ(parse_command_line({}, false).command_line->source, CommandLine::Source::Stdin);
}

TEST(CommandLine, UsageErrors) {
    EXPECT_FALSE(parse_command_line({"-c"}, true).command_line);
    EXPECT_FALSE(parse_command_line({"--db"}, true).command_line);
    auto r = parse_command_line({"--frobnicate"}, true);
    EXPECT_FALSE(r.command_line);
    EXPECT_NE(r.error.find("--frobnicate"), std::string::npos);
}

} // namespace
} // namespace ormsh::shell
