# decimal.Decimal: construction (str, int, float, tuple, Decimal), repr/str, arithmetic under
# the default context, comparisons across types, hashing, quantize/round and conversions.
from decimal import Decimal, InvalidOperation, DivisionByZero, ROUND_HALF_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR
import decimal

for s in ["12.50", "-0.001", "1E+3", "1e3", "  7  ", "1_000.5", "0.0000001", "123456789012345678901234567890.123",
          "-0", "0E-5", ".5", "5.", "+3.14", "Infinity", "-inf", "NaN", "sNaN", "1.23E-10", "12345E-3"]:
    d = Decimal(s)
    print(repr(d), str(d), d.is_zero(), d.is_signed())
print(repr(Decimal()), repr(Decimal(42)), repr(Decimal(-7)), repr(Decimal(10**30)), repr(Decimal(True)))
print(repr(Decimal(0.1)), repr(Decimal(2.0)), repr(Decimal(-0.5)), repr(Decimal(1e20)), repr(Decimal(0.0)))
print(repr(Decimal((0, (1, 2, 5, 0), -2))), repr(Decimal((1, (7,), 3))), repr(Decimal(Decimal("3.30"))))
print(repr(Decimal.from_float(0.25)))
for bad in ["abc", "", "1.2.3", "1e", "--1"]:
    try:
        Decimal(bad)
    except InvalidOperation as e:
        print("InvalidOperation:", e, type(e).__name__, isinstance(e, ArithmeticError))
try:
    Decimal([1])
except ValueError as e:
    print("ValueError:", e)
try:
    Decimal(object())
except TypeError as e:
    print("TypeError:", str(e).split(" at ")[0])

a, b = Decimal("1.10"), Decimal("2.205")
print(a + b, a - b, b - a, a * b, a / b, b / a, -a, +b, abs(Decimal("-3.0")))
print(Decimal(1) / Decimal(3), Decimal(2) / Decimal(3), Decimal(10) / Decimal(4), Decimal(100) / Decimal(10))
print(Decimal("1.00") / 2, Decimal("0.1") + Decimal("0.2"), Decimal("0.1") * 3, 3 * Decimal("0.1"))
print(Decimal(7) // 2, Decimal(-7) // 2, Decimal(7) % 3, Decimal(-7) % 3, Decimal("7.5") % 2, divmod(Decimal(17), 5))
print(a + 1, 1 + a, 10 - a, a * 2, 1 / Decimal(8), 2 ** Decimal(3) if False else Decimal(2) ** 10, Decimal("1.5") ** 2)
print(Decimal("1.1") - Decimal("1.1"), Decimal("-0.0") + Decimal("0.00"), Decimal("0.00") + Decimal("1.5"))
print(Decimal("9999999999999999999999999999") + 1, Decimal("1.0000000000000000000000000005") + 0)
print(sum([Decimal("0.10"), Decimal("0.20"), Decimal("0.30")]), sum([Decimal("19.99")] * 3, Decimal(0)))
try:
    a + 1.0
except TypeError as e:
    print("TypeError:", e)
try:
    Decimal(1) / 0
except DivisionByZero as e:
    print("DivisionByZero:", e, isinstance(e, ZeroDivisionError))
try:
    Decimal(0) / Decimal(0)
except InvalidOperation as e:
    print("InvalidOperation:", e)
try:
    Decimal(5) / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError caught:", type(e).__name__)

# Comparisons with Decimals, ints and floats.
print(a < b, a > b, a == Decimal("1.1"), a == Decimal("1.100"), a != b, Decimal(2) == 2, 2 == Decimal(2))
print(Decimal("1.5") < 2, 1 < Decimal("1.5"), Decimal("0.5") == 0.5, Decimal("0.1") == 0.1, Decimal(1) < 1.5, Decimal("2") >= 2.0)
print(sorted([Decimal("3"), Decimal("1.5"), Decimal("-2"), Decimal("1.50")]), max(Decimal(1), Decimal("1.01")))
print(Decimal("NaN") == Decimal("NaN"), Decimal("NaN") != 1, Decimal("Infinity") > 10**100)
try:
    Decimal("NaN") < 1
except InvalidOperation as e:
    print("InvalidOperation:", e)

# Hashing consistent with int and float.
print(hash(Decimal(2)) == hash(2), hash(Decimal("2.000")) == hash(2), hash(Decimal("0.5")) == hash(0.5), hash(Decimal(-1)) == hash(-1))
print(hash(Decimal("1E+30")) == hash(10**30), hash(Decimal("1.1")) == hash(Decimal("1.10")))
prices = {Decimal("1.50"): "a", Decimal(2): "b"}
print(prices[Decimal("1.5")], prices[2], 2 in prices, len({Decimal("1.0"), Decimal(1), 1, 1.0}))

# quantize / round / conversions.
print(Decimal("2.675").quantize(Decimal("0.01")), Decimal("2.665").quantize(Decimal("0.01")), Decimal("2.665").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
print(Decimal("7.325").quantize(Decimal(".01"), ROUND_DOWN), Decimal("-7.321").quantize(Decimal("0.01"), rounding=ROUND_CEILING), Decimal("-7.321").quantize(Decimal("0.01"), ROUND_FLOOR))
print(Decimal("12").quantize(Decimal("0.00")), Decimal("1234.5").quantize(Decimal("1E+2")), Decimal("0.000001").quantize(Decimal("0.01")))
try:
    Decimal("123.456").quantize(Decimal("1E-30"))
except InvalidOperation as e:
    print("InvalidOperation:", e)
print(round(Decimal("2.5")), round(Decimal("3.5")), round(Decimal("-2.5")), round(Decimal("2.675"), 2), round(Decimal("1234.5678"), -2), repr(round(Decimal("1.5"), 0)))
print(int(Decimal("12.9")), int(Decimal("-12.9")), int(Decimal("1E+3")), float(Decimal("0.1")), float(Decimal("-1.5E-3")), float(Decimal("inf")))
import math
print(math.floor(Decimal("-1.5")), math.ceil(Decimal("1.2")), math.trunc(Decimal("-1.7")))
for bad in ["NaN", "Infinity"]:
    try:
        int(Decimal(bad))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
print(Decimal("1.500").normalize(), Decimal("100").normalize(), Decimal("0.00").normalize(), Decimal("-1.20E+5").normalize())
print(Decimal("123.456").adjusted(), Decimal("0.001").adjusted(), Decimal("-5").copy_abs(), Decimal("5").copy_negate())
print(tuple(Decimal("1.250").as_tuple()), Decimal("-12").as_tuple().sign, Decimal("-12").as_tuple().digits, Decimal("-12").as_tuple().exponent, tuple(Decimal("Inf").as_tuple()), tuple(Decimal("NaN").as_tuple()))
print(Decimal("0.75").as_integer_ratio(), Decimal("-2.50").as_integer_ratio(), Decimal("12.7").to_integral_value())
print(Decimal("NaN").is_nan(), Decimal("inf").is_infinite(), Decimal("1").is_finite(), Decimal("sNaN").is_snan(), Decimal("NaN").is_qnan())
print(bool(Decimal("0.00")), bool(Decimal("0.01")), bool(Decimal("NaN")))
print(isinstance(Decimal(1), Decimal), type(Decimal(1)) is decimal.Decimal, Decimal)
print(Decimal(2) ** Decimal("3.0"), Decimal("1.5") ** -2, Decimal(2) ** -1, Decimal("0.1") ** 3, Decimal(10) ** 30, Decimal(3) ** 40)
