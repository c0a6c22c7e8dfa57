# The hooks with plain SQLAlchemy (declarative_base, Session): a declared_attr column and a
# propagating before_update listener on a mixin, @validates on two columns, a hybrid_property in
# order_by, filter_by and query columns.
import os
from sqlalchemy import create_engine, Column, Integer, String, event
from sqlalchemy.orm import declarative_base, Session, validates, declared_attr
from sqlalchemy.ext.hybrid import hybrid_property

Base = declarative_base()


class TimestampMixin:
    @declared_attr
    def version(cls):
        return Column(Integer, default=1)


class Person(TimestampMixin, Base):
    __tablename__ = "person"
    id = Column(Integer, primary_key=True)
    first = Column(String(20))
    last = Column(String(20))

    @hybrid_property
    def full(self):
        return self.first + " " + self.last

    @validates("first", "last")
    def strip(self, key, value):
        return value.strip()


@event.listens_for(TimestampMixin, "before_update", propagate=True)
def bump(mapper, connection, target):
    target.version += 1


engine = create_engine(os.environ.get("DATABASE_URL", "sqlite://"))
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([Person(first=" ann ", last="lee"), Person(first="bob", last=" ray")])
    s.commit()
    print([p.full for p in s.query(Person).order_by(Person.full)])
    p = s.query(Person).filter_by(full="ann lee").one()
    p.first = "anna "
    s.commit()
    print(p.full, p.version)
    print(s.query(Person.full).order_by(Person.full.desc()).all())
Base.metadata.drop_all(engine)
