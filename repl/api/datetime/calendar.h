// Proleptic Gregorian calendar arithmetic shared by date, datetime and the format code:
// ordinals (0001-01-01 is day 1, as date.toordinal()), weekdays and ISO weeks. Pure C++, no
// language objects, so it is trivially testable and reusable.
#pragma once

#include <cstdint>

namespace ormsh::api::cal {

inline constexpr int kMinYear = 1;
inline constexpr int kMaxYear = 9999;
inline constexpr int64_t kMaxOrdinal = 3652059; // date(9999, 12, 31).toordinal()
inline constexpr int64_t kUsPerSecond = 1000000;
inline constexpr int64_t kSecondsPerDay = 86400;
inline constexpr int64_t kUsPerDay = kSecondsPerDay * kUsPerSecond;

bool is_leap(int year);
int days_in_month(int year, int month);
int days_before_year(int year); // days before January 1st of `year`
int days_before_month(int year, int month);
int64_t ymd_to_ord(int year, int month, int day);
void ord_to_ymd(int64_t ord, int& year, int& month, int& day);
int weekday(int year, int month, int day); // Monday == 0
// ISO calendar: (iso year, week 1..53, weekday 1..7).
void iso_calendar(int year, int month, int day, int& iso_year, int& week, int& iso_weekday);
// Ordinal of the Monday starting ISO week 1 of `iso_year`.
int64_t iso_week1_monday(int iso_year);

} // namespace ormsh::api::cal
