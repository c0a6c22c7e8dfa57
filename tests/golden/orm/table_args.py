# __table_args__ with a UniqueConstraint, a CheckConstraint, an Index and a dict of options:
# the constraints reach the database and are enforced at flush.
import os
from sqlalchemy import (create_engine, Column, Integer, UniqueConstraint, CheckConstraint, Index,
                        inspect)
from sqlalchemy.orm import declarative_base, Session
from sqlalchemy.exc import IntegrityError

Base = declarative_base()


class Membership(Base):
    __tablename__ = 'ta_membership'
    __table_args__ = (UniqueConstraint('user_id', 'group_id', name='uq_ta_member'),
                      CheckConstraint('rank >= 0', name='ck_ta_rank'),
                      Index('ix_ta_member_rank', 'rank'),
                      {'sqlite_autoincrement': True})
    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, nullable=False)
    group_id = Column(Integer, nullable=False)
    rank = Column(Integer, default=0)


engine = create_engine(os.environ.get('DATABASE_URL', 'sqlite://'))
Base.metadata.create_all(engine)
print('ix_ta_member_rank' in [ix['name'] for ix in inspect(engine).get_indexes('ta_membership')])
s = Session(engine)
s.add(Membership(user_id=1, group_id=1))
s.commit()
for values in [dict(user_id=1, group_id=1), dict(user_id=2, group_id=1, rank=-1)]:
    s.add(Membership(**values))
    try:
        s.commit()
    except IntegrityError as ex:
        print(type(ex).__name__, str(ex.orig).splitlines()[0])
        s.rollback()
print(s.query(Membership).count())
s.close()
Base.metadata.drop_all(engine)
