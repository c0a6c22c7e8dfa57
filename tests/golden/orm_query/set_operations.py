# Query.union / union_all / except_ / intersect (selected from an anon_1 subquery that later
# filter, order_by, limit and count() are adapted to), Core union() / union_all() / except_()
# / intersect() as functions and Select methods, ORDER BY and LIMIT on a compound, a compound
# as a subquery, and aliased(User, subquery) loading objects from it.
import os
from sqlalchemy import (create_engine, Column, Integer, String, select, func, union, union_all,
                        except_, intersect)
from sqlalchemy.orm import declarative_base, Session, aliased

engine = create_engine(os.environ.get('DATABASE_URL', 'sqlite://'))
Base = declarative_base()


class User(Base):
    __tablename__ = 'so_users'
    id = Column(Integer, primary_key=True)
    name = Column(String(40))
    age = Column(Integer)

    def __repr__(self):
        return '<User %s>' % self.name


Base.metadata.create_all(engine)
s = Session(engine)
s.add_all([User(name=n, age=a) for n, a in [('ann', 30), ('bob', 20), ('cy', 40), ('dee', 20)]])
s.commit()
s.close()
engine.echo = True
print('-- legacy Query set operations')
q1 = s.query(User).filter(User.age < 25)
q2 = s.query(User).filter(User.name == 'cy')
print(q1.union(q2).order_by(User.name).all())
print(q1.union_all(q1).count())
print(q1.union(q2).filter(User.name != 'bob').order_by(User.name.desc()).all())
print(s.query(User).except_(q1).order_by(User.id).all())
print(s.query(User).intersect(q1).order_by(User.id).all())
print(s.query(User.name).filter(User.age > 25).union(s.query(User.name).filter(User.age < 21)).order_by(User.name).all())
print(q1.union(q2, s.query(User).filter(User.id == 1)).order_by(User.id).limit(2).all())
print(q1.union(q2).order_by(User.id).first())
print('-- Core compound selects')
t = User.__table__
u = union(select(t.c.id, t.c.name).where(t.c.age < 25), select(t.c.id, t.c.name).where(t.c.name == 'cy'))
print(u)
print(s.execute(u.order_by('name')).all())
print(s.execute(u.order_by(t.c.name.desc())).fetchall())
print(s.execute(union_all(select(t.c.name), select(t.c.name)).order_by(t.c.name).limit(3)).all())
print(s.execute(intersect(select(t.c.age), select(t.c.age).where(t.c.age > 25))).scalars().all() in ([30, 40], [40, 30]))
print(s.execute(except_(select(t.c.name), select(t.c.name).where(t.c.age == 20)).order_by('name')).all())
sq = u.subquery()
print(s.execute(select(sq.c.name).order_by(sq.c.id)).all())
print(s.execute(select(func.count()).select_from(sq)).scalar())
print(s.execute(select(User.id).where(User.age == 20).union_all(select(User.id).where(User.age == 40))).scalars().all())
st = select(User.name).where(User.age == 20).except_(select(User.name).where(User.name == 'bob'))
print(s.execute(st).all())
print(s.execute(select(User.name).intersect(select(User.name).where(User.age > 25)).order_by(User.name)).all())
print('-- an aliased class over a compound subquery')
everyone = union(select(User).where(User.age < 25), select(User).where(User.name == 'cy')).subquery()
ua = aliased(User, everyone)
print(s.execute(select(ua).order_by(ua.name)).scalars().all())
print(s.query(ua).filter(ua.age == 20).order_by(ua.id).all())
s.close()
