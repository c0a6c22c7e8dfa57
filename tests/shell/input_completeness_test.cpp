// input_status(): the "run it or ask for another line" decision of the interactive prompt,
// table-tested against what Python's REPL does with the same input.
#include "repl/shell/input_completeness.h"

#include <gtest/gtest.h>

namespace ormsh::shell {
namespace {

struct Case {
    const char* text;
    InputStatus expected;
};

constexpr InputStatus C = InputStatus::Complete;
constexpr InputStatus I = InputStatus::Incomplete;
constexpr InputStatus E = InputStatus::Empty;

const Case kCases[] = {
    {"", E},
    {"   ", E},
    {"# just a comment", E},
    {"x = 1", C},
    {"print('a')", C},
    {"User.query.all()", C},
    // Brackets
    {"f(1,", I},
    {"f(1,\n2)", C},
    {"[1, 2,\n 3", I},
    {"{'a': 1,\n 'b': 2}", C},
    {"x = (1 +  # comment (\n2)", C},
    {"f(')')", C},
    {"f('(')", C},
    // Strings
    {"s = '''abc", I},
    {"s = '''abc\ndef'''", C},
    {"s = \"\"\"a\n\"\"\"", C},
    {"s = 'it''s'", C},
    {"s = 'unterminated", C}, // a syntax error, reported when it runs
    {"s = 'a\\'b'", C},
    {"s = '#not a comment'", C},
    // Backslash continuation
    {"x = 1 + \\", I},
    {"x = 1 + \\\n2", C},
    // Blocks wait for a blank line
    {"class User(db.Model):", I},
    {"class User(db.Model):\n    id = db.Column(db.Integer, primary_key=True)", I},
    {"class User(db.Model):\n    id = db.Column(db.Integer, primary_key=True)\n", C},
    {"for i in range(3):\n    print(i)\n   ", C},
    {"if x: y = 1", I},
    {"if x: y = 1\n", C},
    {"def f():\n    return (1,\n", I},
    {"def f():\n    return (1,\n2)\n", C},
    {"@property", I},
    {"@property\ndef f(self): return 1\n", C},
    {"try:\n    x()\nexcept Exception:\n    pass", I},
    {"try:\n    x()\nexcept Exception:\n    pass\n", C},
    {"with db.session.no_autoflush:", I},
    {"while True:  # forever", I},
    // Not blocks
    {"f = lambda x: x", C},
    {"d = {1: 2}", C},
    {"y = a if b else c", C},
    {"x[1:2]", C},
    {"classes = 1", C},
    {"format_ = 'iffy'", C},
};

TEST(InputCompleteness, Table) {
    for (const Case& c : kCases)
        EXPECT_EQ(input_status(c.text), c.expected) << "input: " << c.text;
}

} // namespace
} // namespace ormsh::shell
