# How a flush of many rows shows in the SQL log and in errors: SQLAlchemy 1.4 sends the rows of
# one INSERT shape as a single executemany() when it needs no key back (all primary keys given)
# or when its driver returns keys from one (psycopg2's INSERT ... RETURNING); otherwise one
# INSERT per row. A failed executemany() names every parameter set.
import os

from sqlalchemy import Column, Integer, String, create_engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, declarative_base

engine = create_engine(os.environ.get('DATABASE_URL', 'sqlite://'))
Base = declarative_base()


class Member(Base):
    __tablename__ = 'fee_member'
    id = Column(Integer, primary_key=True)
    name = Column(String(20), unique=True, nullable=False)
    rank = Column(Integer)


Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
s = Session(engine)
engine.echo = True
s.add_all([Member(id=100 + i, name='given%d' % i, rank=i) for i in range(3)])
s.flush()
s.add_all([Member(name='new%d' % i, rank=i % 4) for i in range(14)])
s.flush()
s.add(Member(name='alone'))
s.flush()
s.commit()
engine.echo = False
print([(m.id, m.name, m.rank) for m in s.query(Member).order_by(Member.id)][:6])
print(s.query(Member).count())

s.add_all([Member(name='late%d' % i) for i in range(300)] + [Member(name='new3')])
try:
    s.commit()
except IntegrityError as e:
    print(type(e.orig).__name__)
    print(str(e).split('\n[SQL: ')[1])
    s.rollback()
s.add(Member(name='new4', rank=1))
try:
    s.commit()
except IntegrityError as e:
    print(str(e).split('\n[SQL: ')[1])
    s.rollback()
s.add_all([Member(id=200 + i, name='id%d' % i) for i in range(3)] + [Member(id=100, name='x')])
try:
    s.commit()
except IntegrityError as e:
    print(str(e).split('\n[SQL: ')[1])
    s.rollback()
print(s.query(Member).count())
