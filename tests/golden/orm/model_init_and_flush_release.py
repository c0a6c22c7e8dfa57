# Mapped constructors while classes change: __setattr__ or __init__ redefined after instances
# were made is honoured, and so is an invalid keyword. Objects only the session holds are freed
# by the flush that writes them (a later get() queries again); the ones the script keeps stay
# in the session's identity map.
import os
from sqlalchemy import create_engine, Column, Integer, String, event
from sqlalchemy.orm import declarative_base, Session

engine = create_engine(os.environ.get('DATABASE_URL', 'sqlite://'))
Base = declarative_base()


class Pet(Base):
    __tablename__ = 'mi_pet'
    id = Column(Integer, primary_key=True)
    name = Column(String(40))
    legs = Column(Integer)


Base.metadata.create_all(engine)
s = Session(engine)

pets = []
for i in range(3):
    if i == 1:
        def noisy_setattr(self, key, value):
            if not key.startswith('_'):
                print('setattr', key, value)
            object.__setattr__(self, key, value)
        Pet.__setattr__ = noisy_setattr
    if i == 2:
        del Pet.__setattr__
    pets.append(Pet(name=f'pet{i}', legs=i))
print([(p.name, p.legs) for p in pets])

original_init = Pet.__init__
for i in range(3):
    if i == 1:
        def counting_init(self, **kw):
            print('custom init', sorted(kw))
            kw['legs'] = kw.get('legs', 0) * 10
            original_init(self, **kw)
        Pet.__init__ = counting_init
    if i == 2:
        Pet.__init__ = original_init
    pets.append(Pet(name=f'later{i}', legs=i))
print([(p.name, p.legs) for p in pets[3:]])

for bad in ('nme', 'legs'):
    try:
        Pet(name='x', **{bad: 1})
        print('ok', bad)
    except TypeError as e:
        print('TypeError', e)

s.add_all(pets)
for i in range(5):
    s.add(Pet(name=f'dropped{i}', legs=4))
kept = Pet(name='kept', legs=2)
s.add(kept)
print(len(s.new))
s.flush()
print(len(s.new), kept in s, kept.id, sorted(p.id for p in pets))
# The rows change behind the session's back: an object it still maps keeps its values, one it
# dropped is loaded again with the new ones.
s.query(Pet).filter(Pet.legs < 10).update({'legs': Pet.legs + 40}, synchronize_session=False)
print(s.get(Pet, kept.id) is kept, kept.legs, s.get(Pet, pets[0].id) is pets[0], pets[0].legs)
again = s.get(Pet, 8)
print(again.name, again.legs, again in s)
print(s.query(Pet).filter(Pet.name.like('dropped%')).count())
first_id = pets[0].id
pets[0].legs = 99
del pets[0]
del again
print(len(s.dirty))
s.flush()
print(s.get(Pet, first_id).legs)
s.commit()
print(kept.name)

seen = []


@event.listens_for(s, 'after_flush_postexec')
def postexec(session, context):
    seen.append((len(session.new), len(session.dirty)))


watched = [Pet(name=f'watched{i}', legs=i) for i in range(3)]
s.add_all(watched)
for i in range(3):
    s.add(Pet(name=f'unwatched{i}', legs=i))
s.flush()
print(seen, [w in s for w in watched], [w.id for w in watched])
s.commit()
print(s.query(Pet).count())
