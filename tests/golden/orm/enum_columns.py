# Enum columns: Enum(PythonEnumClass) stores member names and reads members back through the
# ORM, ORM column queries and Core results; IntEnum members bind as integers; a string-valued
# Enum stays strings; PostgreSQL gets a named enum type.
import enum
import os

from sqlalchemy import Column, Enum, Integer, String, create_engine, select
from sqlalchemy.orm import Session, declarative_base

Base = declarative_base()


class Status(enum.Enum):
    DRAFT = 'draft'
    PUBLISHED = 'published'


class Role(enum.IntEnum):
    USER = 1
    ADMIN = 2


class Post(Base):
    __tablename__ = 'post'
    id = Column(Integer, primary_key=True)
    title = Column(String(40))
    status = Column(Enum(Status), default=Status.DRAFT)
    mood = Column(Enum('happy', 'sad', name='mood'))
    role = Column(Integer, default=Role.USER)


engine = create_engine(os.environ.get('DATABASE_URL', 'sqlite://'))
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
print(repr(Post.__table__.c.status.type), Post.__table__.c.status.type.enums)
print(repr(Post.__table__.c.mood.type), Post.__table__.c.status.type.enum_class)

with Session(engine) as s:
    s.add_all([
        Post(title='a', status=Status.PUBLISHED, mood='happy', role=Role.ADMIN),
        Post(title='b', mood='sad'),
        Post(title='c', status='PUBLISHED', role=2),
    ])
    s.commit()
    for p in s.query(Post).order_by(Post.id):
        print(p.title, p.status, p.mood, p.role, p.role == Role.ADMIN, p.status is Status.PUBLISHED)
    print(s.query(Post.title, Post.status).order_by(Post.id).all())
    print(s.execute(select(Post.status, Post.mood).order_by(Post.id)).all())
    print(s.query(Post).filter(Post.status == Status.PUBLISHED).count(),
          s.query(Post).filter(Post.status == 'DRAFT').count(),
          s.query(Post).filter(Post.role == Role.ADMIN).count())
    print(s.query(Post).filter(Post.status.in_([Status.DRAFT, Status.PUBLISHED])).count())
    p = s.get(Post, 2)
    p.status = Status.PUBLISHED
    s.commit()
    print(p.status, s.query(Post.status).filter_by(id=2).scalar())

with engine.connect() as conn:
    print(conn.execute(Post.__table__.select().order_by(Post.__table__.c.id)).fetchall())
