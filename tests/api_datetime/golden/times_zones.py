# datetime.time, datetime.timezone and user tzinfo subclasses.
from datetime import time, timezone, timedelta, tzinfo, datetime, date
import datetime as dtmod

t = time(13, 5, 9, 250)
print(repr(t), str(t), t.isoformat(), t.isoformat("minutes"), t.isoformat(timespec="milliseconds"))
print(repr(time()), repr(time(1)), repr(time(1, 2)), repr(time(1, 2, 3)), time(23, 59, 59))
print(t.hour, t.minute, t.second, t.microsecond, t.tzinfo, t.fold)
print(repr(time(hour=8, tzinfo=timezone.utc)), str(time(8, 30, tzinfo=timezone(timedelta(hours=-3)))))
print(t.strftime("%H:%M:%S.%f %I %p %Y-%m-%d"), t.__format__("%H.%M"), t.__format__(""))
print(repr(t.replace(hour=1)), repr(t.replace(microsecond=0, tzinfo=timezone.utc)))
print(repr(time.fromisoformat("13:05")), repr(time.fromisoformat("1305")), repr(time.fromisoformat("13:05:09.5")))
print(repr(time.fromisoformat("13:05:09+01:00")), repr(time.fromisoformat("T13")))
print(repr(time.min), repr(time.max), repr(time.resolution))
print(time(1) < time(2), time(1) == time(1, 0), time(1, tzinfo=timezone.utc) == time(2, tzinfo=timezone(timedelta(hours=1))))
print(time(1) == time(1, tzinfo=timezone.utc), bool(time(0)), hash(time(5)) == hash(time(5, 0, 0)))
print(time(12, tzinfo=timezone.utc).utcoffset(), time(12).utcoffset(), time(12, tzinfo=timezone.utc).tzname())
try:
    time(1) < time(1, tzinfo=timezone.utc)
except TypeError as e:
    print("TypeError:", e)
for args in [(24,), (1, 60), (1, 1, 60), (1, 1, 1, 1000000), (-1,)]:
    try:
        time(*args)
    except ValueError as e:
        print("ValueError:", e)
try:
    time.fromisoformat("13:5")
except ValueError as e:
    print("ValueError:", e)

# timezone
utc = timezone.utc
print(repr(utc), str(utc), utc is dtmod.UTC, timezone(timedelta(0)) is utc, repr(timezone(timedelta(0), "Z")))
cet = timezone(timedelta(hours=1), "CET")
ist = timezone(timedelta(hours=5, minutes=30))
neg = timezone(-timedelta(hours=3, minutes=30, seconds=15))
for z in [cet, ist, neg, timezone.min, timezone.max]:
    print(repr(z), str(z), z.utcoffset(None), z.tzname(None), z.dst(None))
print(cet == timezone(timedelta(hours=1)), cet != ist, len({cet, timezone(timedelta(hours=1))}))
print(repr(ist.fromutc(datetime(2024, 1, 1, 12, tzinfo=ist))))
for bad in [timedelta(hours=24), timedelta(hours=-24)]:
    try:
        timezone(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    timezone(3600)
except TypeError as e:
    print("TypeError:", e)
print(isinstance(utc, tzinfo), issubclass(timezone, tzinfo))


class Fixed(tzinfo):
    def __init__(self, hours, name):
        self.offset = timedelta(hours=hours)
        self.name = name

    def utcoffset(self, dt):
        return self.offset

    def tzname(self, dt):
        return self.name

    def dst(self, dt):
        return timedelta(0)

    def __repr__(self):
        return "Fixed(%s)" % self.name


tz = Fixed(-5, "EST")
d = datetime(2024, 1, 31, 9, 0, tzinfo=tz)
print(repr(d), d, d.isoformat(), d.utcoffset(), d.tzname(), d.dst(), d.strftime("%H:%M %Z %z"))
print(d == datetime(2024, 1, 31, 14, 0, tzinfo=utc), d - datetime(2024, 1, 31, 9, 0, tzinfo=utc))
print(repr(d.astimezone(utc)), repr(datetime(2024, 1, 31, 14, tzinfo=utc).astimezone(cet)))
try:
    datetime(2024, 1, 1, tzinfo=tzinfo()).utcoffset()
except NotImplementedError as e:
    print("NotImplementedError:", e)
