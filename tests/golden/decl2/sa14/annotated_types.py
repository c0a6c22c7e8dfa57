# The 1.4 twin of ../annotated_types.py: what the Annotated[] types, the type_annotation_map and
# the mapped_column() templates of the 2.0 script amount to, spelled with Column(). Its output
# (from the real SQLAlchemy 1.4) is the expected output of both.
import datetime
import os
from decimal import Decimal

from sqlalchemy import BigInteger, Column, DateTime, ForeignKey, Integer, MetaData, Numeric
from sqlalchemy import String, create_engine, func, inspect, select
from sqlalchemy.orm import Session, declarative_base

Base = declarative_base(metadata=MetaData())


class Parent(Base):
    __tablename__ = "parent"

    id = Column(Integer, primary_key=True)
    name = Column(String(30), nullable=False)
    short_name = Column(String(30), nullable=False)
    long_name = Column(String(50), nullable=True)
    unknown_size = Column(String, nullable=False)
    amount = Column(Numeric(12, 4), nullable=False)
    views = Column(BigInteger, default=0, nullable=False)
    created_at = Column(DateTime, nullable=False, server_default=func.now())


class Child(Base):
    __tablename__ = "child"

    id = Column(Integer, ForeignKey("parent.id"), primary_key=True)
    nickname = Column(String(30), nullable=False)
    updated_at = Column(DateTime, nullable=False, server_default=func.now())


OtherBase = declarative_base()


class Note(OtherBase):
    __tablename__ = "note"

    id = Column(Integer, primary_key=True)
    text = Column(String(40), nullable=False)
    price = Column(Numeric(8, 2), nullable=True)


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
