# format() / f-strings / str.format with datetime and Decimal values, and the repr of
# date.isocalendar()'s IsoCalendarDate: these go through the interpreter's format and repr
# protocols for native types (see format_protocol.skip while the language lacks them).
from datetime import date, datetime, time
from decimal import Decimal

d = date(2024, 1, 31)
dt = datetime(2024, 1, 31, 13, 5, 9, 250)
print(f"{d:%d.%m.%Y}", f"{d}", format(d, ""), "{:%B %d, %Y}".format(d))
print(f"{dt:%Y/%m/%d %H.%M}", "{0:%H:%M}".format(dt), f"{dt}", f"{dt!r}", f"{time(8, 5):%H:%M}")
print(f"{Decimal('1234.5678'):.2f}", f"{Decimal('1234.5'):,.2f}", f"{Decimal('0.125'):.1%}", f"{Decimal('12.5'):>10}|", f"{Decimal('-3'):08.3f}")
print("total: {:.2f}".format(Decimal("19.999")), format(Decimal("1E+3"), "f"), "%s" % Decimal("1.50"))
print(repr(d.isocalendar()), d.isocalendar())
print(Decimal("1.250").as_tuple(), Decimal("Inf").as_tuple(), Decimal("NaN").as_tuple())
