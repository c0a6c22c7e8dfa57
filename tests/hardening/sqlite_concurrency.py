"""Two ormsh processes write the same SQLite file. While the first holds the write lock, the
second waits up to its busy timeout (?timeout= in the URL or connect_args={'timeout': ...}):
it succeeds once the lock is released within the timeout, else raises OperationalError
("database is locked"). Afterwards PRAGMA integrity_check is ok and every committed row is
there.

usage: sqlite_concurrency.py ORMSH CASE"""
import os
import subprocess
import sys
import tempfile
import time

from harness import Failure, check, main, run, text

SETUP = '''
import sys
from sqlalchemy import create_engine, text
e = create_engine('sqlite:///' + sys.argv[1])
with e.begin() as c:
    c.execute(text('CREATE TABLE t (id INTEGER PRIMARY KEY, who VARCHAR(20))'))
'''

HOLDER = '''
import os, sys, time
from sqlalchemy import create_engine, text
e = create_engine('sqlite:///' + sys.argv[1])
with e.connect() as c:
    trans = c.begin()
    for i in range(100):
        c.execute(text("INSERT INTO t (who) VALUES ('holder')"))
    open(sys.argv[2], 'w').close()
    time.sleep(float(sys.argv[3]))
    trans.commit()
print('holder committed')
'''

WRITER = '''
import sys, time
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError
path, how, timeout = sys.argv[1], sys.argv[2], sys.argv[3]
if how == 'url':
    e = create_engine('sqlite:///%s?timeout=%s' % (path, timeout))
else:
    e = create_engine('sqlite:///' + path, connect_args={'timeout': float(timeout)})
start = time.time()
try:
    with e.begin() as c:
        for i in range(10):
            c.execute(text("INSERT INTO t (who) VALUES ('writer')"))
    print('writer committed after %.1fs' % (time.time() - start))
except OperationalError as ex:
    print('writer OperationalError after %.1fs:' % (time.time() - start), str(ex).split('\\n')[0])
with e.connect() as c:
    print('integrity', c.execute(text('PRAGMA integrity_check')).scalar())
    print('rows', c.execute(text("SELECT who, count(*) FROM t GROUP BY who ORDER BY who")).all())
'''


def contend(ormsh, hold, timeout, how):
    with tempfile.TemporaryDirectory() as d:
        db = os.path.join(d, 'shared.db')
        scripts = {}
        for name, body in (('setup', SETUP), ('holder', HOLDER), ('writer', WRITER)):
            scripts[name] = os.path.join(d, name + '.py')
            with open(scripts[name], 'w') as f:
                f.write(body)
        check(run(ormsh, scripts['setup'], args=[db]).returncode == 0, 'setup failed')
        ready = os.path.join(d, 'ready')
        holder = subprocess.Popen([ormsh, scripts['holder'], db, ready, str(hold)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.time() + 60
        while not os.path.exists(ready):
            if holder.poll() is not None or time.time() > deadline:
                holder.kill()
                raise Failure('holder did not start: %r' % (holder.communicate(),))
            time.sleep(0.02)
        writer = run(ormsh, scripts['writer'], args=[db, how, str(timeout)], timeout=120)
        hout, herr = holder.communicate(timeout=120)
        check(holder.returncode == 0, 'holder failed: %s' % text(herr))
        check(writer.returncode == 0, 'writer failed: %s' % text(writer.stderr))
        check(text(hout) == 'holder committed\n', 'holder: %r' % text(hout))
        out = text(writer.stdout)
        print(out)
        check("integrity ok" in out, 'integrity_check: %r' % out)
        # After the writer finished, the file is consistent with both commits.
        final = run(ormsh, code="import sys\nfrom sqlalchemy import create_engine, text\n"
                    "e = create_engine('sqlite:///' + sys.argv[1])\n"
                    "print(e.connect().execute(text('PRAGMA integrity_check')).scalar())\n",
                    args=[db])
        check(text(final.stdout) == 'ok\n', 'final integrity %r' % text(final.stdout))
        return out


def waits_then_succeeds(ormsh):
    for how in ('url', 'connect_args'):
        out = contend(ormsh, hold=1.5, timeout=15, how=how)
        line = out.split('\n')[0]
        check(line.startswith('writer committed after'), how + ': ' + line)
        waited = float(line.split()[-1].rstrip('s'))
        check(waited >= 0.8, '%s: did not wait for the lock (%.1fs)' % (how, waited))
        check("rows [('holder', 100), ('writer', 10)]" in out, how + ': ' + out)


def times_out(ormsh):
    for how in ('url', 'connect_args'):
        out = contend(ormsh, hold=4, timeout=0.5, how=how)
        line = out.split('\n')[0]
        check(line.startswith('writer OperationalError') and
              line.endswith('(sqlite3.OperationalError) database is locked'), how + ': ' + line)
        waited = float(line.split()[3].rstrip('s:'))
        check(0.3 <= waited < 3.5, '%s: waited %.1fs for a 0.5 s timeout' % (how, waited))


if __name__ == '__main__':
    sys.exit(main({'waits_then_succeeds': waits_then_succeeds, 'times_out': times_out}))
