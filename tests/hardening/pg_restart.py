"""PostgreSQL restarted under a connected script (a throwaway server of its own): the next
statement raises OperationalError with the server's reason, the one after it reconnects and
works, and every committed row is still there. The same script runs under the real
SQLAlchemy 1.4 + psycopg2 against the same kind of restart; the outputs must match.

usage: pg_restart.py ORMSH session"""
import os
import subprocess
import sys
import tempfile
import time

from harness import (ORACLE, Failure, PgCluster, Skip, check, main, text)

SCRIPT = '''
import os, sys, time
from sqlalchemy import create_engine, text, Column, Integer, String
from sqlalchemy.orm import declarative_base, Session
url, flags = sys.argv[1], sys.argv[2]
engine = create_engine(url)
Base = declarative_base()
class Item(Base):
    __tablename__ = 'restart_item'
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
session = Session(engine)
session.add_all([Item(name='a%d' % i) for i in range(100)])
session.commit()
print('before', session.query(Item).count())
c1, c2 = engine.connect(), engine.connect()
print('pooled', c1.execute(text('SELECT 1')).scalar(), c2.execute(text('SELECT 2')).scalar())
c1.close()
c2.close()
sys.stdout.flush()
open(os.path.join(flags, 'ready'), 'w').close()
while not os.path.exists(os.path.join(flags, 'restarted')):
    time.sleep(0.05)

def attempt(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__, str(e).split('\\n')[0])

attempt('session first', lambda: session.query(Item).count())
attempt('session again', lambda: session.query(Item).count())
session.rollback()
attempt('session after rollback', lambda: session.query(Item).count())
def core():
    with engine.connect() as conn:
        return conn.execute(text('SELECT count(*) FROM restart_item')).scalar()
attempt('core first', core)
attempt('core again', core)
session.add(Item(name='after'))
session.commit()
attempt('final', lambda: session.query(Item).count())
'''


def run_with_restart(cmd, cluster, folder):
    flags = tempfile.mkdtemp(dir=folder)
    proc = subprocess.Popen(cmd + [cluster.url, flags], cwd=folder, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while not os.path.exists(os.path.join(flags, 'ready')):
        if proc.poll() is not None or time.time() > deadline:
            proc.kill()
            out, err = proc.communicate()
            raise Failure('script ended before the restart: %s %s' % (text(out), text(err)))
        time.sleep(0.05)
    cluster.restart('fast')
    open(os.path.join(flags, 'restarted'), 'w').close()
    out, err = proc.communicate(timeout=120)
    return proc.returncode, text(out), text(err)


def session(ormsh):
    if not os.path.exists('/usr/lib/postgresql'):
        raise Skip('no PostgreSQL server')
    with tempfile.TemporaryDirectory() as d, PgCluster() as cluster:
        path = os.path.join(d, 'restart.py')
        with open(path, 'w') as f:
            f.write(SCRIPT)
        rc, out, err = run_with_restart([ormsh, path], cluster, d)
        print(out)
        check(rc == 0, 'ormsh exit %d: %s' % (rc, err[-800:]))
        check('OperationalError' in out, 'no OperationalError after the restart')
        check('final 101' in out, 'rows lost or no reconnect')
        if os.path.exists(ORACLE):
            orc, oout, oerr = run_with_restart([ORACLE, path], cluster, d)
            check(orc == 0, 'oracle exit %d: %s' % (orc, oerr[-800:]))
            check(oout == out, 'SQLAlchemy prints:\n%s\normsh prints:\n%s' % (oout, out))


if __name__ == '__main__':
    sys.exit(main({'session': session}))
