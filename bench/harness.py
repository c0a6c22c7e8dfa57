"""The yardstick's runner: runs each workload of issue 6 with a C/C++ baseline, ormsh and
Flask-SQLAlchemy side by side, checks what each one did, and prints median wall times, ratios
and peak RSS. bench/run.sh builds the binaries and starts PostgreSQL, then calls this.

usage: harness.py --build DIR [--pg-url URL] [--runs K] [--quick] [--only NAME]
                  [--check] [--no-sqlalchemy]
--check runs every workload once on small sizes and only verifies results (for ctest).
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
WORKLOADS = os.path.join(HERE, 'workloads')
SQLALCHEMY_PYTHON = '/usr/bin/python3'
AGE_MODULUS = 90
CATEGORIES = 1000
POSTS_PER_CATEGORY = 10


class WorkloadError(Exception):
    """A workload did the wrong thing: the bench stops and says what."""


class Measure:
    """One process run: wall seconds, CPU seconds (user + system), peak RSS in KB, output."""

    def __init__(self, seconds, cpu, rss_kb, stdout):
        self.seconds, self.cpu, self.rss_kb, self.stdout = seconds, cpu, rss_kb, stdout


RUNNER = None  # bench_runner in the build folder, set by main()

# A startup lasts a few milliseconds, where one descheduling moves the median of a handful of
# runs by half: it gets many more runs than the other workloads.
STARTUP_RUNS = 25


def run_process(argv, env=None):
    """Runs argv to completion through bench_runner, which measures it from a small parent."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile('r') as stats:
        code = subprocess.call([RUNNER, stats.name] + argv, stdout=out, stderr=err, env=env)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode(errors='replace')
        stderr = err.read().decode(errors='replace')
        figures = stats.read().split()
    if code != 0 or len(figures) != 3:
        raise WorkloadError('%s exited with %d:\n%s%s' % (' '.join(argv), code, stdout[-2000:],
                                                          stderr[-4000:]))
    return Measure(float(figures[0]), float(figures[1]), int(figures[2]), stdout)


def expect(actual, wanted, what):
    if actual != wanted:
        raise WorkloadError('%s: expected %r, got %r' % (what, wanted, actual))


def last_line(text):
    lines = text.strip().splitlines()
    return lines[-1] if lines else ''


# --- What each workload must leave behind or print ------------------------------------------

def users_checksum(n):
    """count, sum(age), sum(length(name)), sum(length(email)) of the seeded users."""
    names = sum(len('user%d' % i) for i in range(n))
    return (n, sum(i % AGE_MODULUS for i in range(n)), names, names + n * len('@example.com'))


USERS_CHECK_SQL = ('SELECT count(*), sum(age), sum(length(name)), sum(length(email)) '
                   'FROM bench_users')


def joined_checksum():
    posts = CATEGORIES * POSTS_PER_CATEGORY
    total = sum(p + len('post%d' % p) for p in range(1, posts + 1))
    return '%d %d %d' % (CATEGORIES, posts, total)


class Database:
    """One database the workloads run on: its URL for the scripts, how to query it for checks,
    and the argument the C baselines take."""

    def __init__(self, dialect, url, baseline_target, query):
        self.dialect, self.url, self.baseline_target, self._query = (
            dialect, url, baseline_target, query)

    def users_checksum(self):
        return tuple(int(v or 0) for v in self._query(USERS_CHECK_SQL))


def sqlite_database(path):
    def query(sql):
        out = subprocess.run(['sqlite3', '-batch', path, sql], check=True, capture_output=True,
                             text=True).stdout
        return last_line(out).split('|')
    return Database('sqlite', 'sqlite:///' + path, path, query)


def pg_database(url):
    def query(sql):
        out = subprocess.run(['psql', '-X', '-A', '-t', '-q', url, '-c', sql], check=True,
                             capture_output=True, text=True).stdout
        return last_line(out).split('|')
    return Database('postgresql', url, url, query)


# --- Workloads -------------------------------------------------------------------------------

class Workload:
    """A row of the table: commands per side, optional setup, and a check of each run.
    target is (kind, value): ('ratio', x) means ormsh/baseline <= x; ('rss_mb', x) means
    ormsh's peak RSS <= x MB; ('rss_of', name) means no higher than that workload's RSS."""

    def __init__(self, name, baseline_label, commands, check, target, env=None, setup=None,
                 runs=None):
        self.name, self.baseline_label, self.commands = name, baseline_label, commands
        self.check, self.target, self.env, self.setup, self.runs = check, target, env, setup, runs


def script(name):
    return os.path.join(WORKLOADS, name)


def build_workloads(opts, tmp):
    ormsh = os.path.join(opts.build, 'repl', 'shell', 'ormsh')
    exe = lambda name: os.path.join(opts.build, 'bench', name)  # noqa: E731
    n = opts.n
    memory_n = opts.memory_n
    databases = [sqlite_database(os.path.join(tmp, 'bench.db'))]
    if opts.pg_url:
        databases.append(pg_database(opts.pg_url))
    workloads = []

    def python_sides(argv_tail):
        return {'ormsh': [ormsh] + argv_tail, 'sqlalchemy': [SQLALCHEMY_PYTHON] + argv_tail}

    for db in databases:
        env = dict(os.environ, DATABASE_URL=db.url)
        is_sqlite = db.dialect == 'sqlite'

        def check_seed(side, measure, db=db, rows=n):
            expect(last_line(measure.stdout), 'seeded %d' % rows, side + ' output')
            expect(db.users_checksum(), users_checksum(rows), side + ' seeded rows')

        seed_baseline = ([exe('bench_sqlite_seed'), str(n), db.baseline_target] if is_sqlite
                         else [exe('bench_pg_copy_seed'), str(n), db.baseline_target])
        workloads.append(Workload(
            'seed/%s' % db.dialect, 'C insert' if is_sqlite else 'C COPY',
            dict(baseline=seed_baseline, **python_sides([script('seed.py'), str(n)])),
            check_seed, ('ratio', 1.5), env=env))

        load_sum = '%d %d' % (n, sum(i % AGE_MODULUS for i in range(n)))

        def check_load(side, measure, wanted=load_sum):
            expect(last_line(measure.stdout), wanted, side + ' rows and checksum')

        workloads.append(Workload(
            'load/%s' % db.dialect, 'C select',
            dict(baseline=[exe('bench_%s_load' % ('sqlite' if is_sqlite else 'pg')),
                           db.baseline_target], **python_sides([script('load.py')])),
            check_load, ('ratio', 3.0), env=env,
            setup=lambda seed=seed_baseline: run_process(seed)))

        joined_exe = exe('bench_%s_joinedload' % ('sqlite' if is_sqlite else 'pg'))

        def check_joined(side, measure):
            expect(last_line(measure.stdout), joined_checksum(), side + ' rows and checksum')

        def setup_joined(joined_exe=joined_exe, db=db, env=env):
            run_process([joined_exe, db.baseline_target, 'setup'])
            # Exactly one query: run each script once with the SQL logged and count SELECTs.
            echo_env = dict(env, BENCH_ECHO='1')
            sides = [('ormsh', [ormsh])]
            if opts.sqlalchemy:
                sides.append(('sqlalchemy', [SQLALCHEMY_PYTHON]))
            for side, prefix in sides:
                out = run_process(prefix + [script('joinedload.py')], env=echo_env).stdout
                selects = sum(1 for line in out.splitlines()
                              if re.search(r'(^|\bEngine )SELECT\b', line))
                expect(selects, 1, side + ' joinedload SELECT statements')

        workloads.append(Workload(
            'joinedload/%s' % db.dialect, 'C join',
            dict(baseline=[joined_exe, db.baseline_target],
                 **python_sides([script('joinedload.py')])),
            check_joined, ('ratio', 3.0), env=env, setup=setup_joined))

    def check_startup(side, measure):
        wanted = '1' if side == 'baseline' else "[(1, 'hello')]"
        expect(last_line(measure.stdout), wanted, side + ' output')

    workloads.append(Workload(
        'startup', 'sqlite3 shell',
        dict(baseline=['sqlite3', ':memory:', 'select 1'], **python_sides([script('startup.py')])),
        check_startup, ('ratio', 2.0), runs=STARTUP_RUNS))

    interp_dir = os.path.join(WORKLOADS, 'interp')
    for name in sorted(os.listdir(interp_dir)):
        if not name.endswith('.py'):
            continue
        path = os.path.join(interp_dir, name)
        wanted = {}

        def check_interp(side, measure, wanted=wanted):
            # python3's output is the expected one; ormsh must print exactly the same.
            if side == 'baseline':
                wanted.setdefault('out', measure.stdout)
            expect(measure.stdout, wanted.get('out'), side + ' output')

        workloads.append(Workload(
            'interp/' + name[:-3], 'python3',
            {'baseline': ['python3', path], 'ormsh': [ormsh, path]},
            check_interp, ('ratio', 1.0)))

    # Memory: the 100,000-row seed in one transaction, and 1,000,000 rows committed every
    # 10,000, whose peak must be no higher.
    sqlite_db = databases[0]
    env = dict(os.environ, DATABASE_URL=sqlite_db.url)
    for rows, every, target in ((n, None, ('rss_mb', 40)),
                                (memory_n, opts.commit_every, ('rss_of', 'memory/%d' % n))):
        tail = [str(rows)] + ([str(every)] if every else [])

        def check_memory(side, measure, rows=rows):
            expect(last_line(measure.stdout), 'seeded %d' % rows, side + ' output')
            expect(sqlite_db.users_checksum(), users_checksum(rows), side + ' seeded rows')

        sides = dict(baseline=[exe('bench_sqlite_seed'), str(rows), sqlite_db.baseline_target]
                     + ([str(every)] if every else []),
                     **python_sides([script('seed.py')] + tail))
        if rows > n and opts.quick:
            sides.pop('sqlalchemy')  # over a minute under Flask-SQLAlchemy; left out of --quick
        workloads.append(Workload('memory/%d' % rows, 'C insert', sides, check_memory, target,
                                  env=env, runs=1))
    return workloads


# --- Running and reporting -------------------------------------------------------------------

class Result:
    def __init__(self, workload):
        self.workload = workload
        self.seconds = {}
        self.cpu = {}
        self.rss_kb = {}
        self.notes = []


SIDES = ('baseline', 'ormsh', 'sqlalchemy')


def run_workload(workload, opts):
    result = Result(workload)
    sides = [s for s in SIDES if s in workload.commands]
    if 'sqlalchemy' in sides and not opts.sqlalchemy:
        sides.remove('sqlalchemy')
    if workload.setup:
        workload.setup()
    runs = 1 if opts.check else (workload.runs or opts.runs)
    times = {s: [] for s in sides}
    cpus = {s: [] for s in sides}
    peaks = {s: 0 for s in sides}
    # Interleave the sides run by run, so a busy moment on the machine hits them all alike.
    for _ in range(runs):
        for side in sides:
            measure = run_process(workload.commands[side], env=workload.env)
            workload.check(side, measure)
            times[side].append(measure.seconds)
            cpus[side].append(measure.cpu)
            peaks[side] = max(peaks[side], measure.rss_kb)
    for side in sides:
        result.seconds[side] = statistics.median(times[side])
        result.cpu[side] = statistics.median(cpus[side])
        result.rss_kb[side] = peaks[side]
    return result


def verdict(result, results):
    kind, value = result.workload.target
    secs, rss = result.seconds, result.rss_kb
    if kind == 'ratio':
        ratio = secs['ormsh'] / secs['baseline']
        return ('ok' if ratio <= value else 'SHORT') + ' (<=%.1fx)' % value
    if kind == 'rss_mb':
        return ('ok' if rss['ormsh'] <= value * 1024 else 'SHORT') + ' (<=%d MB)' % value
    other = results.get(value)
    if other is None:
        return '-'
    # A little slack for allocator noise; "flat" means it does not grow with N.
    flat = rss['ormsh'] <= other.rss_kb['ormsh'] * 1.05
    return ('ok' if flat else 'SHORT') + ' (flat)'


def fmt_secs(result, side):
    return '%.3f' % result.seconds[side] if side in result.seconds else '-'


def fmt_mb(result, side):
    return '%.0f' % (result.rss_kb[side] / 1024) if side in result.rss_kb else '-'


def fmt_ratio(a, b):
    return '%.2f' % (a / b) if a is not None and b else '-'


def print_table(results, opts):
    header = ('%-24s %-13s %8s %8s %8s %8s %8s %8s %7s %7s %7s  %s' % (
        'workload', 'baseline', 'base s', 'ormsh s', 'sqla s', 'ormsh/C', 'sqla/orm', 'cpu o/C',
        'base MB', 'orm MB', 'sqla MB', 'target'))
    print(header)
    print('-' * len(header))
    by_name = {r.workload.name: r for r in results}
    for r in results:
        secs = r.seconds
        print('%-24s %-13s %8s %8s %8s %8s %8s %8s %7s %7s %7s  %s' % (
            r.workload.name, r.workload.baseline_label, fmt_secs(r, 'baseline'),
            fmt_secs(r, 'ormsh'), fmt_secs(r, 'sqlalchemy'),
            fmt_ratio(secs.get('ormsh'), secs.get('baseline')),
            fmt_ratio(secs.get('sqlalchemy'), secs.get('ormsh')),
            fmt_ratio(r.cpu.get('ormsh'), r.cpu.get('baseline')),
            fmt_mb(r, 'baseline'), fmt_mb(r, 'ormsh'), fmt_mb(r, 'sqlalchemy'),
            verdict(r, by_name)))
    runs = 1 if opts.check else opts.runs
    print('\nmedian of %d run(s) per side (memory: 1 run, startup: %d); N=%d; whole-process wall time; '
          'cpu o/C = the same ratio\n'
          'in CPU seconds (user + system), steadier on a busy machine; MB = peak RSS; '
          'target: issue 6, judged on wall time' % (runs, STARTUP_RUNS, opts.n))
    if not opts.sqlalchemy:
        print('Flask-SQLAlchemy: skipped (%s)' % opts.sqlalchemy_note)
    if not opts.pg_url:
        print('PostgreSQL: skipped (no --pg-url)')


def sqlalchemy_available():
    if not os.path.exists(SQLALCHEMY_PYTHON):
        return False, SQLALCHEMY_PYTHON + ' not found'
    probe = subprocess.run([SQLALCHEMY_PYTHON, '-c', 'import flask_sqlalchemy'],
                           capture_output=True)
    if probe.returncode != 0:
        return False, 'python3-flask-sqlalchemy is not installed'
    return True, ''


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--build', required=True, help='build folder holding ormsh and bench/')
    parser.add_argument('--pg-url', default='', help='PostgreSQL database for the PG workloads')
    parser.add_argument('--runs', type=int, default=5)
    parser.add_argument('--quick', action='store_true', help='2 runs, no 1M-row SQLAlchemy seed')
    parser.add_argument('--only', default='', help='run workloads whose name contains this')
    parser.add_argument('--check', action='store_true', help='verify only, small sizes')
    parser.add_argument('--no-sqlalchemy', dest='sqlalchemy', action='store_false')
    opts = parser.parse_args()
    opts.n, opts.memory_n, opts.commit_every = 100000, 1000000, 10000
    if opts.quick:
        opts.runs = min(opts.runs, 2)
    if opts.check:
        opts.n, opts.memory_n, opts.commit_every = 2000, 5000, 1000
        opts.pg_url = opts.pg_url or os.environ.get('ORMSH_TEST_PG_URL', '')
    opts.sqlalchemy_note = '--no-sqlalchemy'
    if opts.sqlalchemy:
        opts.sqlalchemy, opts.sqlalchemy_note = sqlalchemy_available()
        if opts.sqlalchemy and opts.pg_url:
            probe = subprocess.run([SQLALCHEMY_PYTHON, '-c', 'import psycopg2'],
                                   capture_output=True)
            if probe.returncode != 0:
                print('note: python3-psycopg2 is missing; Flask-SQLAlchemy cannot reach '
                      'PostgreSQL', file=sys.stderr)
                return 1
    global RUNNER
    RUNNER = os.path.join(opts.build, 'bench', 'bench_runner')
    tmp = tempfile.mkdtemp(prefix='ormsh-bench.')
    try:
        results = []
        for workload in build_workloads(opts, tmp):
            if opts.only and opts.only not in workload.name:
                continue
            print('running %s ...' % workload.name, file=sys.stderr, flush=True)
            results.append(run_workload(workload, opts))
        if opts.check:
            print('%d workloads checked' % len(results))
        else:
            print_table(results, opts)
    except WorkloadError as e:
        print('bench: FAILED: %s' % e, file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
