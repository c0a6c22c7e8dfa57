# from_statement(): Query.from_statement(text(...)) and select(User).from_statement() over text
# and a compound select, the rows' columns matched to the entity's columns by name.
import os
from sqlalchemy import create_engine, Column, Integer, String, select, text, union_all
from sqlalchemy.orm import declarative_base, Session
engine = create_engine(os.environ.get('DATABASE_URL', 'sqlite://'))
Base = declarative_base()
class User(Base):
    __tablename__ = 'fs_users'
    id = Column(Integer, primary_key=True)
    name = Column(String(40))
    age = Column(Integer)
    def __repr__(self):
        return '<User %s>' % self.name
Base.metadata.create_all(engine)
s = Session(engine)
s.add_all([User(name=n, age=a) for n, a in [('ann', 30), ('bob', 20), ('cy', 40), ('dee', 20)]])
s.commit()
s.close()
engine.echo = True
print(s.query(User).from_statement(text('SELECT * FROM fs_users WHERE age = :a ORDER BY id').bindparams(a=20)).all())
print(s.query(User).from_statement(text('SELECT id, name, age FROM fs_users ORDER BY name DESC')).first())
u2 = union_all(select(User).where(User.age == 20), select(User).where(User.age == 40))
print(s.execute(select(User).from_statement(u2)).scalars().all())
print(s.scalars(select(User).from_statement(text('SELECT * FROM fs_users WHERE id > 2 ORDER BY id'))).all())
s.close()
