# Bulk UPDATE / DELETE and INSERT through session.execute() and Query.update() / delete(),
# with synchronize_session 'evaluate' (the default: criteria and SET values run in memory
# on the session's objects), 'fetch' (a SELECT first, or RETURNING on PostgreSQL) and False.
import os
from sqlalchemy import create_engine, Column, Integer, String, select, update, delete, insert
from sqlalchemy.orm import declarative_base, Session
from sqlalchemy.exc import ArgumentError

engine = create_engine(os.environ.get('DATABASE_URL', 'sqlite://'))
Base = declarative_base()


class User(Base):
    __tablename__ = 'bd_users'
    id = Column(Integer, primary_key=True)
    name = Column(String(40))
    age = Column(Integer)

    def __repr__(self):
        return '<User %s %s>' % (self.name, self.age)


Base.metadata.create_all(engine)
s = Session(engine)
s.add_all([User(name='ann', age=1), User(name='bob', age=2), User(name='cy', age=3), User(name='dee', age=4)])
s.commit()
s.close()
engine.echo = True
ann, bob, cy, dee = s.scalars(select(User).order_by(User.id)).all()
print('-- Query.update / delete, evaluate')
print(s.query(User).filter(User.age < 2).update({'age': 10}))
print(ann.age)
print(s.query(User).filter(User.name.in_(['bob', 'cy'])).update({User.age: User.age + 1}))
print(bob.age, cy.age)
print(s.query(User).filter(User.name == 'bob').update({User.age: User.age * 10}, synchronize_session='fetch'))
print(bob.age)
print(s.query(User).filter(User.name == 'dee').delete())
print(dee in s, s.query(User).count())
print('-- session.execute(update / delete)')
r = s.execute(update(User).where(User.name == 'ann').values(name='ann2'))
print(r.rowcount, ann.name)
r = s.execute(update(User).where(User.name == 'ann2').values(name='ann3').execution_options(synchronize_session='fetch'))
print(r.rowcount, ann.name)
r = s.execute(update(User).where(User.name == 'ann3').values(name='ann4').execution_options(synchronize_session=False))
print(r.rowcount, ann.name)
r = s.execute(delete(User).where(User.age > 20).execution_options(synchronize_session='fetch'))
print(r.rowcount, bob in s, cy in s)
try:
    s.query(User).update({'age': 0}, synchronize_session='sometimes')
except ArgumentError as e:
    print(type(e).__name__, e)
print('-- insert through the session')
res = s.execute(insert(User).values(name='eve', age=5))
print(res.inserted_primary_key)
s.commit()
s.close()
# A list of parameter sets runs as executemany (echo off: PostgreSQL's executemany echo form
# is not compared here).
engine.echo = False
s.execute(insert(User), [{'name': 'fay', 'age': 6}, {'name': 'gus', 'age': 7}])
print(s.execute(select(User.name, User.age).order_by(User.id)).all())
s.commit()
s.close()
