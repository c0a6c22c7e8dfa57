# Reading an unloaded collection flushes pending changes first (SQLAlchemy's lazy loader
# autoflushes), so a child added since the parent was loaded is in the collection.
import os
from sqlalchemy import create_engine, Column, Integer, String, ForeignKey
from sqlalchemy.orm import declarative_base, Session, relationship
B = declarative_base()
class U(B):
    __tablename__='u'
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    posts = relationship('P')
class P(B):
    __tablename__='p'
    id = Column(Integer, primary_key=True)
    uid = Column(ForeignKey('u.id'))
    title = Column(String(20))
e = create_engine(os.environ.get('DATABASE_URL', 'sqlite://'))
B.metadata.drop_all(e); B.metadata.create_all(e)
s = Session(e)
s.add_all([U(name='a'), U(name='b')]); s.commit()
e.echo = True
u = s.get(U, 2)
s.add(P(title='x', uid=2))
print([p.title for p in u.posts])
u.name = 'bb'
s.commit()
