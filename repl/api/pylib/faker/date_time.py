"""Date and time providers of faker. Bounds are dates, datetimes, timedeltas, seconds from
now (ints) or strings: 'now', 'today', or signed offsets such as '-30y', '+2w', '-1y6M',
'+3d12h' (y years of 365.25 days, M months of 30.42 days, w weeks, d days, h hours,
m minutes, s seconds)."""
import datetime as _dt

from faker import words
from faker.providers import BaseProvider

_EPOCH = _dt.datetime(1970, 1, 1)
_UNIT_SECONDS = {
    "y": 365.25 * 86400,
    "M": 30.42 * 86400,
    "w": 7 * 86400,
    "d": 86400,
    "h": 3600,
    "m": 60,
    "s": 1,
}


class ParseError(ValueError):
    pass


def _offset_seconds(text):
    """Seconds meant by an offset string such as '-30y' or '+1y2M'."""
    rest = text.strip()
    sign = 1
    if rest[:1] in ("+", "-"):
        sign = -1 if rest[0] == "-" else 1
        rest = rest[1:]
    if not rest:
        raise ParseError("Can't parse date string `%s`" % text)
    total = 0.0
    number = ""
    for ch in rest:
        if ch.isdigit():
            number += ch
        elif ch in _UNIT_SECONDS and number:
            total += int(number) * _UNIT_SECONDS[ch]
            number = ""
        else:
            raise ParseError("Can't parse date string `%s`" % text)
    if number:
        raise ParseError("Can't parse date string `%s`" % text)
    return sign * total


def _to_datetime(value, now):
    if isinstance(value, _dt.datetime):
        return value
    if isinstance(value, _dt.date):
        return _dt.datetime(value.year, value.month, value.day)
    if isinstance(value, _dt.timedelta):
        return now + value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return now + _dt.timedelta(seconds=value)
    if isinstance(value, str):
        if value in ("now", "today"):
            return now
        return now + _dt.timedelta(seconds=_offset_seconds(value))
    raise ParseError("Invalid format for date %r" % (value,))


def _to_date(value, today):
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str) and value in ("now", "today"):
        return today
    midnight = _dt.datetime(today.year, today.month, today.day)
    return _to_datetime(value, midnight).date()


def _years_before(day, years):
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)


class DateTimeProvider(BaseProvider):
    def _now(self, tzinfo=None):
        now = _dt.datetime.now()
        return now.replace(microsecond=0)

    def _between_datetimes(self, start, end, tzinfo=None):
        seconds = int((end - start).total_seconds())
        if seconds < 0:
            raise ValueError("empty range for date_time_between: start is after end")
        value = start + _dt.timedelta(seconds=self.random.randint(0, seconds))
        if tzinfo is not None:
            value = value.replace(tzinfo=tzinfo)
        return value

    def _between_dates(self, start, end):
        days = (end - start).days
        if days < 0:
            raise ValueError("empty range for date_between: start is after end")
        return start + _dt.timedelta(days=self.random.randint(0, days))

    def date_time_between(self, start_date="-30y", end_date="now", tzinfo=None):
        now = self._now()
        start = _to_datetime(start_date, now)
        end = _to_datetime(end_date, now)
        return self._between_datetimes(start.replace(tzinfo=None), end.replace(tzinfo=None),
                                       tzinfo)

    def date_between(self, start_date="-30y", end_date="today"):
        today = _dt.date.today()
        return self._between_dates(_to_date(start_date, today), _to_date(end_date, today))

    def date_time_between_dates(self, datetime_start=None, datetime_end=None, tzinfo=None):
        now = self._now()
        start = now if datetime_start is None else _to_datetime(datetime_start, now)
        end = now if datetime_end is None else _to_datetime(datetime_end, now)
        return self._between_datetimes(start, end, tzinfo)

    def date_between_dates(self, date_start=None, date_end=None):
        today = _dt.date.today()
        start = today if date_start is None else _to_date(date_start, today)
        end = today if date_end is None else _to_date(date_end, today)
        return self._between_dates(start, end)

    def date_time(self, tzinfo=None, end_datetime=None):
        now = self._now()
        end = now if end_datetime is None else _to_datetime(end_datetime, now)
        return self._between_datetimes(_EPOCH, end, tzinfo)

    def date_time_ad(self, tzinfo=None, end_datetime=None, start_datetime=None):
        now = self._now()
        start = _dt.datetime(1, 1, 1) if start_datetime is None else _to_datetime(
            start_datetime, now)
        end = now if end_datetime is None else _to_datetime(end_datetime, now)
        return self._between_datetimes(start, end, tzinfo)

    def date_object(self, end_datetime=None):
        return self.date_time(end_datetime=end_datetime).date()

    def time_object(self, end_datetime=None):
        return self.date_time(end_datetime=end_datetime).time()

    def date(self, pattern="%Y-%m-%d", end_datetime=None):
        return self.date_time(end_datetime=end_datetime).strftime(pattern)

    def time(self, pattern="%H:%M:%S", end_datetime=None):
        return self.date_time(end_datetime=end_datetime).strftime(pattern)

    def iso8601(self, tzinfo=None, end_datetime=None, sep="T", timespec="auto"):
        return self.date_time(tzinfo, end_datetime).isoformat(sep, timespec)

    def unix_time(self, end_datetime=None, start_datetime=None):
        now = self._now()
        start = _EPOCH if start_datetime is None else _to_datetime(start_datetime, now)
        end = now if end_datetime is None else _to_datetime(end_datetime, now)
        return (self._between_datetimes(start, end) - _EPOCH).total_seconds()

    def past_datetime(self, start_date="-30d", tzinfo=None):
        now = self._now()
        return self._between_datetimes(_to_datetime(start_date, now),
                                       now - _dt.timedelta(seconds=1), tzinfo)

    def future_datetime(self, end_date="+30d", tzinfo=None):
        now = self._now()
        return self._between_datetimes(now + _dt.timedelta(seconds=1),
                                       _to_datetime(end_date, now), tzinfo)

    def past_date(self, start_date="-30d", tzinfo=None):
        today = _dt.date.today()
        return self._between_dates(_to_date(start_date, today),
                                   today - _dt.timedelta(days=1))

    def future_date(self, end_date="+30d", tzinfo=None):
        today = _dt.date.today()
        return self._between_dates(today + _dt.timedelta(days=1), _to_date(end_date, today))

    def date_of_birth(self, tzinfo=None, minimum_age=0, maximum_age=115):
        if not isinstance(minimum_age, int):
            raise TypeError("minimum_age must be an integer.")
        if not isinstance(maximum_age, int):
            raise TypeError("maximum_age must be an integer.")
        if maximum_age < 0:
            raise ValueError("maximum_age must be greater than or equal to zero.")
        if minimum_age < 0:
            raise ValueError("minimum_age must be greater than or equal to zero.")
        if minimum_age > maximum_age:
            raise ValueError("minimum_age must be less than or equal to maximum_age.")
        today = _dt.date.today()
        # Born on or before the day that makes them minimum_age today, and after the day that
        # would make them maximum_age + 1.
        latest = _years_before(today, minimum_age)
        earliest = _years_before(today, maximum_age + 1) + _dt.timedelta(days=1)
        return self._between_dates(earliest, latest)

    def _this_period(self, start, end, before_today, after_today):
        today = _dt.date.today()
        if before_today and after_today:
            return self._between_dates(start, end)
        if before_today:
            return self._between_dates(start, today)
        if after_today:
            return self._between_dates(today, end)
        return today

    def date_this_year(self, before_today=True, after_today=False):
        today = _dt.date.today()
        return self._this_period(today.replace(month=1, day=1),
                                 today.replace(month=12, day=31), before_today, after_today)

    def date_this_month(self, before_today=True, after_today=False):
        today = _dt.date.today()
        first = today.replace(day=1)
        following = (first + _dt.timedelta(days=32)).replace(day=1)
        return self._this_period(first, following - _dt.timedelta(days=1), before_today,
                                 after_today)

    def date_this_decade(self, before_today=True, after_today=False):
        today = _dt.date.today()
        start = _dt.date(today.year - today.year % 10, 1, 1)
        return self._this_period(start, _dt.date(start.year + 9, 12, 31), before_today,
                                 after_today)

    def date_this_century(self, before_today=True, after_today=False):
        today = _dt.date.today()
        start = _dt.date(today.year - today.year % 100, 1, 1)
        return self._this_period(start, _dt.date(start.year + 99, 12, 31), before_today,
                                 after_today)

    def _datetime_of(self, day, tzinfo):
        value = _dt.datetime(day.year, day.month, day.day) + _dt.timedelta(
            seconds=self.random.randint(0, 86399))
        return value.replace(tzinfo=tzinfo) if tzinfo is not None else value

    def date_time_this_year(self, before_now=True, after_now=False, tzinfo=None):
        return self._datetime_of(self.date_this_year(before_now, after_now), tzinfo)

    def date_time_this_month(self, before_now=True, after_now=False, tzinfo=None):
        return self._datetime_of(self.date_this_month(before_now, after_now), tzinfo)

    def date_time_this_decade(self, before_now=True, after_now=False, tzinfo=None):
        return self._datetime_of(self.date_this_decade(before_now, after_now), tzinfo)

    def year(self):
        return str(self.date_time().year)

    def month(self):
        return "%02d" % self.date_time().month

    def month_name(self):
        return words.MONTH_NAMES[self.date_time().month - 1]

    def day_of_month(self):
        return "%02d" % self.date_time().day

    def day_of_week(self):
        return words.DAY_NAMES[self.date_time().weekday()]

    def am_pm(self):
        return "AM" if self.date_time().hour < 12 else "PM"

    def century(self):
        return self.random.choice(("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
                                   "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
                                   "XVIII", "XIX", "XX", "XXI"))

    def time_delta(self, end_datetime=None):
        now = self._now()
        end = now if end_datetime is None else _to_datetime(end_datetime, now)
        seconds = int((end - now).total_seconds())
        low, high = (seconds, 0) if seconds < 0 else (0, seconds)
        return _dt.timedelta(seconds=self.random.randint(low, high))
