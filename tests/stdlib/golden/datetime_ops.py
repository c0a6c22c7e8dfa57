from datetime import date, datetime, time, timedelta, timezone
import datetime as dt

d = date(2024, 2, 28)
print(d + timedelta(days=1), d + timedelta(days=2), d - timedelta(weeks=10), d - date(2023, 1, 1))
print(repr(d), d.isoformat(), d.weekday(), d.isoweekday(), d.strftime("%A %d %B %Y, %j %U %a %b"))
t = datetime(2024, 3, 10, 14, 30, 15, 123456)
print(t, repr(t), t.isoformat(), t.isoformat(sep=" ", timespec="seconds"), t.date(), t.time())
print(t + timedelta(hours=12), t - timedelta(days=400, seconds=5), t - datetime(2024, 1, 1))
print(t.strftime("%Y-%m-%d %H:%M:%S.%f %I%p %y %%"), t.replace(year=2020, microsecond=0))
print(datetime.strptime("2023-07-04 09:05:01", "%Y-%m-%d %H:%M:%S"), datetime.strptime("04/07/23", "%d/%m/%y"))
print(datetime.strptime("Mar 5 2021 1:02PM", "%b %d %Y %I:%M%p"))
print(datetime.fromisoformat("2024-05-06T07:08:09"), datetime.fromisoformat("2024-05-06 07:08:09.5+02:00"))
print(date.fromisoformat("2020-12-31"), time.fromisoformat("10:20:30"), time(9, 5).isoformat())
td = timedelta(days=1, hours=2, minutes=3, seconds=4.5)
print(td, repr(td), td.total_seconds(), td.days, td.seconds, td.microseconds, -td, abs(-td), td * 2, td / 2, td // 3)
print(timedelta(hours=36) > timedelta(days=1), timedelta(0) == timedelta(), str(timedelta(seconds=-1)), timedelta(minutes=90) / timedelta(hours=1))
print(d < date(2024, 3, 1), t > datetime(2024, 1, 1), max(d, date(2025, 1, 1)), sorted([date(2024, 1, 3), date(2023, 5, 1)]))
u = datetime(2024, 1, 1, 12, 0, tzinfo=timezone.utc)
print(u, repr(u), u.isoformat(), u.utcoffset(), u.tzname(), timezone.utc, repr(timezone.utc))
est = timezone(timedelta(hours=-5), "EST")
print(u.astimezone(est), est, timezone(timedelta(hours=5, minutes=30)), u.astimezone(est).utcoffset())
print(datetime(2024, 1, 1, 7, tzinfo=est) == u, u.timestamp(), datetime.fromtimestamp(0, timezone.utc))
print(datetime.combine(date(2024, 1, 2), time(3, 4)), date(2024, 1, 31).replace(day=1), dt.MINYEAR, dt.MAXYEAR)
print(date.today() <= date.today(), isinstance(datetime.now(), date), type(datetime.utcnow()).__name__)
print(datetime.now(timezone.utc).tzinfo, (datetime.now() - datetime.now()) < timedelta(seconds=1))
print(t.year, t.month, t.day, t.hour, t.minute, t.second, t.microsecond, t.timetuple()[:6])
print({d: 1}[date(2024, 2, 28)], hash(td) == hash(timedelta(seconds=93784.5)), date.min, date.max, timedelta.max)
print(f"{t:%d.%m.%Y}", format(d, "%Y/%m/%d"), "{:%H:%M}".format(t))
for bad in [lambda: date(2023, 2, 29), lambda: datetime.strptime("x", "%Y"), lambda: d + 1,
            lambda: datetime.fromisoformat("nope"), lambda: u < t]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
