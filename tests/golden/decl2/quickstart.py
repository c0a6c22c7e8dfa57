# SQLAlchemy 2.0's ORM quick start: a DeclarativeBase, Mapped[] annotations with
# mapped_column() (types and NULL / NOT NULL from the annotation), relationship() typed by
# its annotation with back_populates, and 2.0-style select() with session.scalars().
# Twin of sa14/quickstart.py (Column / declarative_base), whose output this must print.
import os
from typing import List
from typing import Optional

from sqlalchemy import ForeignKey
from sqlalchemy import String
from sqlalchemy import create_engine, inspect, select
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import Session
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30))
    fullname: Mapped[Optional[str]]

    addresses: Mapped[List["Address"]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"User(id={self.id!r}, name={self.name!r}, fullname={self.fullname!r})"


class Address(Base):
    __tablename__ = "address"

    id: Mapped[int] = mapped_column(primary_key=True)
    email_address: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))

    user: Mapped["User"] = relationship(back_populates="addresses")

    def __repr__(self) -> str:
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
