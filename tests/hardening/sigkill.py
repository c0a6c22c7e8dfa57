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

from harness import Failure, check, main, pg_url, psql, sanitized, text

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


def start(ormsh, path, url, marker, table, mode):
    proc = subprocess.Popen([ormsh, path, url, marker, table, mode], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while not os.path.exists(marker):
        if proc.poll() is not None or time.time() > deadline:
            proc.kill()
            raise Failure('script failed before the big transaction: %r' % (proc.communicate(),))
        time.sleep(0.005)
    return proc


def trials(ormsh, url_for, counts):
    """Times one full run per mode, then kills at fractions of that time, most of them near
    the end where the commit happens."""
    outcomes = []
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, 'kill.py')
        with open(path, 'w') as f:
            f.write(SCRIPT)
        n = 0
        for mode in ('core', 'orm'):
            url = url_for(d)
            proc = start(ormsh, path, url, os.path.join(d, 'timing-' + mode), 'killed_t', mode)
            began = time.time()
            out, err = proc.communicate(timeout=600)
            full = time.time() - began
            check(proc.returncode == 0 and out == b'committed\n', 'full run failed: %r' % err[-500:])
            # The sanitizer build is many times slower: two kills per mode there keep the
            # suite within its time; the release build tries them all.
            fractions = (0.5, 0.98) if sanitized() else (0.2, 0.5, 0.8, 0.9, 0.95, 0.98, 1.0, 1.05)
            for fraction in fractions:
                table = 'killed_%d' % n
                marker = os.path.join(d, 'marker%d' % n)
                proc = start(ormsh, path, url, marker, table, mode)
                time.sleep(full * fraction)
                finished = proc.poll() is not None
                proc.send_signal(signal.SIGKILL)
                proc.communicate()
                got = counts(url, table)
                big = got.pop(99, 0)
                check(got == {0: 1000, 1: 1000, 2: 1000}, '%s: earlier commits %r' % (table, got))
                check(big in (0, BIG), '%s (%s, killed at %.0f%% of %.2fs): %d of %d rows of the '
                      'killed transaction' % (table, mode, fraction * 100, full, big, BIG))
                outcomes.append('%s killed at %3.0f%% of %.2fs%s: %s' % (
                    mode, fraction * 100, full, ' (had finished)' if finished else '',
                    'all' if big else 'none'))
                n += 1
    print('\n'.join(outcomes))
    return n


def sqlite(ormsh):
    trials(ormsh, lambda d: 'sqlite:///' + os.path.join(d, 'killed.db'), counts_sqlite)


def pg(ormsh):
    url = pg_url()
    n = trials(ormsh, lambda d: url, counts_pg)
    for i in list(range(n)) + ['t']:
        psql(url, 'DROP TABLE IF EXISTS killed_%s' % i)


if __name__ == '__main__':
    sys.exit(main({'sqlite': sqlite, 'pg': pg}))
