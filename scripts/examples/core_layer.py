# The "SQL Abstraction Layer" pattern: MetaData(bind=engine), a reflected table, inserts with
# a connection, selects with .execute(), rows as tuples and as mappings, raw SQL strings.
import os
from sqlalchemy import create_engine, MetaData, Table, Column, Integer, String, text

engine = create_engine(os.environ.get('DATABASE_URL', 'sqlite://'))
key = 'INTEGER PRIMARY KEY' if engine.name == 'sqlite' else 'SERIAL PRIMARY KEY'
with engine.begin() as conn:
    conn.execute(text(f'CREATE TABLE example_core_users (id {key}, '
                      'name VARCHAR(50) UNIQUE, email VARCHAR(120) UNIQUE)'))

metadata = MetaData(bind=engine)
users = Table('example_core_users', metadata, autoload=True)
print([c.name for c in users.columns], users.primary_key.columns.keys())

con = engine.connect()
con.execute(users.insert(), name='admin', email='admin@localhost')
con.execute(users.insert(), [{'id': 2, 'name': 'guest', 'email': 'guest@localhost'},
                             {'id': 3, 'name': 'root', 'email': 'root@localhost'}])
print(users.select(users.c.id == 1).execute().first())
r = users.select(users.c.id == 1).execute().first()
print(r['name'], r.email, r[0], dict(r._mapping))
print(engine.execute('select * from example_core_users where id = ?' if engine.name == 'sqlite'
                     else 'select * from example_core_users where id = %s', 1).first())
print(con.execute(text('select name from example_core_users where id > :n order by id'), {'n': 1}).fetchall())
con.execute(users.update().where(users.c.name == 'guest').values(email='visitor@localhost'))
con.execute(users.delete().where(users.c.id == 3))
for row in con.execute(users.select().order_by(users.c.name)):
    print(row.id, row.name, row.email)
print(con.execute(users.select().where(users.c.email.like('%visitor%'))).scalar())
con.close()
metadata.drop_all()
