# SQL through the logging module: with echo off, setting the "sqlalchemy.engine" logger to INFO
# logs every statement on the handlers of the logging configuration; WARNING stops it. (Flushes
# are left out: their echo label is not SQLAlchemy's yet, with or without logging.)
import logging
import os
import sys

from sqlalchemy import Column, Integer, String, create_engine, select
from sqlalchemy.orm import Session, declarative_base

logging.basicConfig(stream=sys.stdout, format="%(levelname)s %(name)s | %(message)s")
Base = declarative_base()


class Product(Base):
    __tablename__ = "product"
    id = Column(Integer, primary_key=True)
    name = Column(String(40))


engine = create_engine(os.environ.get("DATABASE_URL", "sqlite://"))
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([Product(name="tea"), Product(name="cake")])
    session.commit()
print("quiet so far")
logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)
with Session(engine) as session:
    print([p.name for p in session.query(Product).order_by(Product.name)])
    print(session.query(Product).filter_by(name="tea").one().id)
logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)
with Session(engine) as session:
    print(session.query(Product).get(1).name)
logging.getLogger("sqlalchemy").setLevel(logging.INFO)
with engine.connect() as conn:
    print(conn.execute(select(Product.id).where(Product.name == "cake")).scalar())
logging.disable(logging.INFO)
with engine.connect() as conn:
    print(conn.execute(select(Product.id)).all())
Base.metadata.drop_all(engine)
