// Proleptic Gregorian calendar arithmetic (see calendar.h). The formulas are the classic
// 400-year-cycle ones, exact for years 1..9999 and beyond.
#include "repl/api/datetime/calendar.h"

namespace ormsh::api::cal {

namespace {
constexpr int kDaysBeforeMonth[13] = {0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
constexpr int kDaysInMonth[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
constexpr int kDaysIn400Years = 146097;
constexpr int kDaysIn100Years = 36524;
constexpr int kDaysIn4Years = 1461;
} // namespace

bool is_leap(int year) {
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

int days_in_month(int year, int month) {
    if (month == 2 && is_leap(year)) return 29;
    return kDaysInMonth[month];
}

int days_before_year(int year) {
    int y = year - 1;
    return y * 365 + y / 4 - y / 100 + y / 400;
}

int days_before_month(int year, int month) {
    return kDaysBeforeMonth[month] + (month > 2 && is_leap(year) ? 1 : 0);
}

int64_t ymd_to_ord(int year, int month, int day) {
    return days_before_year(year) + days_before_month(year, month) + day;
}

void ord_to_ymd(int64_t ord, int& year, int& month, int& day) {
    int64_t n = ord - 1;
    int64_t n400 = n / kDaysIn400Years;
    n %= kDaysIn400Years;
    int64_t n100 = n / kDaysIn100Years;
    n %= kDaysIn100Years;
    int64_t n4 = n / kDaysIn4Years;
    n %= kDaysIn4Years;
    int64_t n1 = n / 365;
    n %= 365;
    year = static_cast<int>(n400 * 400 + n100 * 100 + n4 * 4 + n1 + 1);
    if (n1 == 4 || n100 == 4) { // the last day of a leap cycle
        year -= 1;
        month = 12;
        day = 31;
        return;
    }
    bool leap = n1 == 3 && (n4 != 24 || n100 == 3);
    month = static_cast<int>((n + 50) >> 5);
    int before = kDaysBeforeMonth[month] + (month > 2 && leap ? 1 : 0);
    if (before > n) {
        month -= 1;
        before = kDaysBeforeMonth[month] + (month > 2 && leap ? 1 : 0);
    }
    day = static_cast<int>(n - before + 1);
}

int weekday(int year, int month, int day) {
    return static_cast<int>((ymd_to_ord(year, month, day) + 6) % 7);
}

int64_t iso_week1_monday(int iso_year) {
    int64_t first = ymd_to_ord(iso_year, 1, 1);
    int64_t first_weekday = (first + 6) % 7;
    int64_t monday = first - first_weekday;
    if (first_weekday > 3) monday += 7; // Jan 1st is Fri..Sun: week 1 starts the next Monday
    return monday;
}

void iso_calendar(int year, int month, int day, int& iso_year, int& week, int& iso_weekday) {
    iso_year = year;
    int64_t ord = ymd_to_ord(year, month, day);
    int64_t monday = iso_week1_monday(iso_year);
    int64_t diff = ord - monday;
    if (diff < 0) {
        iso_year -= 1;
        monday = iso_week1_monday(iso_year);
        diff = ord - monday;
    } else if (diff >= 52 * 7 && ord >= iso_week1_monday(iso_year + 1)) {
        iso_year += 1;
        diff = ord - iso_week1_monday(iso_year);
    }
    week = static_cast<int>(diff / 7 + 1);
    iso_weekday = static_cast<int>(diff % 7 + 1);
}

} // namespace ormsh::api::cal
