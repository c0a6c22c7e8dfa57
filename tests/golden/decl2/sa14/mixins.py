# The 1.4 twin of ../mixins.py: each mapped class's columns written out in the order
# SQLAlchemy 2.0 gives them (sort_order first, then the class's own, then its mixins' and
# abstract bases'). Its output (from the real SQLAlchemy 1.4) is the expected output of both.
import datetime
import os

from sqlalchemy import Column, DateTime, Integer, String, create_engine, inspect, select
from sqlalchemy.orm import Session, declarative_base

Base = declarative_base()


class Customer(Base):
    __tablename__ = "customer"

    id = Column(Integer, primary_key=True)
    name = Column(String(50), nullable=False)
    email = Column(String, nullable=True)
    created_at = Column(DateTime, default=datetime.datetime(2024, 1, 2, 3, 4, 5), nullable=False)
    updated_at = Column(DateTime, nullable=True)
    note = Column(String(40), nullable=True)
    cache = {}


class Supplier(Base):
    __tablename__ = "supplier"

    id = Column(Integer, primary_key=True)
    company = Column(String, nullable=False)
    note = Column(String(40), nullable=True)


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
