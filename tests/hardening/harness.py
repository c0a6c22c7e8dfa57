"""Shared helpers for the hardening tests: run the ormsh binary in batch mode with a timeout,
compare with the real SQLAlchemy (/usr/bin/python3), find or start PostgreSQL, and report.

Every test module is run as `python3 MODULE.py ORMSH CASE` by ctest; exit 0 passes, 1 fails,
77 skips (no PostgreSQL, no oracle)."""
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ORACLE = '/usr/bin/python3'


class Skip(Exception):
    pass


class Failure(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise Failure(msg)


def run(ormsh, script=None, code=None, args=(), cwd=None, env=None, timeout=120, stdin=None):
    """Runs ormsh on a script file (or -c code) and returns the CompletedProcess (bytes)."""
    full_env = dict(os.environ)
    full_env.pop('DATABASE_URL', None)
    full_env.update(env or {})
    cmd = [ormsh] + (['-c', code] if code is not None else [script] if script else []) + list(args)
    return subprocess.run(cmd, cwd=cwd, env=full_env, input=stdin,
                          stdin=None if stdin is not None else subprocess.DEVNULL,
                          capture_output=True, timeout=timeout)


def run_oracle(script, cwd=None, env=None, timeout=120):
    """Runs a script under the real Python + SQLAlchemy 1.4 (skips when it is not there)."""
    if not os.path.exists(ORACLE):
        raise Skip('no ' + ORACLE)
    probe = subprocess.run([ORACLE, '-c', 'import sqlalchemy'], capture_output=True)
    if probe.returncode != 0:
        raise Skip('no SQLAlchemy for ' + ORACLE)
    full_env = dict(os.environ)
    full_env.pop('DATABASE_URL', None)
    full_env.update(env or {})
    return subprocess.run([ORACLE, script], cwd=cwd, env=full_env, stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=timeout)


def sanitized():
    """True for the ASan+UBSan suite of scripts/test.sh (its frames are many times bigger and
    its code slower: the 100,000-deep recursion and the load test are for the release build)."""
    return 'ASAN_OPTIONS' in os.environ


def text(b):
    return b.decode('utf-8', 'replace')


def pg_url():
    url = os.environ.get('ORMSH_TEST_PG_URL')
    if not url:
        raise Skip('ORMSH_TEST_PG_URL is not set')
    return url


def psql(url, sql):
    """Runs SQL through psql (for setup and checks outside ormsh)."""
    out = subprocess.run(['psql', url, '-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-c', sql],
                         capture_output=True, timeout=60)
    if out.returncode != 0:
        raise Failure('psql failed: ' + text(out.stderr))
    return text(out.stdout).strip()


class PgCluster:
    """A throwaway PostgreSQL server (scripts/pg-cluster.sh) for tests that stop or kill it."""

    def __init__(self):
        if not shutil.which('initdb') and not any(
                os.path.exists('/usr/lib/postgresql/%s/bin/initdb' % v)
                for v in os.listdir('/usr/lib/postgresql') if os.path.isdir('/usr/lib/postgresql')):
            raise Skip('no PostgreSQL server binaries')
        self.dir = tempfile.mkdtemp(prefix='ormsh-hard-pg.')
        out = subprocess.run([os.path.join(ROOT, 'scripts/pg-cluster.sh'), 'start', self.dir],
                             capture_output=True, timeout=120)
        if out.returncode != 0:
            raise Failure('cannot start PostgreSQL: ' + text(out.stderr))
        self.url = text(out.stdout).strip()

    def pg_ctl(self, *args):
        bindir = sorted(d for d in os.listdir('/usr/lib/postgresql'))[-1]
        cmd = ['/usr/lib/postgresql/%s/bin/pg_ctl' % bindir, '-D', self.dir + '/data'] + list(args)
        if os.getuid() == 0:
            cmd = ['runuser', '-u', os.environ.get('ORMSH_PG_USER', 'postgres'), '--'] + cmd
        out = subprocess.run(cmd, capture_output=True, timeout=120)
        if out.returncode != 0:
            raise Failure('pg_ctl %s failed: %s' % (args, text(out.stderr)))

    def restart(self, mode='fast'):
        port = open(self.dir + '/port').read().strip()
        self.pg_ctl('-m', mode, '-w', 'stop')
        self.pg_ctl('-l', self.dir + '/server.log', '-w', '-t', '60', '-o',
                    '-c listen_addresses=127.0.0.1 -p %s -k %s' % (port, self.dir), 'start')

    def stop(self):
        subprocess.run([os.path.join(ROOT, 'scripts/pg-cluster.sh'), 'stop', self.dir],
                       capture_output=True, timeout=120)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def main(cases):
    """Dispatches `MODULE.py ORMSH CASE` to cases[CASE](ormsh)."""
    if len(sys.argv) != 3 or sys.argv[2] not in cases:
        print('usage: %s ORMSH {%s}' % (sys.argv[0], '|'.join(cases)))
        return 2
    ormsh = os.path.abspath(sys.argv[1])
    try:
        cases[sys.argv[2]](ormsh)
    except Skip as e:
        print('skipped:', e)
        return SKIP
    except Failure as e:
        print('FAILED:', e)
        return 1
    print('ok')
    return 0
