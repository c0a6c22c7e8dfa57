# decimal formatting (format specs), the context (precision, rounding, localcontext) and the
# exception hierarchy.
import decimal
from decimal import Decimal, getcontext, setcontext, localcontext, Context, ROUND_HALF_UP, ROUND_DOWN

values = [Decimal("1234.5678"), Decimal("-0.000123"), Decimal("1E+5"), Decimal("0"), Decimal("-0.00"), Decimal("Infinity"), Decimal("NaN"), Decimal("42")]
specs = ["", ".2f", ".0f", ",.2f", "e", ".3e", "E", "g", ".3g", "G", "%", ".1%", ">12.2f", "<12", "^12.1f", "+.1f", " .1f", "012.2f", "=+12.2f", "*^14,.2f", "f"]
for v in values:
    print(repr(v), "|".join(v.__format__(s) for s in specs))
for v, s in [("19.999", ".2f"), ("0.005", ".2f"), ("0.015", ".2f"), ("1234567.891", ","), ("1.23456789E+20", ".3f"),
             ("1E-10", "f"), ("123E+2", "f"), ("1234567.5", "020,.2f"), ("5", "010,"), ("-1234.5", "z.0f")]:
    print(v, s, Decimal(v).__format__(s))
try:
    Decimal(1).__format__("_f")
except ValueError as e:
    print("ValueError:", e)

ctx = getcontext()
print(repr(ctx))
print(ctx.prec, ctx.rounding, ctx is getcontext())
ctx.prec = 6
print(Decimal(1) / Decimal(7), Decimal("123456789") + 0, Decimal("1.23456789") * 1)
ctx.rounding = ROUND_DOWN
print(Decimal(2) / Decimal(3), Decimal("2.675").quantize(Decimal("0.01")), round(Decimal("2.679"), 2))
ctx.prec = 28
ctx.rounding = decimal.ROUND_HALF_EVEN
with localcontext() as lc:
    lc.prec = 3
    print(Decimal(1) / Decimal(3), getcontext().prec)
print(Decimal(1) / Decimal(3), getcontext().prec)
with localcontext() as lc:
    lc.rounding = ROUND_HALF_UP
    print(Decimal("0.125").quantize(Decimal("0.01")))
print(Decimal("0.125").quantize(Decimal("0.01")))
c = Context(prec=4)
setcontext(c)
print(Decimal(10) / 3, getcontext().prec)
setcontext(Context(prec=28, rounding=decimal.ROUND_HALF_EVEN))
print(Decimal(10) / 3)
try:
    getcontext().prec = 0
except ValueError as e:
    print("ValueError:", e)

for name in ["DecimalException", "InvalidOperation", "ConversionSyntax", "DivisionByZero", "DivisionUndefined", "DivisionImpossible", "Overflow", "Inexact", "Rounded", "FloatOperation"]:
    cls = getattr(decimal, name)
    print(name, cls, issubclass(cls, ArithmeticError), issubclass(cls, ZeroDivisionError), issubclass(cls, decimal.InvalidOperation))
try:
    Decimal(10) ** 30 // Decimal("0.001")
except decimal.InvalidOperation as e:
    print("InvalidOperation:", e)
try:
    Decimal("1E+999999") * 10
except decimal.Overflow as e:
    print("Overflow:", e)
try:
    hash(Decimal("sNaN"))
except TypeError as e:
    print("TypeError:", e)
try:
    round(Decimal("NaN"))
except ValueError as e:
    print("ValueError:", e)
print(decimal.ROUND_HALF_EVEN, decimal.ROUND_05UP, decimal.ROUND_UP)
