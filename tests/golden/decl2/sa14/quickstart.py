# The 1.4 twin of ../quickstart.py: the same models spelled with Column / declarative_base(),
# the types and NULL / NOT NULL that SQLAlchemy 2.0 derives from the Mapped[] annotations
# written out. Its output (from the real SQLAlchemy 1.4) is the expected output of both.
import os

from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy import String
from sqlalchemy import create_engine, inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.orm import declarative_base
from sqlalchemy.orm import relationship

Base = declarative_base()


class User(Base):
    __tablename__ = "user_account"

    id = Column(Integer, primary_key=True)
    name = Column(String(30), nullable=False)
    fullname = Column(String, nullable=True)

    addresses = relationship(
        "Address", back_populates="user", cascade="all, delete-orphan", uselist=True
    )

    def __repr__(self):
        return f"User(id={self.id!r}, name={self.name!r}, fullname={self.fullname!r})"


class Address(Base):
    __tablename__ = "address"

    id = Column(Integer, primary_key=True)
    email_address = Column(String, nullable=False)
    user_id = Column(Integer, ForeignKey("user_account.id"), nullable=False)

    user = relationship("User", back_populates="addresses", uselist=False)

    def __repr__(self):
        return f"Address(id={self.id!r}, email_address={self.email_address!r})"


engine = create_engine(os.environ.get("DATABASE_URL", "sqlite://"))
Base.metadata.create_all(engine)
print(Base.metadata is User.metadata, sorted(Base.metadata.tables))
for table in (User.__table__, Address.__table__):
    for c in table.columns:
        print(table.name, c.name, c.type, "NULL" if c.nullable else "NOT NULL",
              "PK" if c.primary_key else "", [fk.target_fullname for fk in c.foreign_keys])
    print([(c["name"], c["nullable"]) for c in inspect(engine).get_columns(table.name)])

with Session(engine) as session:
    spongebob = User(
        name="spongebob",
        fullname="Spongebob Squarepants",
        addresses=[Address(email_address="spongebob@sqlalchemy.org")],
    )
    sandy = User(
        name="sandy",
        fullname="Sandy Cheeks",
        addresses=[
            Address(email_address="sandy@sqlalchemy.org"),
            Address(email_address="sandy@squirrelpower.org"),
        ],
    )
    patrick = User(name="patrick", fullname="Patrick Star")
    session.add_all([spongebob, sandy, patrick])
    session.commit()

session = Session(engine)
stmt = select(User).where(User.name.in_(["spongebob", "sandy"])).order_by(User.id)
for user in session.scalars(stmt):
    print(user)

stmt = (
    select(Address)
    .join(User)
    .where(User.name == "sandy")
    .where(Address.email_address == "sandy@sqlalchemy.org")
)
sandy_address = session.scalars(stmt).one()
print(sandy_address, sandy_address.user)

stmt = select(User).where(User.name == "patrick")
patrick = session.scalars(stmt).one()
patrick.addresses.append(Address(email_address="patrickstar@sqlalchemy.org"))
sandy_address.email_address = "sandy_cheeks@sqlalchemy.org"
session.commit()

sandy = session.get(User, 2)
print(sandy.addresses)
sandy.addresses.remove(sandy_address)
session.flush()
session.delete(patrick)
session.commit()
print(session.scalars(select(Address).order_by(Address.id)).all())
session.close()
Base.metadata.drop_all(engine)
