# Mistakes in SQLAlchemy 2.0's declarative form and SQLAlchemy 2.0's words for them: a class
# without a primary key, a Python type with no SQL type in the type map, an SQL type inside
# Mapped[], an annotation that is not Mapped[] (allowed with __allow_unmapped__, or as a
# ClassVar), a missing __tablename__, a string annotation naming nothing, and relationship() /
# mapped_column() with neither an argument nor an annotation. The base stays usable after each. No twin: SQLAlchemy 1.4 cannot run this; the expected output is the text
# of SQLAlchemy 2.0's messages (see README.md).
from typing import ClassVar, List, Optional

from sqlalchemy import String, create_engine, select
from sqlalchemy.exc import ArgumentError, InvalidRequestError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


# Each case runs at module level (class names print as CPython prints them there).
print("no_primary_key")
try:
    class NoKey(Base):
        __tablename__ = "no_key"
        name: Mapped[str]
    print("mapped")
except (ArgumentError, InvalidRequestError) as error:
    print(type(error).__name__ + ":", error)


class Money:
    pass


print("unknown_type")
try:
    class Invoice(Base):
        __tablename__ = "invoice"
        id: Mapped[int] = mapped_column(primary_key=True)
        price: Mapped[Money]
    print("mapped")
except (ArgumentError, InvalidRequestError) as error:
    print(type(error).__name__ + ":", error)


print("sql_type_in_mapped")
try:
    class Label(Base):
        __tablename__ = "label"
        id: Mapped[int] = mapped_column(primary_key=True)
        text: Mapped[String]
    print("mapped")
except (ArgumentError, InvalidRequestError) as error:
    print(type(error).__name__ + ":", error)


print("plain_annotation")
try:
    class Legacy(Base):
        __tablename__ = "legacy"
        id: Mapped[int] = mapped_column(primary_key=True)
        notes: List["Legacy"] = relationship()
    print("mapped")
except (ArgumentError, InvalidRequestError) as error:
    print(type(error).__name__ + ":", error)


print("allowed_plain_annotation")
try:
    class Allowed(Base):
        __tablename__ = "allowed"
        __allow_unmapped__ = True
        id: Mapped[int] = mapped_column(primary_key=True)
        name: str = mapped_column(String(20))
        scratch: Optional[str]
        counter: ClassVar[int] = 0

    print([c.name for c in Allowed.__table__.columns], Allowed.counter)
    print("mapped")
except (ArgumentError, InvalidRequestError) as error:
    print(type(error).__name__ + ":", error)


print("no_tablename")
try:
    class NoName(Base):
        id: Mapped[int] = mapped_column(primary_key=True)
    print("mapped")
except (ArgumentError, InvalidRequestError) as error:
    print(type(error).__name__ + ":", error)


print("undefined_name")
try:
    class Broken(Base):
        __tablename__ = "broken"
        id: Mapped[int] = mapped_column(primary_key=True)
        when: "Mapped[datetime.date]"
    print("mapped")
except (ArgumentError, InvalidRequestError) as error:
    print(type(error).__name__ + ":", error)


print("relationship_without_target")
try:
    class Lonely(Base):
        __tablename__ = "lonely"
        id: Mapped[int] = mapped_column(primary_key=True)
        friend = relationship()
    print("mapped")
except (ArgumentError, InvalidRequestError) as error:
    print(type(error).__name__ + ":", error)


print("column_without_type")
try:
    class Blank(Base):
        __tablename__ = "blank"
        id: Mapped[int] = mapped_column(primary_key=True)
        data = mapped_column()
    print("mapped")
except (ArgumentError, InvalidRequestError) as error:
    print(type(error).__name__ + ":", error)


class Good(Base):
    __tablename__ = "good"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


engine = create_engine("sqlite://")
Good.__table__.create(engine)
with Session(engine) as session:
    session.add(Good(name="still works"))
    session.commit()
    print(session.scalars(select(Good.name)).all())
