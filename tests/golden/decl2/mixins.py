# Mixins and abstract bases in SQLAlchemy 2.0's declarative form: Mapped[] columns of a mixin
# and of an __abstract__ base are copied into each mapped class, after the class's own columns
# (SQLAlchemy 2.0's order) unless mapped_column(sort_order=) puts them first; an Annotated
# primary key shared by the classes; __allow_unmapped__ letting plain annotations through.
# Twin of sa14/mixins.py, whose output from SQLAlchemy 1.4 this must print.
import datetime
import os
from typing import Annotated, Optional

from sqlalchemy import String, create_engine, inspect, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

intpk = Annotated[int, mapped_column(primary_key=True, sort_order=-10)]


class Base(DeclarativeBase):
    pass


class TimestampMixin:
    created_at: Mapped[datetime.datetime] = mapped_column(
        default=datetime.datetime(2024, 1, 2, 3, 4, 5))
    updated_at: Mapped[Optional[datetime.datetime]]


class Entity(Base):
    __abstract__ = True
    id: Mapped[intpk]
    note: Mapped[Optional[str]] = mapped_column(String(40))


class Customer(TimestampMixin, Entity):
    __tablename__ = "customer"
    __allow_unmapped__ = True

    name: Mapped[str] = mapped_column(String(50))
    email: Mapped[Optional[str]]
    cache: dict = {}


class Supplier(Entity):
    __tablename__ = "supplier"

    company: Mapped[str]


engine = create_engine(os.environ.get("DATABASE_URL", "sqlite://"))
Base.metadata.create_all(engine)
for cls in (Customer, Supplier):
    table = cls.__table__
    print(table.name, [(c.name, str(c.type), c.nullable, c.primary_key) for c in table.columns])
    print([(c["name"], c["nullable"]) for c in inspect(engine).get_columns(table.name)])
print(Customer.cache, Customer.__table__.c.id is not Supplier.__table__.c.id)

with Session(engine) as session:
    session.add_all([Customer(name="Ann", note="vip"), Supplier(company="Acme")])
    session.commit()
    ann = session.scalars(select(Customer)).one()
    print(ann.id, ann.name, ann.email, ann.note, ann.created_at, ann.updated_at)
    print(session.execute(select(Supplier.id, Supplier.company, Supplier.note)).all())
Base.metadata.drop_all(engine)
