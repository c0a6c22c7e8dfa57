"""Load on PostgreSQL: one ormsh process seeds 1,000,000 rows through the ORM, committing
every 10,000, while a second one keeps counting. The reader must only ever see whole
commits (multiples of 10,000, never decreasing) and both end with the full count. Reports
the seeding process's peak RSS (getrusage through wait4) and its RSS after several batches,
which must stay flat (the session keeps no reference to committed objects).

usage: load.py ORMSH seed_while_querying   (ORMSH_LOAD_ROWS=N for a smaller run)"""
import os
import subprocess
import sys
import tempfile
import time

from harness import Failure, Skip, check, main, pg_url, psql, sanitized, text

BATCH = 10000

SEEDER = '''
import sys
from sqlalchemy import create_engine, Column, Integer, String
from sqlalchemy.orm import declarative_base, Session
url, total, batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
engine = create_engine(url)
Base = declarative_base()
class Reading(Base):
    __tablename__ = 'load_reading'
    id = Column(Integer, primary_key=True)
    sensor = Column(String(20), nullable=False)
    value = Column(Integer, nullable=False)
Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)
print('ready', flush=True)

def rss_kb():
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith('VmRSS:'):
                return int(line.split()[1])

session = Session(engine)
for b in range(total // batch):
    session.add_all([Reading(sensor='s%d' % (i % 97), value=b * batch + i) for i in range(batch)])
    session.commit()
    if b in (4, total // batch // 2, total // batch - 1):
        print('rss after batch', b + 1, rss_kb(), flush=True)
print('seeded', session.query(Reading).count())
'''

READER = '''
import sys, time
from sqlalchemy import create_engine, text
url, total, batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
engine = create_engine(url)
seen, queries, last = [], 0, -1
deadline = time.time() + 600
while time.time() < deadline:
    with engine.connect() as conn:
        n = conn.execute(text('SELECT count(*) FROM load_reading')).scalar()
        s = conn.execute(text('SELECT count(DISTINCT sensor) FROM load_reading')).scalar()
    queries += 1
    if n % batch != 0:
        print('partial commit visible', n)
        sys.exit(1)
    if n < last:
        print('count went down', last, n)
        sys.exit(1)
    last = n
    if n == total:
        break
    time.sleep(0.05)
print('reader queries', queries, 'final count', last)
'''


def seed_while_querying(ormsh):
    url = pg_url()
    if sanitized():
        raise Skip('a load test: run on the release build')
    total = int(os.environ.get('ORMSH_LOAD_ROWS', '1000000'))
    with tempfile.TemporaryDirectory() as d:
        paths = {}
        for name, body in (('seeder', SEEDER), ('reader', READER)):
            paths[name] = os.path.join(d, name + '.py')
            with open(paths[name], 'w') as f:
                f.write(body)
        start = time.time()
        seeder = subprocess.Popen([ormsh, paths['seeder'], url, str(total), str(BATCH)],
                                  stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE)
        check(seeder.stdout.readline() == b'ready\n', 'seeder did not start')
        reader = subprocess.Popen([ormsh, paths['reader'], url, str(total), str(BATCH)],
                                  stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE)
        _, status, usage = os.wait4(seeder.pid, 0)
        seeder.returncode = os.waitstatus_to_exitcode(status)
        sout, serr = seeder.stdout.read(), seeder.stderr.read()
        seed_time = time.time() - start
        rout, rerr = reader.communicate(timeout=600)
    check(seeder.returncode == 0, 'seeder failed: %s' % text(serr)[-800:])
    check(reader.returncode == 0, 'reader failed: %s %s' % (text(rout), text(rerr)[-800:]))
    check(('seeded %d' % total) in text(sout), 'seeder: %r' % text(sout))
    check(('final count %d' % total) in text(rout), 'reader: %r' % text(rout))
    queries = int(text(rout).split('reader queries ')[1].split()[0])
    check(queries >= 3, 'the reader ran %d queries: it did not overlap the seeding' % queries)
    check(psql(url, 'SELECT count(*) FROM load_reading') == str(total), 'count in the database')
    rss = [int(line.split()[-1]) for line in text(sout).split('\n') if line.startswith('rss')]
    print(text(sout) + text(rout))
    print('seeded %d rows in %.1fs; seeder peak RSS %d MB (getrusage); RSS after batches: %s kB'
          % (total, seed_time, usage.ru_maxrss // 1024, rss))
    check(rss[-1] < rss[0] * 1.5 + 20000, 'seeder memory grows: %s kB' % rss)
    psql(url, 'DROP TABLE load_reading')


if __name__ == '__main__':
    sys.exit(main({'seed_while_querying': seed_while_querying}))
