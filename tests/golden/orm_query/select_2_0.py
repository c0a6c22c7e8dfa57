# The 2.0-style session API on select(): scalars() / first / one / one_or_none / scalar_one,
# session.scalars / scalar / get, select().join(relationship), filter_by, options(joinedload)
# with order_by / limit / offset (the limited query wrapped in a subquery), unique() required
# after a joined eager load of a collection, group_by with a count, mappings(), and rows of
# two entities; bare column names in the SQL, as select() labels them.
import os
from sqlalchemy import create_engine, Column, Integer, String, ForeignKey, select, func
from sqlalchemy.orm import declarative_base, relationship, Session, joinedload, selectinload
from sqlalchemy.exc import InvalidRequestError, NoResultFound, MultipleResultsFound

engine = create_engine(os.environ.get('DATABASE_URL', 'sqlite://'))
Base = declarative_base()


class User(Base):
    __tablename__ = 's2_users'
    id = Column(Integer, primary_key=True)
    name = Column(String(40))
    addresses = relationship('Address', backref='user', order_by='Address.id')

    def __repr__(self):
        return '<User %s>' % self.name


class Address(Base):
    __tablename__ = 's2_addresses'
    id = Column(Integer, primary_key=True)
    email = Column(String(60))
    user_id = Column(Integer, ForeignKey('s2_users.id'))

    def __repr__(self):
        return '<Address %s>' % self.email


Base.metadata.create_all(engine)
s = Session(engine)
s.add_all([User(name='ann', addresses=[Address(email='ann@a'), Address(email='ann@b')]),
           User(name='bob', addresses=[Address(email='bob@a')]), User(name='cy')])
s.commit()
s.close()
engine.echo = True
print(s.execute(select(User).where(User.name == 'ann')).scalars().all())
print(s.execute(select(User).order_by(User.id)).scalars().first())
print(s.execute(select(User).where(User.id == 2)).scalars().one())
print(s.execute(select(User).where(User.id == 9)).scalars().one_or_none())
print(s.execute(select(User).where(User.id == 2)).scalar_one())
print(s.execute(select(User).where(User.id == 2)).scalar_one_or_none())
print(s.execute(select(User).where(User.id == 2)).scalar())
for stmt in (select(User).where(User.id == 9), select(User)):
    try:
        s.execute(stmt).scalar_one()
    except (NoResultFound, MultipleResultsFound) as e:
        print(type(e).__name__, e)
print(s.scalars(select(User).order_by(User.name.desc())).all())
print(s.scalar(select(func.count(User.id))))
print(s.get(User, 2), s.get(User, 5))
print(s.execute(select(User).join(User.addresses).where(Address.email == 'bob@a')).scalars().all())
print(s.execute(select(Address).join(Address.user).filter_by(name='ann').order_by(Address.id)).scalars().all())
s.expunge_all()
print('-- joinedload of a collection under LIMIT / OFFSET')
r = s.execute(select(User).options(joinedload(User.addresses)).order_by(User.id).limit(2).offset(1))
users = r.unique().scalars().all()
print(users, [u.addresses for u in users])
s.expunge_all()
try:
    print(s.execute(select(User).options(joinedload(User.addresses)).order_by(User.id)).scalars().all())
except InvalidRequestError as e:
    print(type(e).__name__, e)
print(s.execute(select(User).options(joinedload(User.addresses)).order_by(User.id)).scalars().unique().all())
print(s.execute(select(Address).options(joinedload(Address.user)).order_by(Address.id)).scalars().all())
s.expunge_all()
print(s.execute(select(User).options(selectinload(User.addresses)).where(User.id < 3)).scalars().all())
print(s.execute(select(User).filter_by(name='cy')).scalars().all())
print('-- columns, grouping, mappings')
rows = s.execute(select(User.name, func.count(Address.id)).join(User.addresses).group_by(User.name).order_by(User.name)).all()
print(rows, rows[0].name)
for m in s.execute(select(User.id, User.name).order_by(User.id)).mappings():
    print(m, m['name'])
print(s.execute(select(User.id, User.name).order_by(User.id)).mappings().all())
print(s.execute(select(User.id, User.name).order_by(User.id)).mappings().first())
print(s.execute(select(User, Address).join(User.addresses).order_by(Address.id)).all())
print(s.execute(select(User.name, Address.email).outerjoin(User.addresses).order_by(User.id, Address.id)).all())
print(s.scalars(select(User.name).order_by(User.id)).all())
s.close()
