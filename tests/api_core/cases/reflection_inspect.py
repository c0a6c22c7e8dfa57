# Reflection (Table(..., autoload_with=engine), MetaData.reflect) and inspect(engine).
import os
from sqlalchemy import (create_engine, MetaData, Table, Column, Integer, String, ForeignKey, UniqueConstraint,
                        Index, inspect, select, text)

engine = create_engine(os.environ.get('DATABASE_URL', 'sqlite://'))
md = MetaData()
authors = Table('ri_authors', md,
    Column('id', Integer, primary_key=True),
    Column('name', String(40), nullable=False),
    Column('email', String(80)),
    UniqueConstraint('name', 'email', name='uq_ri_author'),
)
books = Table('ri_books', md,
    Column('id', Integer, primary_key=True),
    Column('author_id', Integer, ForeignKey('ri_authors.id'), nullable=False),
    Column('title', String(100), index=True),
)
Index('ix_ri_books_author', books.c.author_id)
md.drop_all(engine)
md.create_all(engine)

insp = inspect(engine)
print(sorted(n for n in insp.get_table_names() if n.startswith('ri_')))
print([(c['name'], str(c['type']), c['nullable']) for c in insp.get_columns('ri_books')])
print(insp.get_pk_constraint('ri_authors')['constrained_columns'])
print([(u['name'], u['column_names']) for u in insp.get_unique_constraints('ri_authors')])
print(sorted((i['name'], i['column_names'], bool(i['unique'])) for i in insp.get_indexes('ri_books')))
fk = insp.get_foreign_keys('ri_books')[0]
print(fk['constrained_columns'], fk['referred_table'], fk['referred_columns'])

m2 = MetaData()
b2 = Table('ri_books', m2, autoload_with=engine)
print(sorted(m2.tables.keys()), [c.name for c in b2.c], b2.c.title.type.length)
print([fk.target_fullname for fk in b2.foreign_keys], b2.c.author_id.references(m2.tables['ri_authors'].c.id))
m3 = MetaData()
m3.reflect(bind=engine, only=['ri_authors'])
print(list(m3.tables.keys()))
with engine.begin() as conn:
    conn.execute(m2.tables['ri_authors'].insert(), name='ann', email='a@x')
    conn.execute(b2.insert(), [{'author_id': 1, 'title': 'one'}, {'author_id': 1, 'title': 'two'}])
with engine.connect() as conn:
    a = m2.tables['ri_authors']
    print(conn.execute(select(a.c.name, b2.c.title).select_from(b2.join(a)).order_by(b2.c.title)).fetchall())
    print(conn.execute(text('select count(*) from ri_books where author_id = :a'), {'a': 1}).scalar())
