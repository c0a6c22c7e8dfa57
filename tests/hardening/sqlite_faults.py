"""SQLite reports the disk full (PRAGMA max_page_count) or the database file is read-only:
a clear OperationalError, nothing half-written, and the script carries on. Output is
compared with the real SQLAlchemy 1.4's (/usr/bin/python3). The read-only file is opened by
an unprivileged user (root ignores file modes): `nobody` through runuser when run as root.

usage: sqlite_faults.py ORMSH {disk_full|read_only}"""
import os
import shutil
import subprocess
import sys
import tempfile

from harness import Skip, check, main, run_oracle, text

DISK_FULL = '''
import sys
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError
e = create_engine('sqlite:///' + sys.argv[1])
with e.begin() as c:
    c.execute(text('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)'))
    c.execute(text("INSERT INTO t (v) VALUES ('before')"))
with e.connect() as c:
    c.execute(text('PRAGMA max_page_count = 8'))
    trans = c.begin()
    try:
        for i in range(1000):
            c.execute(text('INSERT INTO t (v) VALUES (:v)'), {'v': 'x' * 2000})
        trans.commit()
        print('no error')
    except OperationalError as ex:
        print('OperationalError', str(ex).split('\\n')[0])
        trans.rollback()
    print('rows', c.execute(text('SELECT count(*) FROM t')).scalar())
    print('integrity', c.execute(text('PRAGMA integrity_check')).scalar())
    with c.begin():
        c.execute(text("INSERT INTO t (v) VALUES ('small')"))
    print('rows', c.execute(text('SELECT count(*) FROM t')).scalar())
print('still usable', sum(range(10)))
'''

READ_ONLY = '''
import sys
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError
e = create_engine('sqlite:///' + sys.argv[1])
with e.connect() as c:
    print('rows', c.execute(text('SELECT count(*) FROM t')).scalar())
    trans = c.begin()
    try:
        c.execute(text("INSERT INTO t (v) VALUES ('new')"))
        trans.commit()
        print('no error')
    except OperationalError as ex:
        print('OperationalError', str(ex).split('\\n')[0])
        trans.rollback()
    print('rows', c.execute(text('SELECT count(*) FROM t')).scalar())
print('still usable', sum(range(10)))
'''


def write(d, name, body):
    path = os.path.join(d, name)
    with open(path, 'w') as f:
        f.write(body)
    return path


def same_as_oracle(ormsh, script, prepare, wrap=lambda cmd: cmd):
    outputs = []
    for runner in ('oracle', 'ormsh'):
        with tempfile.TemporaryDirectory() as d:
            os.chmod(d, 0o755)
            path = write(d, 'fault.py', script)
            os.chmod(path, 0o644)
            db = prepare(d)
            program = '/usr/bin/python3' if runner == 'oracle' else ormsh
            out = subprocess.run(wrap([program, path, db]), cwd=d, capture_output=True,
                                 stdin=subprocess.DEVNULL, timeout=120)
            check(out.returncode == 0, '%s exit %d: %s' % (runner, out.returncode,
                                                           text(out.stderr)[-800:]))
            outputs.append(text(out.stdout))
    print(outputs[1])
    check(outputs[0] == outputs[1], 'SQLAlchemy prints:\n%s\normsh prints:\n%s' % tuple(outputs))
    return outputs[1]


def disk_full(ormsh):
    run_oracle(os.devnull)  # skips without the oracle
    out = same_as_oracle(ormsh, DISK_FULL, lambda d: os.path.join(d, 'full.db'))
    check('OperationalError (sqlite3.OperationalError) database or disk is full' in out, out)


def read_only(ormsh):
    run_oracle(os.devnull)
    wrap = lambda cmd: cmd
    if os.getuid() == 0:
        if not shutil.which('runuser'):
            raise Skip('root without runuser')
        wrap = lambda cmd: ['runuser', '-u', 'nobody', '--'] + cmd

    def prepare(d):
        db = os.path.join(d, 'ro.db')
        import sqlite3
        con = sqlite3.connect(db)
        con.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)')
        con.execute("INSERT INTO t (v) VALUES ('a')")
        con.commit()
        con.close()
        os.chmod(db, 0o444)
        return db

    out = same_as_oracle(ormsh, READ_ONLY, prepare, wrap)
    check('OperationalError (sqlite3.OperationalError) attempt to write a readonly database' in out, out)


if __name__ == '__main__':
    sys.exit(main({'disk_full': disk_full, 'read_only': read_only}))
