# The clock-based constructors: only properties that hold at any moment are printed, so the
# output is deterministic.
from datetime import date, datetime, timezone, timedelta
import time

today = date.today()
now = datetime.now()
utc_now = datetime.now(timezone.utc)
utc_naive = datetime.utcnow()
print(type(today) is date, type(now) is datetime, now.tzinfo, utc_now.tzinfo, utc_naive.tzinfo)
print(abs(now.date() - today) <= timedelta(days=1), 2020 <= now.year <= 9999)
print(abs(utc_now.replace(tzinfo=None) - utc_naive) < timedelta(seconds=5))
print(abs(utc_now.timestamp() - time.time()) < 5)
print(abs(datetime.fromtimestamp(time.time(), timezone.utc) - utc_now) < timedelta(seconds=5))
print(abs(datetime.fromtimestamp(1700000000) - datetime(2023, 11, 14, 22, 13, 20)) <= timedelta(hours=14))
print(datetime.fromtimestamp(1700000000).timestamp(), date.fromtimestamp(1700000000) in (date(2023, 11, 14), date(2023, 11, 15)))
print(datetime(2024, 6, 1, 12).astimezone(timezone.utc).tzinfo, datetime(2024, 6, 1, 12).astimezone().tzinfo is not None)
print(type(datetime.today()) is datetime, datetime.today().tzinfo, isinstance(datetime.now(), date))
