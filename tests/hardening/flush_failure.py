"""A flush whose 5,000th row violates a constraint leaves no row of that flush in the
database; the session then behaves as SQLAlchemy 1.4's does (PendingRollbackError until
rollback(), usable after). The script's output is compared with the real SQLAlchemy's
(/usr/bin/python3) on SQLite and on PostgreSQL.

usage: flush_failure.py ORMSH {sqlite|pg}"""
import os
import sys
import tempfile

from harness import check, main, pg_url, run, run_oracle, text

SCRIPT = '''
import os
from sqlalchemy import Column, Integer, String, create_engine, text
from sqlalchemy.orm import declarative_base, Session
engine = create_engine(os.environ.get('DATABASE_URL') or 'sqlite:///' + os.path.abspath('flush.db'))
Base = declarative_base()
class Member(Base):
    __tablename__ = 'flush_member'
    id = Column(Integer, primary_key=True)
    name = Column(String(40), unique=True, nullable=False)
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)

def first_line(e):
    return str(e).split('\\n')[0]

def attempt(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__, first_line(e))

session = Session(engine)
session.add(Member(name='committed'))
session.commit()
session.add_all([Member(name='m%d' % i) for i in range(4999)] + [Member(name='m17')])
try:
    session.commit()
except Exception as e:
    print('commit', type(e).__name__, type(e.orig).__name__ if hasattr(e, 'orig') else '')
attempt('query', lambda: session.query(Member).count())
def add_and_flush():
    session.add(Member(name='late'))
    session.flush()
attempt('flush', add_and_flush)
attempt('commit again', session.commit)
with engine.connect() as conn:
    print('rows seen by another connection', conn.execute(text('SELECT count(*) FROM flush_member')).scalar())
session.rollback()
attempt('count after rollback', lambda: session.query(Member).count())
session.add(Member(name='after'))
session.commit()
attempt('names', lambda: [m.name for m in session.query(Member).order_by(Member.id)])
session.close()
Base.metadata.drop_all(engine)
'''


def compare(ormsh, env):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, 'flush.py')
        with open(path, 'w') as f:
            f.write(SCRIPT)
        expected = run_oracle(path, cwd=d, env=env)
        os.path.exists(os.path.join(d, 'flush.db')) and os.remove(os.path.join(d, 'flush.db'))
        actual = run(ormsh, path, cwd=d, env=env)
    check(expected.returncode == 0, 'oracle failed: %s' % text(expected.stderr)[-800:])
    check(actual.returncode == 0, 'ormsh exit %d: %s' % (actual.returncode, text(actual.stderr)[-800:]))
    print(text(actual.stdout))
    check(text(expected.stdout) == text(actual.stdout),
          'SQLAlchemy prints:\n%s\normsh prints:\n%s' % (text(expected.stdout), text(actual.stdout)))


def sqlite(ormsh):
    compare(ormsh, {})


def pg(ormsh):
    compare(ormsh, {'DATABASE_URL': pg_url()})


if __name__ == '__main__':
    sys.exit(main({'sqlite': sqlite, 'pg': pg}))
