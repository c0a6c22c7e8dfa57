# datetime.timedelta: normalisation (ints and floats), repr and str, arithmetic with ints,
# floats and timedeltas, comparisons, hashing and overflow.
from datetime import timedelta

cases = [
    timedelta(),
    timedelta(1),
    timedelta(days=1, seconds=3600),
    timedelta(hours=25, minutes=61, seconds=61),
    timedelta(microseconds=250),
    timedelta(milliseconds=1.5),
    timedelta(days=-1),
    timedelta(seconds=-1),
    timedelta(microseconds=-1),
    timedelta(weeks=2, days=-3),
    timedelta(days=1.5),
    timedelta(hours=-1.25),
    timedelta(seconds=0.5e-6),
    timedelta(seconds=1.5e-6),
    timedelta(seconds=2.5e-6),
    timedelta(days=0.1, seconds=0.2, microseconds=0.3),
    timedelta(minutes=2, microseconds=-3),
    timedelta(999999999, 86399, 999999),
    timedelta(-999999999),
]
for t in cases:
    print(repr(t), "|", str(t), "|", t.days, t.seconds, t.microseconds, t.total_seconds(), bool(t))
print(repr(timedelta.min), repr(timedelta.max), repr(timedelta.resolution))

a, b = timedelta(hours=1, minutes=30), timedelta(minutes=45)
print(a + b, a - b, b - a, -a, +a, abs(-a), abs(b))
print(a * 2, 3 * b, a * 0.5, 0.1 * a, a * -1.5, a * True)
print(a / 2, a / 7, a / 0.3, a / b, b / a, a // b, a // 7, a % b, divmod(a, b))
print(timedelta(microseconds=5) / 2, timedelta(microseconds=7) / 2, timedelta(microseconds=-5) / 2, timedelta(microseconds=3) // 2)
print(timedelta(seconds=1) / 3, timedelta(seconds=-1) // 3, timedelta(days=1) / timedelta(hours=1))
print(a > b, a >= b, a < b, a <= b, a == timedelta(seconds=5400), a != b, a == 5400)
print(sorted([a, b, timedelta(0), -b]))
print(len({timedelta(hours=1), timedelta(minutes=60), timedelta(seconds=3600)}), hash(timedelta(1)) == hash(timedelta(hours=24)))
print(sum([a, b, b], timedelta()))
print(timedelta(days=3).total_seconds(), timedelta(microseconds=1).total_seconds(), timedelta(days=-1, microseconds=1).total_seconds())
print(timedelta(days=365 * 10000 // 10, seconds=1, microseconds=1).total_seconds())

try:
    timedelta(days=1e9)
except OverflowError as e:
    print("OverflowError:", e)
try:
    timedelta.max + timedelta(microseconds=1)
except OverflowError as e:
    print("OverflowError:", e)
try:
    timedelta(days="1")
except TypeError as e:
    print("TypeError:", e)
try:
    a / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    a // timedelta(0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    a + 1
except TypeError as e:
    print("TypeError:", e)
try:
    a < 1
except TypeError as e:
    print("TypeError:", e)
for expr in [lambda: a / 0.0, lambda: a // 0, lambda: a % timedelta(0), lambda: a / timedelta(0)]:
    try:
        expr()
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
