# Mapped[] annotations and mapped_column() in SQLAlchemy 2.0's declarative form: the SQL type
# from the Python type (int, str, float, bool, Decimal, bytes, date, datetime, an Enum class),
# NOT NULL unless Optional[...] / `X | None`, nullable= and primary_key= taking precedence, an
# explicit type winning over the annotation, annotation-only columns, a ForeignKey taking its
# type from the annotation, and defaults, server defaults, index and unique.
# Twin of sa14/annotated_columns.py, whose output from SQLAlchemy 1.4 this must print.
import datetime
import enum
import os
from datetime import date
from decimal import Decimal
from typing import Optional

from sqlalchemy import BigInteger, ForeignKey, String, Text, create_engine, inspect, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Status(enum.Enum):
    DRAFT = "draft"
    PUBLISHED = "published"


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    bio: Mapped[Optional[str]] = mapped_column(Text)
    nickname: Mapped[str | None] = mapped_column(String(20))
    born: Mapped[date]
    rating: Mapped[float] = mapped_column(default=0.5)
    active: Mapped[bool] = mapped_column(default=True)
    balance: Mapped[Decimal] = mapped_column(server_default="0")
    avatar: Mapped[Optional[bytes]]
    created: Mapped[datetime.datetime] = mapped_column(
        default=datetime.datetime(2024, 1, 2, 3, 4, 5))
    status: Mapped[Status] = mapped_column(default=Status.DRAFT)
    legacy: Mapped[Optional[str]] = mapped_column(String(10), nullable=False, default="")
    loose: Mapped[int] = mapped_column(nullable=True)
    plain = mapped_column(String(10))
    code: Mapped[str] = mapped_column("author_code", String(8), index=True)
    big: Mapped[Optional[int]] = mapped_column(BigInteger)


class Book(Base):
    __tablename__ = "book"

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))
    editor_id: Mapped[Optional[int]] = mapped_column(ForeignKey("author.id"))
    title: Mapped[str]
    pages: Mapped[int | None]


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
