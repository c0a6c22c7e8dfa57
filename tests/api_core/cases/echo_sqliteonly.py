# create_engine(echo=True): the log lines SQLAlchemy prints (timestamps and timings masked by
# the test runner).
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, select, text

engine = create_engine('sqlite://')
md = MetaData()
t = Table('echo_items', md, Column('id', Integer, primary_key=True), Column('name', String(20)))
md.create_all(engine)
# create_all's own PRAGMA checks are core/schema's business; echo what follows.
engine.echo = True
with engine.begin() as conn:
    conn.execute(t.insert(), {'name': 'a'})
    conn.execute(t.insert(), [{'name': 'b'}, {'name': 'c'}])
with engine.connect() as conn:
    print(conn.execute(select(t.c.name).where(t.c.id > 1).order_by(t.c.id)).fetchall())
    print(conn.execute(text('select count(*) from echo_items')).scalar())
