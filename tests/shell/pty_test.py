#!/usr/bin/env python3
"""Drives the real ormsh binary in a pseudo-terminal (and, for batch mode, through pipes).

usage: pty_test.py ORMSH CASE

Each case is a function below. PostgreSQL cases read ORMSH_TEST_PG_URL and exit 77 (skipped)
without it. Every wait is bounded, so a hang fails.
"""
import os
import re
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pty_session import PtySession  # noqa: E402

SKIP = 77

MODEL_LINES = [
    'class User(db.Model):',
    '    id = db.Column(db.Integer, primary_key=True)',
    '    username = db.Column(db.String(50), unique=True)',
    '    email = db.Column(db.String(120))',
    "    posts = db.relationship('Post', backref='author')",
    '',
    'class Post(db.Model):',
    '    id = db.Column(db.Integer, primary_key=True)',
    '    title = db.Column(db.String(80))',
    "    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))",
    '',
]


class Case:
    def __init__(self, ormsh):
        self.ormsh = ormsh
        self.tmp = tempfile.mkdtemp(prefix='ormsh_pty_')
        self.env = dict(os.environ, TERM='xterm', HOME=self.tmp,
                        ORMSH_HISTORY=os.path.join(self.tmp, 'history'))
        self.env.pop('DATABASE_URL', None)
        self.sessions = []

    def shell(self, *args, env=None):
        s = PtySession([self.ormsh, '-q', *args], env=env or self.env, cwd=self.tmp)
        self.sessions.append(s)
        s.prompt()
        return s

    def batch(self, *args, stdin=None, env=None):
        return subprocess.run([self.ormsh, *args], input=stdin, capture_output=True, text=True,
                              env=env or self.env, cwd=self.tmp, timeout=60)

    def declare_models(self, s):
        for line in MODEL_LINES:
            s.sendline(line)
            s.expect(r'(\.\.\.|>>>) $')
        s.run('db.create_all()')

    def close(self):
        for s in self.sessions:
            if s.exit_status is None:
                s.kill()


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def check_in(needle, haystack):
    check(needle in haystack, 'expected %r in:\n%s' % (needle, haystack))


# ---- interactive --------------------------------------------------------------------------

def case_interactive(c):
    s = c.shell()
    c.declare_models(s)
    out = s.run("db.session.add(User(username='ann', email=''))")
    check(s.text().endswith('(uncommitted) >>> '), 'prompt should show uncommitted changes')
    s.run('db.session.commit()')
    check(s.text().endswith('\n>>> '), 'prompt should be plain after commit')
    out = s.run('User.query.first().username')
    check_in("'ann'", out)
    out = s.run('_')
    check_in("'ann'", out)
    # A misspelt attribute suggests the right one; the shell goes on.
    out = s.run('User.query.first().usrname')
    check_in("Did you mean: 'username'?", out)
    # A failed flush: the prompt and a hint say to roll back.
    out = s.run("db.session.add(User(username='ann')); db.session.commit()")
    check_in('IntegrityError', out)
    check_in('db.session.rollback()', out)
    check(s.text().endswith('(rollback needed) >>> '), 'prompt should ask for a rollback')
    s.run('db.session.rollback()')
    # A pasted block (several lines in one write) runs exactly as typed.
    s.send('for n in range(2):\r    print("line", n)\r\r')
    s.expect(r'line 0\s+line 1')
    s.prompt()
    # The same with the terminal's bracketed-paste markers: readline hands over all lines at once.
    s.send('\x1b[200~for n in range(2):\r    print("pasted", n)\r\r\x1b[201~\r')
    s.expect(r'pasted 0\s+pasted 1')
    s.prompt()
    # Ctrl-C abandons the block being typed.
    s.sendline('if True:')
    s.expect(r'\.\.\. $')
    s.send('    x = 1\x03')
    s.expect('KeyboardInterrupt')
    s.prompt()
    out = s.run('x')
    check_in("NameError: name 'x' is not defined", out)
    # Leaving with uncommitted changes warns once, then leaves.
    s.run("db.session.add(User(username='bob'))")
    s.send('\x04')
    s.expect('uncommitted changes')
    s.prompt()
    s.send('\x04')
    check(s.wait() == 0, 'exit status should be 0')


def case_completion(c):
    s = c.shell()
    c.declare_models(s)
    s.run("db.session.add(User(username='ann')); db.session.commit()")
    s.run('user = User.query.first()')
    s.send('User.qu\t')
    s.expect('User.query')
    s.send('\x15')  # Ctrl-U: clear the line
    s.send('db.session.comm\t')
    s.expect(r'db\.session\.commit')
    s.send('\x15')
    s.send('User.__table__.c.em\t')
    s.expect(r'User\.__table__\.c\.email')
    s.send('\x15')
    s.send('user.usern\t')
    s.expect('user.username')
    s.send('\r')
    s.expect("'ann'")
    s.prompt()
    # The relationship names of the query's model inside a loader option's string.
    s.send("User.query.options(db.joinedload('po\t")
    s.expect(r"joinedload\('posts")
    s.send("')).all()[0].username\r")
    s.expect("'ann'")
    s.prompt()
    # Table names after a dot-command.
    s.send('.schema us\t')
    s.expect(r'\.schema user')
    s.send('\r')
    s.expect('CREATE TABLE user')
    s.prompt()


def case_history(c):
    s = c.shell()
    s.run('alpha = 1')
    s.run('alpha = 1')
    s.send('def f():\r    return alpha + 1\r\r')
    s.prompt()
    s.send('\x04')
    s.wait()
    path = c.env['ORMSH_HISTORY']
    mode = stat.S_IMODE(os.stat(path).st_mode)
    check(mode == 0o600, 'history mode is %o' % mode)
    with open(path) as f:
        entries = f.read().splitlines()
    check(entries == ['alpha = 1', 'def f():\\n    return alpha + 1'], 'entries: %r' % entries)
    # After a restart, Up recalls the block as one entry, and the one before it.
    s = c.shell()
    s.run('alpha = 41')
    s.send('\x1b[A\x1b[A')
    s.send('\r\r')
    s.prompt()
    out = s.run('f()')
    check_in('42', out)


def long_query_interrupt(c, args, sql):
    s = c.shell(*args)
    s.sendline('db.session.execute(db.text(%r)).scalar()' % sql)
    time.sleep(1.0)
    started = time.monotonic()
    s.send('\x03')
    s.expect('KeyboardInterrupt', timeout=5)
    elapsed = time.monotonic() - started
    check(elapsed < 1.5, 'interrupt took %.2f s' % elapsed)
    s.prompt()
    out = s.run('db.session.execute(db.text("SELECT 40 + 2")).scalar()')
    check_in('42', out)


def case_interrupt_sqlite(c):
    long_query_interrupt(c, [], 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) '
                                'SELECT count(*) FROM c')


def case_interrupt_pg(c):
    url = os.environ.get('ORMSH_TEST_PG_URL')
    if not url:
        print('ORMSH_TEST_PG_URL is not set: skipped')
        return SKIP
    long_query_interrupt(c, ['--db', url],
                         'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) '
                         'SELECT count(*) FROM c')


def case_echo_and_modes(c):
    s = c.shell()
    c.declare_models(s)
    s.run("db.session.add_all([User(username='ann', email=''), User(username='bob')])")
    s.run('db.session.commit()')
    s.run('.echo on')
    out = s.run('User.query.filter_by(username="bob").first().id')
    check(re.search(r'INFO sqlalchemy\.engine\.Engine SELECT user\.id', out), out)
    check_in("('bob', 1, 0)", out)
    s.run('.echo off')
    s.run('.mode table')
    out = s.run('User.query.order_by(User.id).all()')
    lines = [l for l in out.splitlines() if l.startswith('|')]
    check(lines[0].split() == ['|', 'id', '|', 'username', '|', 'email', '|'], out)
    check(re.search(r"\|\s+1 \| ann\s+\| ''\s+\|", out), 'empty string shown as two quotes:\n' + out)
    check(re.search(r'\|\s+2 \| bob\s+\| None\s+\|', out), 'None shown as None:\n' + out)
    check_in('(2 rows)', out)
    s.run('.mode csv')
    out = s.run('User.query.order_by(User.id).all()')
    check_in('id,username,email\n1,ann,""\n2,bob,\n', out)
    s.run('.mode json')
    out = s.run('User.query.order_by(User.id).all()')
    check_in('{"id": 2, "username": "bob", "email": null}', out)
    # Rows wider than the terminal are shown one record per block; .mode vertical always.
    s.run('.mode table')
    out = s.run("[{'column_%d' % i: 'value number %d' % i for i in range(12)}]")
    check(re.search(r'-\[ RECORD 1 \]-+\ncolumn_0\s+\| value number 0\n', out), out)
    s.run('.mode vertical')
    out = s.run('User.query.filter_by(username="bob").all()')
    check(re.search(r'-\[ RECORD 1 \]-+\nid\s+\| 2\nusername \| bob\nemail\s+\| None\n', out), out)
    s.run('.mode table')
    s.run("db.session.add_all([User(username='u%d' % i) for i in range(150)])")
    out = s.run('User.query.all()')
    check_in('... 52 more rows (152 in all)', out)


def make_sqlite_database(path):
    db = sqlite3.connect(path)
    db.executescript('''
        CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
        CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT,
                           author_id INTEGER REFERENCES author (id));
        INSERT INTO author VALUES (1, 'Ann'), (2, 'Ben');
        INSERT INTO book VALUES (1, 'First', 1), (2, 'Second', 1), (3, 'Third', 2);
    ''')
    db.commit()
    db.close()


def case_db_reflection(c):
    path = os.path.join(c.tmp, 'library.db')
    make_sqlite_database(path)
    s = c.shell('--db', 'sqlite:///' + path)
    out = s.run('book.query.get(3).author.name')
    check_in("'Ben'", out)
    out = s.run('[b.title for b in author.query.get(1).book_collection]')
    check_in("['First', 'Second']", out)
    out = s.run('sorted(Base.classes.keys())')
    check_in("['author', 'book']", out)
    out = s.run('.tables')
    check_in('author  book', out)
    out = s.run('.describe book')
    check_in('-> author.id', out)
    check_in('author', out.split('relationships:')[1])
    # .open rebinds db, session and the models to another database.
    other = os.path.join(c.tmp, 'other.db')
    db = sqlite3.connect(other)
    db.executescript('CREATE TABLE gadget (id INTEGER PRIMARY KEY, label TEXT);'
                     "INSERT INTO gadget VALUES (1, 'widget');")
    db.commit()
    db.close()
    out = s.run('.open sqlite:///' + other)
    check_in('models: gadget', out)
    check_in("'widget'", s.run('gadget.query.get(1).label'))
    check_in("name 'book' is not defined", s.run('book'))
    check_in('gadget', s.run('.tables'))
    # The same through DATABASE_URL, and on PostgreSQL when available.
    env = dict(c.env, DATABASE_URL='sqlite:///' + path)
    s = c.shell(env=env)
    check_in("'Ann'", s.run('author.query.get(1).name'))
    url = os.environ.get('ORMSH_TEST_PG_URL')
    if url:
        setup = ('from sqlalchemy import create_engine, text\n'
                 'e = create_engine(%r)\n'
                 'with e.begin() as conn:\n'
                 '    conn.execute(text("DROP TABLE IF EXISTS pty_book"))\n'
                 '    conn.execute(text("DROP TABLE IF EXISTS pty_author"))\n'
                 '    conn.execute(text("CREATE TABLE pty_author (id SERIAL PRIMARY KEY, name TEXT)"))\n'
                 '    conn.execute(text("CREATE TABLE pty_book (id SERIAL PRIMARY KEY, title TEXT, '
                 'pty_author_id INTEGER REFERENCES pty_author (id))"))\n'
                 '    conn.execute(text("INSERT INTO pty_author (name) VALUES (\'Pat\')"))\n'
                 '    conn.execute(text("INSERT INTO pty_book (title, pty_author_id) VALUES (\'P1\', 1)"))\n'
                 % url)
        r = c.batch('-c', setup)
        check(r.returncode == 0, r.stderr)
        s = c.shell('--db', url)
        check_in("'Pat'", s.run('pty_book.query.first().pty_author.name'))
        c.close()  # its transaction would block the DROP below
        c.batch('-c', setup.split('    conn.execute(text("CREATE')[0])


def case_dot_commands(c):
    s = c.shell()
    out = s.run('.help')
    for name in ['.tables', '.schema', '.models', '.describe', '.echo', '.timer', '.mode',
                 '.open', '.read', '.sql', '.help', '.quit']:
        check_in(name, out)
    c.declare_models(s)
    check_in('User', s.run('.models'))
    out = s.run('.sql INSERT INTO user (username) VALUES (\'zed\')')
    check_in('1 row affected', out)
    out = s.run('.sql SELECT username FROM user')
    check_in("[('zed',)]", out)
    with open(os.path.join(c.tmp, 'more.py'), 'w') as f:
        f.write('answer = 6 * 7\nanswer\n')
    check_in('42', s.run('.read more.py'))
    s.run('.timer on')
    out = s.run('1 + 1')
    check(re.search(r'Run time: \d+\.\d{3} s', out), out)
    check_in('unknown command', s.run('.frobnicate'))
    s.sendline('.quit')
    s.expect('uncommitted changes')  # the .sql INSERT is not committed
    s.prompt()
    s.sendline('.quit')
    check(s.wait() == 0, 'exit status')


def sandbox_round_trip(c, url, count_rows):
    before = count_rows()
    s = c.shell('--sandbox', '--db', url)
    check(s.text().endswith('(sandbox) >>> '), 'prompt should say sandbox')
    s.run("db.session.add(author(name='Sandy')); db.session.commit()")
    out = s.run('author.query.count()')
    check_in(str(before + 1), out)
    # A failing statement inside the sandbox is undone alone.
    out = s.run("db.session.execute(db.text('SELECT * FROM no_such_table'))")
    check_in('no_such_table', out)
    s.run('db.session.rollback()')
    check_in(str(before + 1), s.run('author.query.count()'))
    s.send('\x04')
    check(s.wait() == 0, 'exit status')
    check(count_rows() == before, 'the sandbox kept a row')


def case_sandbox(c):
    path = os.path.join(c.tmp, 'library.db')
    make_sqlite_database(path)
    sandbox_round_trip(c, 'sqlite:///' + path, lambda: sqlite3.connect(path).execute(
        'SELECT count(*) FROM author').fetchone()[0])
    url = os.environ.get('ORMSH_TEST_PG_URL')
    if url:
        ddl = ('from sqlalchemy import create_engine, text\n'
               'e = create_engine(%r)\n'
               'with e.begin() as conn:\n'
               '    conn.execute(text("DROP TABLE IF EXISTS author"))\n'
               '    conn.execute(text("CREATE TABLE author (id SERIAL PRIMARY KEY, name TEXT)"))\n'
               % url)
        r = c.batch('-c', ddl)
        check(r.returncode == 0, r.stderr)

        def count():
            r = c.batch('--db', url, '-c', 'print(author.query.count())')
            return int(r.stdout)
        try:
            sandbox_round_trip(c, url, count)
        finally:
            c.close()
            c.batch('-c', ddl.split('    conn.execute(text("CREATE')[0])


# ---- batch ----------------------------------------------------------------------------------

def case_batch(c):
    r = c.batch('-c', 'import sys; print(sys.argv)', 'a', 'b')
    check(r.returncode == 0 and r.stdout == "['-c', 'a', 'b']\n", repr(r))
    r = c.batch('-c', 'raise ValueError("bad value")')
    check(r.returncode == 1, repr(r))
    check_in('Traceback (most recent call last)', r.stderr)
    check_in('ValueError: bad value', r.stderr)
    r = c.batch('-c', 'import sys; sys.exit(3)')
    check(r.returncode == 3, repr(r))
    r = c.batch('--no-such-option')
    check(r.returncode == 2 and 'usage:' in r.stderr, repr(r))
    r = c.batch('missing.py')
    check(r.returncode == 2 and "can't open file" in r.stderr, repr(r))
    r = c.batch('--version')
    check(r.returncode == 0 and r.stdout.startswith('ormsh '), repr(r))
    r = c.batch('--help')
    check(r.returncode == 0 and '--db URL' in r.stdout, repr(r))
    # A script ending with uncommitted changes commits nothing.
    path = os.path.join(c.tmp, 'seed.db')
    script = os.path.join(c.tmp, 'seed.py')
    with open(script, 'w') as f:
        f.write('import sys\n'
                'from flask import Flask\n'
                'from flask_sqlalchemy import SQLAlchemy\n'
                'app = Flask(__name__)\n'
                'app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///" + sys.argv[1]\n'
                'db = SQLAlchemy(app)\n'
                'class Item(db.Model):\n'
                '    id = db.Column(db.Integer, primary_key=True)\n'
                'db.create_all()\n'
                'db.session.add(Item()); db.session.commit()\n'
                'db.session.add(Item()); db.session.flush()\n'
                'print("done", sys.argv[2])\n')
    r = c.batch(script, path, 'x')
    check(r.returncode == 0 and r.stdout == 'done x\n', repr(r))
    count = sqlite3.connect(path).execute('SELECT count(*) FROM item').fetchone()[0]
    check(count == 1, 'uncommitted row was kept: %d rows' % count)
    # --echo prints the SQL; --db binds the reflected models for -c.
    r = c.batch('--echo', '--db', 'sqlite:///' + path, '-c', 'print(item.query.count())')
    check(r.returncode == 0, repr(r))
    check_in('INFO sqlalchemy.engine.Engine SELECT count(*)', r.stdout)
    check(r.stdout.endswith('\n1\n'), r.stdout)


def case_stdin_script(c):
    script = ('from sqlalchemy import create_engine, text\n'
              'e = create_engine("sqlite://")\n'
              'with e.connect() as conn:\n'
              '    print(conn.execute(text("SELECT 6 * 7")).scalar())\n'
              'undefined_name\n')
    r = c.batch(stdin=script)
    check(r.stdout == '42\n', repr(r))
    check(r.returncode == 1, repr(r))
    check_in('File "<stdin>", line 5', r.stderr)
    check_in("NameError: name 'undefined_name' is not defined", r.stderr)
    # -i after a piped script keeps going with its names.
    r = c.batch('-q', '-i', '-c', 'x = 20', stdin='x + 22\n')
    check(r.stdout == '42\n', repr(r))


CASES = {name[len('case_'):]: fn for name, fn in globals().items() if name.startswith('case_')}


def main():
    ormsh, name = sys.argv[1], sys.argv[2]
    c = Case(os.path.abspath(ormsh))
    try:
        result = CASES[name](c)
    finally:
        c.close()
    if result == SKIP:
        return SKIP
    print('ok')
    return 0


if __name__ == '__main__':
    sys.exit(main())
