# Session state handling: expire with attribute names, refresh, expunge, merge, get,
# is_modified, rollback of changed and pending state, no_autoflush, object_session.
import os
from sqlalchemy import create_engine, Column, Integer, String, inspect
from sqlalchemy.orm import declarative_base, Session, object_session

engine = create_engine(os.environ.get('DATABASE_URL', 'sqlite://'))
Base = declarative_base()


class Item(Base):
    __tablename__ = 'ss_item'
    id = Column(Integer, primary_key=True)
    name = Column(String(40))
    qty = Column(Integer, default=0)

    def __repr__(self):
        return f'<Item {self.id} {self.name} {self.qty}>'


Base.metadata.create_all(engine)
s = Session(engine)
i = Item(name='bolt')
print(i.qty, i.id)
s.add(i)
s.flush()
print(i.qty, i.id, object_session(i) is s)
s.commit()
i.name = 'nut'
print(s.is_modified(i), i in s.dirty)
s.expire(i, ['name'])
print(i.name, s.is_modified(i))
i.qty = 5
s.refresh(i)
print(i.qty)
s.expunge(i)
print(i in s, object_session(i))
m = s.merge(Item(id=i.id, name='washer', qty=3))
print(m is i, m.name, m in s.dirty)
s.commit()
print(s.get(Item, i.id), s.get(Item, 42))
j = Item(name='temp')
s.add(j)
m.qty = 99
s.rollback()
print(j in s, m.qty, inspect(j).transient, inspect(m).persistent)
with s.no_autoflush:
    s.add(Item(name='late'))
    print(s.query(Item).count())
print(s.query(Item).count())
s.close()
print(inspect(m).detached)
Base.metadata.drop_all(engine)
