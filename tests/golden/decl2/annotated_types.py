# Reusable column declarations in SQLAlchemy 2.0's declarative form: Annotated[] types looked
# up in a type_annotation_map (on the base, or in a registry(type_annotation_map=...) given to
# it), Annotated[] types carrying a whole mapped_column() that each use copies, the
# attribute's own mapped_column() taking precedence over it, and Optional[] around them.
# Twin of sa14/annotated_types.py, whose output from SQLAlchemy 1.4 this must print.
import datetime
import os
from decimal import Decimal
from typing import Annotated, Optional

from sqlalchemy import BigInteger, ForeignKey, MetaData, Numeric, String, create_engine, func
from sqlalchemy import inspect, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, registry

intpk = Annotated[int, mapped_column(primary_key=True)]
str30 = Annotated[str, 30]
str50 = Annotated[str, 50]
num_12_4 = Annotated[Decimal, 12]
bigint = Annotated[int, "big"]
required_name = Annotated[str, mapped_column(String(30), nullable=False)]
timestamp = Annotated[
    datetime.datetime,
    mapped_column(nullable=False, server_default=func.now()),
]


class Base(DeclarativeBase):
    metadata = MetaData()
    type_annotation_map = {
        str30: String(30),
        str50: String(50),
        num_12_4: Numeric(12, 4),
        bigint: BigInteger(),
    }


class Parent(Base):
    __tablename__ = "parent"

    id: Mapped[intpk]
    name: Mapped[required_name]
    short_name: Mapped[str30]
    long_name: Mapped[Optional[str50]]
    unknown_size: Mapped[Annotated[str, 99]]
    amount: Mapped[num_12_4]
    views: Mapped[bigint] = mapped_column(default=0)
    created_at: Mapped[timestamp]


class Child(Base):
    __tablename__ = "child"

    id: Mapped[intpk] = mapped_column(ForeignKey("parent.id"))
    nickname: Mapped[Optional[required_name]]
    updated_at: Mapped[Optional[timestamp]]


class OtherBase(DeclarativeBase):
    registry = registry(type_annotation_map={str: String(40), Decimal: Numeric(8, 2)})


class Note(OtherBase):
    __tablename__ = "note"

    id: Mapped[intpk]
    text: Mapped[str]
    price: Mapped[Optional[Decimal]]


print(Base.metadata is not OtherBase.metadata, OtherBase.metadata is OtherBase.registry.metadata)
engine = create_engine(os.environ.get("DATABASE_URL", "sqlite://"))
Base.metadata.create_all(engine)
OtherBase.metadata.create_all(engine)
for table in (Parent.__table__, Child.__table__, Note.__table__):
    for c in table.columns:
        print(table.name, c.name, c.type, "NULL" if c.nullable else "NOT NULL",
              "PK" if c.primary_key else "", c.server_default is not None,
              [fk.target_fullname for fk in c.foreign_keys])
    print([(c["name"], c["nullable"]) for c in inspect(engine).get_columns(table.name)])

with Session(engine) as session:
    session.add(Parent(id=1, name="p", short_name="s", unknown_size="u", amount=Decimal("1.5")))
    session.flush()
    session.add(Child(id=1, nickname="c"))
    session.add(Note(id=7, text="hello"))
    session.commit()
    parent = session.scalars(select(Parent)).one()
    print(parent.id, parent.name, parent.long_name, parent.amount, parent.views,
          parent.created_at is not None)
    child = session.get(Child, 1)
    print(child.id, child.nickname, child.updated_at is not None)
    print(session.get(Note, 7).text)
Base.metadata.drop_all(engine)
OtherBase.metadata.drop_all(engine)
