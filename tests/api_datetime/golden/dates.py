# datetime.date: construction, validation messages, text forms, calendar methods, arithmetic,
# comparisons and hashing.
import datetime
from datetime import date, timedelta, MINYEAR, MAXYEAR

d = date(2024, 1, 31)
print(repr(d), str(d), d.isoformat())
print(d.year, d.month, d.day, MINYEAR, MAXYEAR)
print(date(year=2020, month=2, day=29), date(1999, day=5, month=12))
print(repr(date.min), repr(date.max), repr(date.resolution))
print(d.weekday(), d.isoweekday(), d.toordinal())
print(tuple(d.isocalendar()), d.isocalendar().week, d.isocalendar()[0])
print(repr(date.fromordinal(738916)), repr(date.fromordinal(1)))
print(repr(date.fromisoformat("2024-02-29")), date.fromisoformat("20240131"), date.fromisoformat("2024-W05-3"))
print(repr(date.fromisocalendar(2020, 53, 5)))
print(d.replace(day=1), d.replace(year=2023, month=12))
print(d.ctime())
print(d.strftime("%Y-%m-%d %A %a %B %b %j %U %W %w %y %%"), d.strftime("%d/%m/%Y"))
print(d.__format__("%d.%m.%Y"), d.__format__(""), d.__format__("%B %d, %Y"))
print(date(5, 3, 4).isoformat(), date(5, 3, 4).strftime("%Y|%y|%G"))

for args in [(0, 1, 1), (10000, 1, 1), (2024, 13, 1), (2024, 0, 1), (2023, 2, 29), (2024, 4, 31)]:
    try:
        date(*args)
    except ValueError as e:
        print("ValueError:", e)
for bad in ["2024-1-1", "2024/01/31", "", "2024-01-32"]:
    try:
        date.fromisoformat(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    date(2024.0, 1, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    date.fromordinal(0)
except ValueError as e:
    print("ValueError:", e)

# Arithmetic.
print(d + timedelta(days=1), timedelta(days=30) + d, d - timedelta(days=31))
print(d + timedelta(hours=47), d - timedelta(seconds=1))
print(repr(d - date(2023, 1, 31)), d - date(2024, 2, 29), date(2024, 2, 29) - d)
try:
    date(9999, 12, 31) + timedelta(days=1)
except OverflowError as e:
    print("OverflowError:", e)
try:
    d + 1
except TypeError as e:
    print("TypeError:", e)
try:
    d - 1
except TypeError as e:
    print("TypeError:", e)

# Comparisons and hashing.
a, b = date(2024, 1, 1), date(2024, 1, 2)
print(a < b, a <= b, a > b, a >= b, a == b, a != b, a == date(2024, 1, 1), a == "2024-01-01")
try:
    a < 5
except TypeError as e:
    print("TypeError:", e)
print(sorted([b, a, date(2023, 6, 1)]))
print(max(a, b), min([b, a]))
counts = {}
for x in [date(2024, 1, 1), date(2024, 1, 1), date(2024, 1, 2)]:
    counts[x] = counts.get(x, 0) + 1
print(counts)
print(len({date(2024, 1, 1), date(2024, 1, 1)}), hash(a) == hash(date(2024, 1, 1)))
print(isinstance(d, date), type(d) is date, type(d).__name__ if False else "date")


class MyDate(date):
    def label(self):
        return "day %d" % self.day


m = MyDate(2024, 5, 17)
print(m, m.label(), isinstance(m, date))
print(type(m + timedelta(days=1)).__name__)
print(datetime.date(2000, 1, 1) == date(2000, 1, 1))
try:
    date.fromordinal(3652060)
except ValueError as e:
    print("ValueError:", e)
