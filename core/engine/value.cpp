// ISO 8601 text forms of the date and time values: what SQLite stores, what PostgreSQL
// prints and accepts. Parsing is lenient in the ways the databases are (a 'T' separator, any
// fraction length, a trailing time zone offset that a naive value cannot hold).
#include "core/engine/value.h"

#include <cctype>
#include <fmt/format.h>

namespace ormsh::engine {

std::string to_iso(const Date& d) {
    return fmt::format("{:04d}-{:02d}-{:02d}", d.year, d.month, d.day);
}

std::string to_iso(const Time& t) {
    if (t.microsecond == 0) return fmt::format("{:02d}:{:02d}:{:02d}", t.hour, t.minute, t.second);
    return fmt::format("{:02d}:{:02d}:{:02d}.{:06d}", t.hour, t.minute, t.second, t.microsecond);
}

std::string to_iso(const DateTime& dt) {
    return to_iso(dt.date) + " " + to_iso(dt.time);
}

std::string to_iso_micro(const Time& t) {
    return fmt::format("{:02d}:{:02d}:{:02d}.{:06d}", t.hour, t.minute, t.second, t.microsecond);
}

std::string to_iso_micro(const DateTime& dt) {
    return to_iso(dt.date) + " " + to_iso_micro(dt.time);
}

namespace {

// Reads exactly `width` digits at `pos`, advancing it.
bool read_digits(std::string_view s, std::size_t& pos, int width, int& out) {
    if (pos + width > s.size()) return false;
    int v = 0;
    for (int i = 0; i < width; ++i) {
        char c = s[pos + i];
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    pos += width;
    return true;
}

bool parse_date_at(std::string_view s, std::size_t& pos, Date& out) {
    Date d;
    if (!read_digits(s, pos, 4, d.year) || pos >= s.size() || s[pos++] != '-') return false;
    if (!read_digits(s, pos, 2, d.month) || pos >= s.size() || s[pos++] != '-') return false;
    if (!read_digits(s, pos, 2, d.day)) return false;
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return false;
    out = d;
    return true;
}

bool parse_time_at(std::string_view s, std::size_t& pos, Time& out) {
    Time t;
    if (!read_digits(s, pos, 2, t.hour) || pos >= s.size() || s[pos++] != ':') return false;
    if (!read_digits(s, pos, 2, t.minute)) return false;
    if (pos < s.size() && s[pos] == ':') {
        ++pos;
        if (!read_digits(s, pos, 2, t.second)) return false;
        if (pos < s.size() && s[pos] == '.') {
            ++pos;
            int micro = 0, digits = 0;
            while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) {
                if (digits < 6) {
                    micro = micro * 10 + (s[pos] - '0');
                    ++digits;
                }
                ++pos;
            }
            if (digits == 0) return false;
            for (; digits < 6; ++digits)
                micro *= 10;
            t.microsecond = micro;
        }
    }
    if (t.hour > 24 || t.minute > 59 || t.second > 60) return false;
    out = t;
    return true;
}

// Accepts the end of input or a time zone suffix ("Z", "+00", "-05:30"), which naive values
// drop.
bool at_end_or_zone(std::string_view s, std::size_t pos) {
    if (pos == s.size()) return true;
    if (s[pos] == 'Z' && pos + 1 == s.size()) return true;
    if (s[pos] != '+' && s[pos] != '-') return false;
    for (++pos; pos < s.size(); ++pos)
        if (!std::isdigit(static_cast<unsigned char>(s[pos])) && s[pos] != ':') return false;
    return true;
}

} // namespace

bool parse_iso(std::string_view text, Date& out) {
    std::size_t pos = 0;
    Date d;
    if (!parse_date_at(text, pos, d)) return false;
    // A datetime string read as a date keeps the date part, as SQLite's date() does.
    if (pos != text.size() && text[pos] != ' ' && text[pos] != 'T') return false;
    out = d;
    return true;
}

bool parse_iso(std::string_view text, Time& out) {
    std::size_t pos = 0;
    Time t;
    if (!parse_time_at(text, pos, t) || !at_end_or_zone(text, pos)) return false;
    out = t;
    return true;
}

bool parse_iso(std::string_view text, DateTime& out) {
    std::size_t pos = 0;
    DateTime dt;
    if (!parse_date_at(text, pos, dt.date)) return false;
    if (pos == text.size()) {
        out = dt;
        return true;
    }
    if (text[pos] != ' ' && text[pos] != 'T') return false;
    ++pos;
    if (!parse_time_at(text, pos, dt.time) || !at_end_or_zone(text, pos)) return false;
    out = dt;
    return true;
}

} // namespace ormsh::engine
