# The flush's INSERT paths with many rows: a table of only a generated key (DEFAULT VALUES),
# values the dialect binds differently (bools, dates), NULLs, Python and SQL defaults, rows
# whose column sets differ, constructors going through validators, a custom __setattr__ and a
# relationship keyword, and scoped_session.add. Every row is read back after the commit.
import datetime
import os

from sqlalchemy import (Boolean, Column, Date, ForeignKey, Integer, String, create_engine,
                        func)
from sqlalchemy.orm import (Session, declarative_base, relationship, scoped_session,
                            sessionmaker, validates)

engine = create_engine(os.environ.get('DATABASE_URL', 'sqlite://'))
Base = declarative_base()


class Tick(Base):
    __tablename__ = 'frs_tick'
    id = Column(Integer, primary_key=True)


class Flag(Base):
    __tablename__ = 'frs_flag'
    id = Column(Integer, primary_key=True)
    on = Column(Boolean)
    day = Column(Date)
    name = Column(String(20))
    size = Column(Integer, default=7)


class Stamp(Base):
    __tablename__ = 'frs_stamp'
    id = Column(Integer, primary_key=True)
    label = Column(String(20))
    made = Column(Date, default=func.current_date())


class Tag(Base):
    __tablename__ = 'frs_tag'
    id = Column(Integer, primary_key=True)
    word = Column(String(20))

    @validates('word')
    def lower(self, key, value):
        return value.lower()


class Noted(Base):
    __tablename__ = 'frs_noted'
    id = Column(Integer, primary_key=True)
    text = Column(String(20))

    def __setattr__(self, key, value):
        if key == 'text':
            value = '<' + value + '>'
        super().__setattr__(key, value)


class Box(Base):
    __tablename__ = 'frs_box'
    id = Column(Integer, primary_key=True)
    items = relationship('Item', backref='box')


class Item(Base):
    __tablename__ = 'frs_item'
    id = Column(Integer, primary_key=True)
    box_id = Column(Integer, ForeignKey('frs_box.id'))
    n = Column(Integer)


Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
s = Session(engine)
s.add_all([Tick(), Tick(), Tick()])
start = datetime.date(2024, 1, 1)
for i in range(300):
    if i % 50 == 3:
        s.add(Flag(on=None, name='f%d' % i, size=None))
    else:
        s.add(Flag(on=i % 2 == 0, day=start + datetime.timedelta(days=i), name='f%d' % i))
s.add_all([Stamp(label='a'), Stamp(label='b'), Stamp(label='c', made=start)])
s.add_all([Tag(word='Red'), Tag(word='GREEN')])
s.add_all([Noted(text='x'), Noted(text='y')])
s.add(Box(items=[Item(n=i) for i in range(5)]))
s.commit()

print([t.id for t in s.query(Tick).order_by(Tick.id)])
flags = s.query(Flag).order_by(Flag.id).all()
print(len(flags), flags[0].id, flags[-1].id)
print([(f.id, f.on, f.day, f.name, f.size) for f in flags[:5]])
print(s.query(Flag).filter(Flag.on == True).count(), s.query(Flag).filter(Flag.on == None).count())
print(sum(f.size or 0 for f in flags), flags[299].day)
stamps = s.query(Stamp).order_by(Stamp.id).all()
print([(t.label, t.made is not None) for t in stamps], stamps[2].made)
print([t.word for t in s.query(Tag).order_by(Tag.id)])
print([n.text for n in s.query(Noted).order_by(Noted.id)])
box = s.query(Box).one()
print([(i.n, i.box_id == box.id) for i in box.items])
first = s.get(Flag, 1)
print(first is flags[0])
s.close()

scoped = scoped_session(sessionmaker(bind=engine))
for i in range(3):
    scoped.add(Tick())
print(len(scoped.new))
scoped.commit()
print(scoped.query(Tick).count())
scoped.remove()

# The INSERT's column set, as SQLAlchemy builds it: None given for a column with a default is
# the default; a column without one is bound as NULL whether set to None or not set at all, and
# reads back as None with no query; a server default is fetched on access.
class Part(Base):
    __tablename__ = 'frs_part'
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    note = Column(String(20))
    size = Column(Integer, default=7)
    kind = Column(String(10), server_default='k')


Base.metadata.create_all(engine)
s = Session(engine)
a = Part(name=None, size=None, kind=None)
b = Part(name='b')
c = Part(name='c', note='n', size=1, kind='q')
engine.echo = True
# One row per flush: PostgreSQL's driver would echo a batch of rows as one executemany.
for part in (a, b, c):
    s.add(part)
    s.flush()
print(a.name, a.note, a.size, b.note, b.size, c.note, c.size, c.kind)
print(a.kind, b.kind)
engine.echo = False
s.commit()
print([(p.name, p.note, p.size, p.kind) for p in s.query(Part).order_by(Part.id)])
