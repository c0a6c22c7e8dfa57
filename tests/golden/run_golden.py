#!/usr/bin/env python3
"""Runs one golden script through ormsh and compares its stdout with the expected file.

usage: run_golden.py ORMSH SCRIPT EXPECTED [--pg]

The script runs from its own folder, as `python3 SCRIPT` would. With --pg it runs against
the PostgreSQL server named by ORMSH_TEST_PG_URL (passed as DATABASE_URL), and the expected
file NAME.pg.out is used when it exists; without that variable the test is skipped (exit 77).
Each PostgreSQL run gets a database of its own (created and dropped with psql), so scripts
that leave tables behind or share table names cannot disturb each other.
"""
import os
import re
import subprocess
import sys
from contextlib import contextmanager


@contextmanager
def scratch_database(url, script):
    """Yields the URL of a new database on the server of `url`, dropped afterwards."""
    name = 'golden_%s_%d' % (re.sub(r'\W', '_', os.path.basename(script)[:-3]).lower(), os.getpid())

    def psql(sql):
        subprocess.run(['psql', '-X', '-q', '-d', url, '-c', sql], check=True,
                       stdout=subprocess.DEVNULL, timeout=60)
    psql('CREATE DATABASE %s' % name)
    try:
        scheme, rest = url.split('://', 1)
        yield scheme + '://' + re.sub(r'/[^/?]*', '/' + name, rest, count=1)
    finally:
        psql('DROP DATABASE IF EXISTS %s WITH (FORCE)' % name)


ECHO_VARYING = [
    (re.compile(r'^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} ', re.M), '<time> '),
    # Whether SQLAlchemy's statement cache hit depends on its cache keys, not on behaviour a
    # script can see; both labels compare equal.
    (re.compile(r'\[(generated in \d+\.\d+s|cached since \d+(\.\d+)?(e-?\d+)?s ago)\]'),
     '[<compiled>]'),
]


def normalized(text):
    """Masks what differs from run to run in create_engine(echo=True) lines: the log
    timestamp and the compile/cache timings."""
    for pattern, replacement in ECHO_VARYING:
        text = pattern.sub(replacement, text)
    return text


def run(ormsh, script, env):
    return subprocess.run([ormsh, os.path.basename(script)], cwd=os.path.dirname(script) or '.',
                          env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=120)


def main():
    args = [a for a in sys.argv[1:] if a != '--pg']
    pg = '--pg' in sys.argv[1:]
    ormsh, script, expected_path = (os.path.abspath(a) for a in args)
    env = dict(os.environ)
    env.pop('DATABASE_URL', None)
    if pg:
        url = os.environ.get('ORMSH_TEST_PG_URL')
        if not url:
            print('ORMSH_TEST_PG_URL is not set: skipped')
            return 77
        env['DATABASE_URL'] = url
        pg_expected = expected_path[:-len('.out')] + '.pg.out'
        if os.path.exists(pg_expected):
            expected_path = pg_expected
    with open(expected_path, encoding='utf-8') as f:
        expected = f.read()
    if pg:
        with scratch_database(env['DATABASE_URL'], script) as url:
            env['DATABASE_URL'] = url
            proc = run(ormsh, script, env)
    else:
        proc = run(ormsh, script, env)
    actual = normalized(proc.stdout.decode('utf-8', 'replace'))
    expected = normalized(expected)
    if proc.returncode != 0 or actual != expected:
        print('exit status:', proc.returncode)
        print('--- stderr ---')
        print(proc.stderr.decode('utf-8', 'replace')[-4000:])
        exp_lines, act_lines = expected.splitlines(), actual.splitlines()
        for i in range(max(len(exp_lines), len(act_lines))):
            e = exp_lines[i] if i < len(exp_lines) else '<end>'
            a = act_lines[i] if i < len(act_lines) else '<end>'
            if e != a:
                print('first difference at line %d:\n  expected: %r\n  actual:   %r' % (i + 1, e, a))
                break
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
