# Column types: str() / repr() of type objects, and values coming back typed.
import os
import datetime
import decimal
from sqlalchemy import (create_engine, MetaData, Table, Column, Integer, String, Text, Boolean, Float, Numeric,
                        Date, DateTime, Time, LargeBinary, Enum, BigInteger, SmallInteger, Unicode, select, func,
                        VARCHAR, INTEGER, TEXT, DECIMAL, CHAR, TIMESTAMP)

for ty in [Integer(), String(80), String(), Text(), Boolean(), Float(), Numeric(10, 2), Date(), DateTime(), Time(),
           LargeBinary(), Enum('a', 'bb'), BigInteger(), SmallInteger(), Unicode(20), VARCHAR(10), INTEGER(), TEXT(),
           DECIMAL(8, 3), CHAR(4), TIMESTAMP()]:
    print(str(ty), repr(ty))

engine = create_engine(os.environ.get('DATABASE_URL', 'sqlite://'))
md = MetaData()
t = Table('tv_values', md,
    Column('id', Integer, primary_key=True),
    Column('flag', Boolean),
    Column('ratio', Float),
    Column('price', Numeric(10, 2)),
    Column('born', Date),
    Column('seen', DateTime),
    Column('at', Time),
    Column('blob', LargeBinary),
    Column('mood', Enum('happy', 'sad', name='tv_mood')),
    Column('note', String(20), default='none'),
    Column('counter', Integer, default=lambda: 7),
)
md.drop_all(engine)
md.create_all(engine)
with engine.begin() as conn:
    conn.execute(t.insert(), {'flag': True, 'ratio': 0.5, 'price': decimal.Decimal('12.50'),
                              'born': datetime.date(2000, 1, 31), 'seen': datetime.datetime(2024, 5, 6, 7, 8, 9),
                              'at': datetime.time(13, 5), 'blob': b'\x00ab', 'mood': 'sad'})
    conn.execute(t.insert(), {'flag': False})
with engine.connect() as conn:
    for row in conn.execute(select(t).order_by(t.c.id)):
        print(row)
        print([type(v).__name__.split('.')[-1] for v in row])
    print(conn.execute(select(func.sum(t.c.price))).scalar())
    print(conn.execute(select(t.c.id).where(t.c.flag == True)).scalars().all())
    print(conn.execute(select(t.c.id).where(t.c.born < datetime.date(2001, 1, 1))).scalars().all())
