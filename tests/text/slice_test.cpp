// Slice index normalisation against slice(start, stop, step).indices(length) from CPython.
#include "repl/lang/text/slice.h"
#include "tests/text/text_cases.h"

#include <gtest/gtest.h>

namespace {
#include "tests/text/cases_slice.inc"
} // namespace

using namespace ormsh::lang::text;

TEST(Slice, MatchesCPython) {
    for (const auto& c : kSlice) {
        SliceIndices r = adjust_slice(c.length, c.start, c.stop, c.step);
        SCOPED_TRACE(testing::Message()
                     << "len=" << c.length << " start=" << c.start.value_or(-999)
                     << " stop=" << c.stop.value_or(-999) << " step=" << c.step.value_or(-999));
        EXPECT_EQ(r.start, c.r_start);
        EXPECT_EQ(r.stop, c.r_stop);
        EXPECT_EQ(r.step, c.r_step);
        EXPECT_EQ(r.length, c.r_length);
    }
}

TEST(Slice, Errors) {
    EXPECT_THROW(adjust_slice(5, 0, 5, 0), FormatError);
    EXPECT_EQ(adjust_index(5, -1), 4);
    EXPECT_EQ(adjust_index(5, 5), std::nullopt);
    EXPECT_EQ(adjust_index(5, -6), std::nullopt);
    SliceIndices r = adjust_slice(10, std::nullopt, std::nullopt, INT64_MIN);
    EXPECT_EQ(r.length, 1);
}
