"""SIGKILL while a 100,000-row transaction is being written and committed: afterwards the
database holds all of that transaction or none of it, and every earlier commit. The kill
lands at several moments (during the inserts, around the commit); each trial is checked with
the database's own client (Python's sqlite3 module, psql).

usage: sigkill.py ORMSH {sqlite|pg}"""
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

from harness import Failure, check, main, pg_url, psql, text

BIG = 100000
SCRIPT = '''
import sys
from sqlalchemy import create_engine, Table, Column, Integer, String, MetaData
from sqlalchemy.orm import Session
url, marker, table, orm = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == 'orm'
e = create_engine(url)
m = MetaData()
t = Table(table, m, Column('id', Integer, primary_key=True), Column('batch', Integer),
          Column('v', String(50)))
m.drop_all(e)
m.create_all(e)
for b in range(3):
    with e.begin() as c:
        c.execute(t.insert(), [{'batch': b, 'v': 'row %%d' %% i} for i in range(1000)])
open(marker, 'w').close()
if orm:
    session = Session(e)
    for i in range(%(big)d):
        session.execute(t.insert().values(batch=99, v='big %%d' %% i))
    session.commit()
else:
    with e.begin() as c:
        c.execute(t.insert(), [{'batch': 99, 'v': 'big %%d' %% i} for i in range(%(big)d)])
print('committed')
''' % {'big': BIG}


def counts_sqlite(url, table):
    db = sqlite3.connect(url[len('sqlite:///'):])
    try:
        check(db.execute('PRAGMA integrity_check').fetchone()[0] == 'ok', 'integrity_check failed')
        return dict(db.execute('SELECT batch, count(*) FROM "%s" GROUP BY batch' % table).fetchall())
    finally:
        db.close()


def counts_pg(url, table):
    out = psql(url, 'SELECT batch, count(*) FROM "%s" GROUP BY batch' % table)
    return {int(b): int(n) for b, n in (line.split('|') for line in out.split('\n') if line)}


def trials(ormsh, url_for, counts, delays):
    outcomes = []
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, 'kill.py')
        with open(path, 'w') as f:
            f.write(SCRIPT)
        for n, (delay, mode) in enumerate(delays):
            url = url_for(d)
            table = 'killed_%d' % n
            marker = os.path.join(d, 'marker%d' % n)
            proc = subprocess.Popen([ormsh, path, url, marker, table, mode], stdin=subprocess.DEVNULL,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            deadline = time.time() + 120
            while not os.path.exists(marker):
                if proc.poll() is not None or time.time() > deadline:
                    proc.kill()
                    raise Failure('script failed before the big transaction: %r' % (proc.communicate(),))
                time.sleep(0.01)
            time.sleep(delay)
            finished = proc.poll() is not None
            proc.send_signal(signal.SIGKILL)
            proc.communicate()
            got = counts(url, table)
            big = got.pop(99, 0)
            check(got == {0: 1000, 1: 1000, 2: 1000}, 'trial %d: earlier commits %r' % (n, got))
            check(big in (0, BIG), 'trial %d (%s, kill after %.2fs): %d of %d rows of the killed '
                  'transaction' % (n, mode, delay, big, BIG))
            outcomes.append('%s kill after %.2fs%s: %s' % (mode, delay, ' (already done)' if finished else '',
                                                         'all' if big else 'none'))
    print('\n'.join(outcomes))


DELAYS = [(0.05, 'core'), (0.3, 'core'), (0.8, 'core'), (1.5, 'core'), (2.5, 'core'),
          (4.0, 'core'), (0.5, 'orm'), (2.0, 'orm')]


def sqlite(ormsh):
    trials(ormsh, lambda d: 'sqlite:///' + os.path.join(d, 'killed.db'), counts_sqlite, DELAYS)


def pg(ormsh):
    url = pg_url()
    trials(ormsh, lambda d: url, counts_pg, DELAYS)
    for n in range(len(DELAYS)):
        psql(url, 'DROP TABLE IF EXISTS killed_%d' % n)


if __name__ == '__main__':
    sys.exit(main({'sqlite': sqlite, 'pg': pg}))
