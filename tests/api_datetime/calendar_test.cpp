// Unit tests of the proleptic Gregorian helpers behind date/datetime: ordinals round-trip over
// the whole 1..9999 range and agree with known values (checked against CPython).
#include "repl/api/datetime/calendar.h"

#include <gtest/gtest.h>

namespace cal = ormsh::api::cal;

TEST(Calendar, KnownOrdinals) {
    EXPECT_EQ(cal::ymd_to_ord(1, 1, 1), 1);
    EXPECT_EQ(cal::ymd_to_ord(1970, 1, 1), 719163);
    EXPECT_EQ(cal::ymd_to_ord(2024, 1, 31), 738916);
    EXPECT_EQ(cal::ymd_to_ord(9999, 12, 31), cal::kMaxOrdinal);
}

TEST(Calendar, OrdinalRoundTrip) {
    for (int64_t ord = 1; ord <= cal::kMaxOrdinal; ord += 1) {
        int y, m, d;
        cal::ord_to_ymd(ord, y, m, d);
        ASSERT_EQ(cal::ymd_to_ord(y, m, d), ord) << y << "-" << m << "-" << d;
        ASSERT_GE(d, 1);
        ASSERT_LE(d, cal::days_in_month(y, m));
    }
}

TEST(Calendar, WeekdaysAndIsoWeeks) {
    EXPECT_EQ(cal::weekday(2024, 1, 31), 2); // Wednesday
    int y, w, d;
    cal::iso_calendar(2024, 1, 31, y, w, d);
    EXPECT_EQ(y, 2024);
    EXPECT_EQ(w, 5);
    EXPECT_EQ(d, 3);
    cal::iso_calendar(2021, 1, 1, y, w, d); // belongs to 2020's week 53
    EXPECT_EQ(y, 2020);
    EXPECT_EQ(w, 53);
    EXPECT_EQ(d, 5);
    cal::iso_calendar(2024, 12, 30, y, w, d); // already 2025's week 1
    EXPECT_EQ(y, 2025);
    EXPECT_EQ(w, 1);
    EXPECT_EQ(d, 1);
}
