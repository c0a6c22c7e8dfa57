# Session.bulk_save_objects / bulk_insert_mappings / bulk_update_mappings: defaults and
# onupdate applied, objects kept out of the session, return_defaults, echo of each statement.
import os
from sqlalchemy import create_engine, Column, Integer, String, Boolean, DateTime, func
from sqlalchemy.orm import declarative_base, Session
B = declarative_base()
class P(B):
    __tablename__='p'
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    stock = Column(Integer, default=0)
    active = Column(Boolean, default=True)
    version = Column(Integer, onupdate=7)
e = create_engine(os.environ.get('DATABASE_URL', 'sqlite://'))
B.metadata.drop_all(e)
B.metadata.create_all(e)
e.echo = True  # flush and bulk statements as SQLAlchemy echoes them
s = Session(e)
objs = [P(name='a'), P(name='b', stock=3), P(name='c')]
s.bulk_save_objects(objs)
print(objs[0].id, objs[0] in s, len(s.new))
s.commit()
p = s.get(P, 1)
p.name = 'A'
s.bulk_save_objects([p, P(name='d')])
s.bulk_insert_mappings(P, [dict(name='x'), dict(name='y', stock=2, junk=1)])
s.bulk_update_mappings(P, [dict(id=2, stock=9), dict(id=3, name='C', stock=1)])
rd = [dict(name='z')]
s.bulk_insert_mappings(P, rd, return_defaults=True)
print(rd)
q = P(name='q')
s.bulk_save_objects([q], return_defaults=True)
print(q.id)
s.commit()
e.echo = False
print(s.query(P.id, P.name, P.stock, P.active, P.version).order_by(P.id).all())
