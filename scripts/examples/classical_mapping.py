# The "Manual Object Relational Mapping" pattern: a Table and a plain class mapped together
# with mapper(), queried through a scoped session's query_property().
import os
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String
from sqlalchemy.orm import scoped_session, sessionmaker, mapper

engine = create_engine(os.environ.get('DATABASE_URL', 'sqlite://'))
metadata = MetaData()
db_session = scoped_session(sessionmaker(autocommit=False, autoflush=False, bind=engine))


class User(object):
    query = db_session.query_property()

    def __init__(self, name=None, email=None):
        self.name = name
        self.email = email

    def __repr__(self):
        return f'<User {self.name!r}>'


users = Table('example_classical_users', metadata,
    Column('id', Integer, primary_key=True),
    Column('name', String(50), unique=True),
    Column('email', String(120), unique=True)
)
mapper(User, users)

metadata.create_all(bind=engine)
db_session.add(User('admin', 'admin@localhost'))
db_session.add(User('editor', 'editor@localhost'))
db_session.commit()
print(User.query.all())
admin = User.query.filter_by(name='admin').one()
print(admin.id, admin.email, admin is User.query.get(admin.id))
admin.email = 'root@localhost'
print(db_session.dirty)
db_session.commit()
print(User.query.filter(User.email.startswith('root')).all())
db_session.delete(admin)
db_session.commit()
print(User.query.all(), users.c.keys())
db_session.remove()
metadata.drop_all(bind=engine)
