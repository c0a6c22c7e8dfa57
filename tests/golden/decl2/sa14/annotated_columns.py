# The 1.4 twin of ../annotated_columns.py: the same models with Column() and declarative_base(),
# the types and NULL / NOT NULL that SQLAlchemy 2.0 derives from the Mapped[] annotations
# written out. Its output (from the real SQLAlchemy 1.4) is the expected output of both.
import datetime
import enum
import os
from datetime import date
from decimal import Decimal

from sqlalchemy import (BigInteger, Boolean, Column, Date, DateTime, Enum, Float, ForeignKey,
                        Integer, LargeBinary, Numeric, String, Text, create_engine, inspect,
                        select)
from sqlalchemy.orm import Session, declarative_base


class Status(enum.Enum):
    DRAFT = "draft"
    PUBLISHED = "published"


Base = declarative_base()


class Author(Base):
    __tablename__ = "author"

    id = Column(Integer, primary_key=True)
    name = Column(String(50), unique=True, nullable=False)
    bio = Column(Text, nullable=True)
    nickname = Column(String(20), nullable=True)
    born = Column(Date, nullable=False)
    rating = Column(Float, default=0.5, nullable=False)
    active = Column(Boolean, default=True, nullable=False)
    balance = Column(Numeric, server_default="0", nullable=False)
    avatar = Column(LargeBinary, nullable=True)
    created = Column(DateTime, default=datetime.datetime(2024, 1, 2, 3, 4, 5), nullable=False)
    status = Column(Enum(Status), default=Status.DRAFT, nullable=False)
    legacy = Column(String(10), nullable=False, default="")
    loose = Column(Integer, nullable=True)
    plain = Column(String(10))
    code = Column("author_code", String(8), index=True, nullable=False)
    big = Column(BigInteger, nullable=True)


class Book(Base):
    __tablename__ = "book"

    id = Column(Integer, primary_key=True)
    author_id = Column(Integer, ForeignKey("author.id"), nullable=False)
    editor_id = Column(Integer, ForeignKey("author.id"), nullable=True)
    title = Column(String, nullable=False)
    pages = Column(Integer, nullable=True)


engine = create_engine(os.environ.get("DATABASE_URL", "sqlite://"))
Base.metadata.create_all(engine)
for table in (Author.__table__, Book.__table__):
    for c in table.columns:
        print(table.name, c.key, c.name, c.type, "NULL" if c.nullable else "NOT NULL",
              "PK" if c.primary_key else "", c.unique, c.index,
              [fk.target_fullname for fk in c.foreign_keys])
    print([(c["name"], c["nullable"]) for c in inspect(engine).get_columns(table.name)])
print(sorted(ix["name"] for ix in inspect(engine).get_indexes("author")
             if ix["name"].startswith("ix_")))
print(Author.code.key, Author.__table__.c.author_code is Author.__table__.c["author_code"])

with Session(engine) as session:
    author = Author(name="Ann", born=date(1980, 5, 17), code="A1")
    session.add(author)
    session.flush()
    session.add(Book(author_id=author.id, title="First"))
    session.commit()

with Session(engine) as session:
    author = session.scalars(select(Author)).one()
    print(author.id, author.name, author.bio, author.nickname, author.born, author.rating,
          author.active, author.balance, author.avatar, author.created, author.status,
          repr(author.legacy), author.loose, author.plain, author.code, author.big)
    book = session.scalars(select(Book)).one()
    print(book.id, book.author_id, book.editor_id, book.title, book.pages)
    author.status = Status.PUBLISHED
    author.avatar = b"\x00\x01"
    author.balance = Decimal("12.50")
    session.commit()
    print(session.execute(select(Author.status, Author.avatar, Author.balance)).one())
Base.metadata.drop_all(engine)
