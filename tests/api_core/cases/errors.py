# sqlalchemy.exc: the hierarchy, and the exceptions Core raises, caught by class.
import os
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, select, text, exc
from sqlalchemy.exc import (SQLAlchemyError, IntegrityError, DBAPIError, StatementError, DatabaseError,
                            OperationalError, ProgrammingError, InvalidRequestError, NoResultFound,
                            MultipleResultsFound, ArgumentError, NoSuchTableError, ResourceClosedError)

print(issubclass(IntegrityError, DatabaseError), issubclass(DatabaseError, DBAPIError),
      issubclass(DBAPIError, StatementError), issubclass(StatementError, SQLAlchemyError),
      issubclass(NoResultFound, InvalidRequestError), issubclass(SQLAlchemyError, Exception))
print(exc.NoResultFound is NoResultFound, exc.MultipleResultsFound is MultipleResultsFound)
print(IntegrityError.__name__, IntegrityError.__module__)

engine = create_engine(os.environ.get('DATABASE_URL', 'sqlite://'))
md = MetaData()
t = Table('err_items', md,
    Column('id', Integer, primary_key=True),
    Column('code', String(10), unique=True, nullable=False),
)
md.drop_all(engine)
md.create_all(engine)

with engine.connect() as conn:
    conn.execute(t.insert(), code='a')
    try:
        conn.execute(t.insert(), code='a')
    except IntegrityError as e:
        print('IntegrityError', type(e).__name__, isinstance(e, DBAPIError), e.statement is not None)
    try:
        conn.execute(t.insert(), code=None)
    except DBAPIError as e:
        print('null:', type(e).__name__)
    try:
        conn.execute(text('select nope from err_items'))
    except DBAPIError as e:
        print('bad column:', type(e).__name__ in ('OperationalError', 'ProgrammingError'))
    try:
        conn.execute(select(t.c.code).where(t.c.id == 99)).one()
    except NoResultFound as e:
        print(type(e).__name__, e)
    conn.execute(t.insert(), code='b')
    try:
        conn.execute(select(t.c.code)).one()
    except MultipleResultsFound as e:
        print(type(e).__name__, e)
    try:
        conn.execute(select(t.c.code)).scalar_one_or_none()
    except InvalidRequestError as e:
        print(type(e).__name__, e)
    r = conn.execute(t.insert(), code='c')
    try:
        r.fetchall()
    except ResourceClosedError as e:
        print(type(e).__name__, e)

try:
    Table('err_items', md, Column('id', Integer, primary_key=True))
except InvalidRequestError as e:
    print(type(e).__name__)
try:
    Table('err_missing', MetaData(), autoload_with=engine)
except NoSuchTableError as e:
    print(type(e).__name__, e)
try:
    create_engine('nosuchdb://')
except ArgumentError as e:
    print(type(e).__name__)
except SQLAlchemyError as e:
    print(type(e).__name__)
try:
    bool(t.c.id > 1)
except TypeError as e:
    print('TypeError', e)
