# aliased(): an aliased class in session.query() with joins along a relationship or an
# explicit ON clause, named aliases, select(alias), two aliases of one table, of_type() on a
# relationship, and the SQL each one runs (echo).
import os
from sqlalchemy import create_engine, Column, Integer, String, ForeignKey, select, func
from sqlalchemy.orm import declarative_base, relationship, Session, aliased

engine = create_engine(os.environ.get('DATABASE_URL', 'sqlite://'))
Base = declarative_base()


class User(Base):
    __tablename__ = 'ae_users'
    id = Column(Integer, primary_key=True)
    name = Column(String(40))
    manager_id = Column(Integer, ForeignKey('ae_users.id'))
    manager = relationship('User', remote_side=[id])
    addresses = relationship('Address', backref='user', order_by='Address.id')

    def __repr__(self):
        return '<User %s>' % self.name


class Address(Base):
    __tablename__ = 'ae_addresses'
    id = Column(Integer, primary_key=True)
    email = Column(String(60))
    user_id = Column(Integer, ForeignKey('ae_users.id'))

    def __repr__(self):
        return '<Address %s>' % self.email


Base.metadata.create_all(engine)
s = Session(engine)
boss = User(name='boss')
s.add_all([boss, User(name='ann', manager=boss, addresses=[Address(email='ann@a'), Address(email='ann@b')]),
           User(name='bob', manager=boss, addresses=[Address(email='bob@a')])])
s.commit()
s.close()
engine.echo = True

Mgr = aliased(User)
print(Mgr, Mgr.name, User.name)
print(Mgr.name == 'boss')
print('-- the aliased class as a second entity, joined along the relationship')
for u, m in s.query(User, Mgr).join(Mgr, User.manager).order_by(User.id):
    print(u, m, m.name)
print('-- columns of both, explicit ON clause, filter on the alias')
rows = (s.query(User.name, Mgr.name).join(Mgr, Mgr.id == User.manager_id)
        .filter(Mgr.name == 'boss').order_by(User.name).all())
print(rows, rows[0]._fields)
print('-- a named alias')
M2 = aliased(User, name='u2')
print(s.query(User).join(M2, User.manager).filter(M2.name == 'boss').order_by(User.id).all())
print(s.execute(select(M2).where(M2.name == 'ann')).scalars().all())
print(s.execute(select(User.name, M2.name).join(M2, User.manager_id == M2.id).order_by(User.id)).all())
print('-- of_type() and two aliases of one table')
A = aliased(Address)
print(s.query(User).join(User.addresses.of_type(A)).filter(A.email.like('%b')).order_by(User.id).all())
A1, A2 = aliased(Address), aliased(Address)
q = (s.query(User.name).join(A1, User.addresses).join(A2, User.addresses)
     .filter(A1.email == 'ann@a', A2.email == 'ann@b'))
print(q.all())
print(str(q))
print('-- counting through an alias, any() and has()')
print(s.query(func.count(Mgr.id)).join(User, User.manager_id == Mgr.id).scalar())
print(s.query(User).filter(User.addresses.any(Address.email.like('bob%'))).all())
print(s.query(Address).filter(Address.user.has(name='ann')).order_by(Address.id).all())
print(s.execute(select(User).join(User.addresses.of_type(A)).where(A.email == 'bob@a')).scalars().all())
s.close()
