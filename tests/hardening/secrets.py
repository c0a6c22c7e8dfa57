"""A password in a database URL is never printed: not by repr(engine) / str(engine), not in
the text of errors (a refused connection, an unknown database, a failing statement, an
uncaught traceback), not in what echo=True logs. Uses a closed loopback port and, when
ORMSH_TEST_PG_URL is set, the test server (trust authentication accepts any password).

usage: secrets.py ORMSH CASE"""
import os
import socket
import sys
import tempfile
from urllib.parse import urlsplit

from harness import check, main, pg_url, run, text

PASSWORD = 'Sup3r-S3cret_pw'


def closed_port():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port


SCRIPT = '''
import sys
from sqlalchemy import create_engine, text
url = sys.argv[1]
engine = create_engine(url, echo=True)
print(repr(engine))
print(str(engine))
print(repr(engine.url))
def attempt(label, fn):
    try:
        fn()
        print(label, 'ok')
    except Exception as e:
        print(label, type(e).__name__, e)
        print(label, repr(e))
attempt('select', lambda: engine.connect().execute(text('SELECT 1')).scalar())
attempt('bad sql', lambda: engine.connect().execute(text('SELECT * FROM no_such_table WHERE x = :p'), {'p': 'v'}))
engine.connect().execute(text('SELECT 1 FROM no_such_table'))
'''


def assert_hidden(ormsh, url, expect_connect):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, 'secret.py')
        with open(path, 'w') as f:
            f.write(SCRIPT)
        out = run(ormsh, path, args=[url], cwd=d)
    everything = text(out.stdout) + text(out.stderr)
    check(out.returncode == 1, 'exit %d: %r' % (out.returncode, everything[-500:]))
    check(PASSWORD not in everything, 'password printed:\n' + everything)
    check('***' in text(out.stdout).split('\n')[0], 'repr(engine) %r' % everything[:200])
    if expect_connect:
        check('select ok' in everything, 'no connection: %r' % everything[-500:])
        check('INFO sqlalchemy.engine.Engine' in everything, 'echo printed nothing')
    else:
        check('select OperationalError' in everything, 'no OperationalError: %r' % everything)
    print(everything[-300:])


def refused(ormsh):
    assert_hidden(ormsh, 'postgresql://scott:%s@127.0.0.1:%d/db' % (PASSWORD, closed_port()), False)


def unknown_database(ormsh):
    parts = urlsplit(pg_url())
    url = 'postgresql://%s:%s@%s/no_such_db_hardening' % (parts.username, PASSWORD, parts.netloc.split('@')[-1])
    assert_hidden(ormsh, url, False)


def connected(ormsh):
    parts = urlsplit(pg_url())
    url = 'postgresql://%s:%s@%s%s' % (parts.username, PASSWORD, parts.netloc.split('@')[-1], parts.path)
    assert_hidden(ormsh, url, True)


if __name__ == '__main__':
    sys.exit(main({'refused': refused, 'unknown_database': unknown_database,
                   'connected': connected}))
