# Rows and results: insert forms, executemany, Row access by index / name / attribute /
# _mapping, fetch methods, scalars, first / one / scalar, rowcount, joins and group by.
import os
from sqlalchemy import (create_engine, MetaData, Table, Column, Integer, String, ForeignKey, select, func,
                        and_, or_, desc, insert, update, delete)

engine = create_engine(os.environ.get('DATABASE_URL', 'sqlite://'))
md = MetaData()
people = Table('rr_people', md,
    Column('id', Integer, primary_key=True),
    Column('name', String(40), nullable=False),
    Column('city', String(40)),
    Column('age', Integer),
)
pets = Table('rr_pets', md,
    Column('id', Integer, primary_key=True),
    Column('owner_id', Integer, ForeignKey('rr_people.id')),
    Column('kind', String(20)),
)
md.drop_all(engine)
md.create_all(engine)

with engine.begin() as conn:
    r = conn.execute(people.insert(), [
        {'name': 'ann', 'city': 'oslo', 'age': 31},
        {'name': 'bob', 'city': 'rome', 'age': 25},
        {'name': 'cid', 'city': 'oslo', 'age': 47},
    ])
    print('rowcount', r.rowcount, r.returns_rows)
    r = conn.execute(insert(people).values(name='dee', city=None, age=19))
    print('pk', r.inserted_primary_key, tuple(r.inserted_primary_key))
    conn.execute(pets.insert(), [{'owner_id': 1, 'kind': 'cat'}, {'owner_id': 1, 'kind': 'dog'},
                                 {'owner_id': 3, 'kind': 'fish'}])

with engine.connect() as conn:
    row = conn.execute(select(people).where(people.c.name == 'ann')).first()
    print(row, len(row), row[1], row[-1], row[1:3], row.name, row['city'], row._mapping['age'])
    print(row == (1, 'ann', 'oslo', 31), row._fields, row._asdict(), list(row.keys()))
    print(row[people.c.name], 'ann' in row, tuple(row), list(row))
    id_, name, city, age = row
    print(id_, name, city, age)
    res = conn.execute(select(people.c.id, people.c.name).order_by(people.c.id))
    print(res.keys(), res.fetchone(), res.fetchmany(2), res.fetchall(), res.fetchone())
    print(conn.execute(select(people.c.name).order_by(desc(people.c.age))).scalars().all())
    print(conn.execute(select(func.count()).select_from(people)).scalar())
    print(conn.execute(select(func.count(people.c.id))).scalar_one())
    print(conn.execute(select(people.c.name).where(people.c.age > 100)).first())
    print(conn.execute(select(people.c.name).where(people.c.age > 100)).scalar())
    print(conn.execute(select(people.c.name).where(people.c.id == 2)).one())
    print(conn.execute(select(people.c.name).where(people.c.id == 99)).one_or_none())
    for city, n, oldest in conn.execute(select(people.c.city, func.count(people.c.id).label('n'), func.max(people.c.age))
                                        .where(people.c.city != None).group_by(people.c.city).order_by(people.c.city)):
        print(city, n, oldest)
    q = select(people.c.name, pets.c.kind).select_from(people.join(pets)).order_by(people.c.name, pets.c.kind)
    print(conn.execute(q).fetchall())
    q = (select(people.c.name, func.count(pets.c.id).label('pets'))
         .select_from(people.outerjoin(pets)).group_by(people.c.name).order_by(people.c.name))
    print([(r.name, r.pets) for r in conn.execute(q)])
    sub = select(pets.c.owner_id, func.count().label('n')).group_by(pets.c.owner_id).subquery()
    q = select(people.c.name, sub.c.n).join(sub, people.c.id == sub.c.owner_id).order_by(people.c.name)
    print(conn.execute(q).all())
    q = select(people.c.name).where(people.c.id.in_(select(pets.c.owner_id))).order_by(people.c.name)
    print(conn.execute(q).scalars().all())
    q = select(people.c.name).where(or_(people.c.age < 20, and_(people.c.city == 'oslo', people.c.age > 40)))
    print(sorted(conn.execute(q).scalars()))
    print(conn.execute(select(people.c.name).where(people.c.name.like('%n%')).order_by(people.c.name)).scalars().all())
    print(conn.execute(select(people.c.name).where(people.c.age.between(20, 35)).order_by(people.c.name)).scalars().all())
    print(conn.execute(select(people.c.name).order_by(people.c.id).limit(2).offset(1)).scalars().all())
    print([dict(m) for m in conn.execute(select(people.c.id, people.c.name).order_by(people.c.id).limit(2)).mappings()])
    print(conn.execute(select(people.c.name, (people.c.age + 1).label('next'))
                       .where(people.c.id == 1)).first())

with engine.begin() as conn:
    r = conn.execute(update(people).where(people.c.city == 'oslo').values(age=people.c.age + 1))
    print('updated', r.rowcount)
    r = conn.execute(people.update().where(people.c.name == 'bob'), {'city': 'milan'})
    print('updated', r.rowcount)
    r = conn.execute(delete(pets).where(pets.c.kind == 'fish'))
    print('deleted', r.rowcount)

with engine.connect() as conn:
    print(conn.execute(select(people).order_by(people.c.id)).fetchall())
    trans = conn.begin()
    conn.execute(people.insert(), {'name': 'eve', 'age': 50})
    trans.rollback()
    print(conn.execute(select(func.count()).select_from(people)).scalar())
    with conn.begin():
        conn.execute(people.insert(), name='fay', age=22)
    print(conn.execute(select(people.c.name).where(people.c.name == 'fay')).scalar())
