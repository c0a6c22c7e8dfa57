# datetime.datetime: construction, text forms, strptime / fromisoformat, timestamps in UTC,
# arithmetic, naive vs aware rules and hashing.
from datetime import datetime, date, time, timedelta, timezone

dt = datetime(2024, 1, 31, 13, 5, 9, 250)
print(repr(dt), str(dt))
print(repr(datetime(2024, 1, 31)), repr(datetime(2024, 1, 31, 13, 5)), repr(datetime(2024, 1, 31, 13, 5, 9)))
print(datetime(2024, 1, 31, 13, 5), datetime(2024, 1, 31, 0, 0, 0, 5))
print(dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second, dt.microsecond, dt.tzinfo, dt.fold)
print(datetime(year=2024, month=2, day=3, hour=4, minute=5, second=6, microsecond=7))
print(dt.isoformat(), dt.isoformat(" "), dt.isoformat(sep="_", timespec="seconds"))
for spec in ["hours", "minutes", "seconds", "milliseconds", "microseconds", "auto"]:
    print(spec, dt.isoformat(timespec=spec), datetime(2024, 1, 31, 13, 5).isoformat(timespec=spec))
try:
    dt.isoformat(timespec="days")
except ValueError as e:
    print("ValueError:", e)
print(repr(dt.date()), repr(dt.time()), repr(dt.timetz()))
print(dt.weekday(), dt.isoweekday(), dt.toordinal(), tuple(dt.isocalendar()))
print(dt.replace(hour=0, microsecond=0), dt.replace(year=2020, day=29, month=2))
print(dt.ctime(), datetime(2024, 1, 5, 3, 4, 5).ctime())
print(dt.strftime("%Y-%m-%d %H:%M:%S.%f %p %I %j %a %b %c|%x|%X|%y %Z|%z|%%"))
print(datetime(2024, 1, 31, 0, 30).strftime("%I:%M %p"), datetime(2024, 1, 31, 12, 30).strftime("%I:%M %p"))
print(dt.__format__("%Y/%m/%d %H.%M"), dt.__format__(""), f"{dt!s}", f"{dt!r}")
print(repr(datetime.combine(date(2024, 1, 31), time(8, 30))))
print(repr(datetime.combine(date(2024, 1, 31), time(8, 30), tzinfo=timezone.utc)))
print(repr(datetime.min), repr(datetime.max), repr(datetime.resolution))
print(repr(datetime.fromordinal(738916)), repr(datetime.fromisocalendar(2024, 5, 3)))

# Parsing.
print(repr(datetime.strptime("2024-01-31 13:05:09", "%Y-%m-%d %H:%M:%S")))
print(repr(datetime.strptime("31/Jan/2024:08:15:00 PM", "%d/%b/%Y:%I:%M:%S %p")))
print(repr(datetime.strptime("Wednesday, March 06 2024", "%A, %B %d %Y")))
print(repr(datetime.strptime("12:00:00.5", "%H:%M:%S.%f")), repr(datetime.strptime("1212", "%d%m")))
print(repr(datetime.strptime("24 060", "%y %j")), repr(datetime.strptime("99", "%y")))
print(repr(datetime.strptime("2024-01-31T10:00:00+0530", "%Y-%m-%dT%H:%M:%S%z")))
print(repr(datetime.strptime("2024-01-31 10:00 Z", "%Y-%m-%d %H:%M %z")))
print(repr(datetime.strptime("2024-01-31 10:00 -03:30", "%Y-%m-%d %H:%M %z")))
print(repr(datetime.strptime("2024   1", "%Y %m")), repr(datetime.strptime("jan 5 2024", "%b %d %Y")))
for text, fmt in [("2024", "%Y %m"), ("2024-01-31x", "%Y-%m-%d"), ("x", "%Q"), ("x", "%"), ("2023-02-29", "%Y-%m-%d"), ("13 PM", "%I %p")]:
    try:
        print(datetime.strptime(text, fmt))
    except ValueError as e:
        print("ValueError:", e)
for s in ["2024-01-31T13:05", "2024-01-31 13", "2024-01-31T13:05:09.25", "2024-01-31T13:05:09.1234567",
          "2024-01-31T130509", "2024-01-31T13:05:09Z", "2024-01-31T13:05:09+0530", "2024-01-31T13:05:09-05:00:30",
          "20240131T1305", "2024-01-31", "2024-01-31T13:05:09,5", "2024-W05-3T10:00", "2024-01-31x10:00",
          "2024-01-31T", "2024-01-31T24:00", "2024-01-31T1:00", "nonsense"]:
    try:
        print(s, repr(datetime.fromisoformat(s)))
    except ValueError as e:
        print(s, "ValueError:", e)

# Timestamps (UTC only: the local zone of the machine must not matter).
ts = datetime(2024, 1, 31, 13, 5, 9, 250, tzinfo=timezone.utc).timestamp()
print(ts, repr(datetime.fromtimestamp(ts, tz=timezone.utc)), repr(datetime.fromtimestamp(0, timezone.utc)))
print(repr(datetime.utcfromtimestamp(1700000000)), repr(datetime.utcfromtimestamp(1700000000.5)))
print(repr(datetime.fromtimestamp(1.0000005, timezone.utc)), repr(datetime.fromtimestamp(-1.5, timezone.utc)))
print(datetime(1970, 1, 1, tzinfo=timezone(timedelta(hours=1))).timestamp())

# Arithmetic.
print(repr(dt + timedelta(days=1, hours=12)), repr(dt - timedelta(microseconds=251)))
print(repr(timedelta(minutes=5) + dt))
print(repr(datetime(2024, 3, 1) - datetime(2024, 2, 28, 12)), datetime(2024, 1, 1) - datetime(2024, 1, 2, 0, 0, 1))
a = datetime(2024, 1, 1, 12, tzinfo=timezone.utc)
b = datetime(2024, 1, 1, 14, tzinfo=timezone(timedelta(hours=2)))
print(a == b, a - b, b - a, hash(a) == hash(b), a < b, a <= b)
print(repr(b.astimezone(timezone.utc)), repr(a.astimezone(timezone(timedelta(hours=-5), "EST"))))
print(b.utcoffset(), a.utcoffset(), dt.utcoffset(), a.tzname(), b.tzname(), dt.tzname(), a.dst())
print(b.isoformat(), str(b), b.strftime("%z %Z"))
try:
    datetime(9999, 12, 31, 23) + timedelta(hours=1)
except OverflowError as e:
    print("OverflowError:", e)
try:
    a - datetime(2024, 1, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    a < datetime(2024, 1, 1)
except TypeError as e:
    print("TypeError:", e)
print(a == datetime(2024, 1, 1, 12), a != datetime(2024, 1, 1, 12))
try:
    dt < date(2024, 1, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    date(2024, 1, 1) < dt
except TypeError as e:
    print("TypeError:", e)
print(dt == date(2024, 1, 31), date(2024, 1, 31) == datetime(2024, 1, 31), dt != date(2024, 1, 31))
try:
    dt - date(2024, 1, 1)
except TypeError as e:
    print("TypeError:", e)
print(isinstance(dt, date), isinstance(dt, datetime), issubclass(datetime, date))
events = {datetime(2024, 1, 1, 9): "standup", datetime(2024, 1, 1, 17): "retro"}
print(events[datetime(2024, 1, 1, 9)], sorted(events, reverse=True))

for args in [(2024, 1, 1, 24), (2024, 1, 1, 0, 60), (2024, 1, 1, 0, 0, 60), (2024, 1, 1, 0, 0, 0, 1000000)]:
    try:
        datetime(*args)
    except ValueError as e:
        print("ValueError:", e)
try:
    datetime(2024, 1, 1, tzinfo=1)
except TypeError as e:
    print("TypeError:", e)
try:
    datetime(2024, 1, 1, fold=2)
except ValueError as e:
    print("ValueError:", e)
