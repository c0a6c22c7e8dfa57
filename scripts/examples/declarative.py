# The "Declarative" pattern from Flask's "SQLAlchemy in Flask": a scoped session, a Base with a
# query property, a User model with a custom __init__, rows added and queried.
import os
from sqlalchemy import create_engine, Column, Integer, String
from sqlalchemy.orm import scoped_session, sessionmaker, declarative_base

engine = create_engine(os.environ.get('DATABASE_URL', 'sqlite://'))
db_session = scoped_session(sessionmaker(autocommit=False, autoflush=False, bind=engine))
Base = declarative_base()
Base.query = db_session.query_property()


class User(Base):
    __tablename__ = 'example_decl_users'
    id = Column(Integer, primary_key=True)
    name = Column(String(50), unique=True)
    email = Column(String(120), unique=True)

    def __init__(self, name=None, email=None):
        self.name = name
        self.email = email

    def __repr__(self):
        return f'<User {self.name!r}>'


def init_db():
    Base.metadata.create_all(bind=engine)


init_db()
u = User('admin', 'admin@localhost')
db_session.add(u)
db_session.commit()
print(User.query.all())
print(User.query.filter(User.name == 'admin').first())
db_session.add_all([User('guest', 'guest@localhost'), User('root', 'root@localhost')])
print(User.query.count())  # autoflush is off: the pending rows are not counted
db_session.commit()
print(User.query.count(), User.query.order_by(User.name.desc()).first())
print([u.email for u in User.query.filter(User.email.like('%@localhost')).order_by(User.id)])
db_session.remove()
print(User.query.get(1), User.query.get(99))
db_session.remove()
Base.metadata.drop_all(bind=engine)
