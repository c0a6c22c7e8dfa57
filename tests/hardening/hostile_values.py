"""Hostile values and identifiers round-trip through every path on SQLite and PostgreSQL:
values with quotes, ';', '--', backslashes, NUL bytes and unicode; table and column names
with spaces, quotes and reserved words. The script's output is compared with the real
SQLAlchemy 1.4's (/usr/bin/python3, psycopg2 on PostgreSQL, which refuses NUL in text with
ValueError), and the SQL that echo=True logs is searched for every value: none may appear in
a statement's text, only in its parameter line.

usage: hostile_values.py ORMSH {sqlite|pg}"""
import os
import re
import sys
import tempfile

from harness import Failure, check, main, pg_url, run, run_oracle, text

VALUES = [
    "O'Reilly", 'say "hi"', "x'); DROP TABLE users; --", '-- not a comment', 'a;b;c',
    'back\\slash\\', "\\'; SELECT 1; --", 'ünïcødé ✓ 𝄞 日本語', 'tab\tnew\nline\r',
    '%s %(name)s ? :name $1', "''", '"', '\\', '\\x00', 'zero\0byte',
]

SCRIPT = r'''
import os, sys
from sqlalchemy import (Column, Integer, String, Table, MetaData, create_engine, select,
                        text, func, insert)
from sqlalchemy.orm import declarative_base, Session

VALUES = %(values)r
engine = create_engine(os.environ.get('DATABASE_URL', 'sqlite://'),
                       echo=bool(os.environ.get('HOSTILE_ECHO')))
Base = declarative_base()

class Weird(Base):
    __tablename__ = 'hostile "table" it\'s'
    id = Column(Integer, primary_key=True)
    order = Column('order', String(200))
    spaced = Column('my column', String(200))
    quoted = Column('quo"ted\'col', String(200))

core = Table('select', Base.metadata, Column('id', Integer, primary_key=True),
             Column('from', String(200)), Column('where x', String(200)))

Base.metadata.drop_all(engine)
Base.metadata.create_all(engine)

def attempt(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, 'raised', type(e).__name__, str(e).split('\n')[0])

session = Session(engine)
for i, v in enumerate(VALUES):
    def flush():
        session.add(Weird(id=i + 1, order=v, spaced=v, quoted=v))
        session.commit()
        return 'ok'
    attempt('flush %%d' %% i, flush)
    session.rollback()
session.expunge_all()
for i, v in enumerate(VALUES):
    attempt('query %%d' %% i, lambda: [(w.id, w.order == v, w.spaced == v, w.quoted == v)
                                       for w in session.query(Weird).filter(Weird.order == v)])
    session.rollback()
    attempt('filter_by %%d' %% i, lambda: session.query(Weird).filter_by(spaced=v, quoted=v).count())
    session.rollback()
session.close()

for i, v in enumerate(VALUES):
    def core_path():
        with engine.begin() as conn:
            conn.execute(core.insert(), [{'id': i + 1, 'from': v, 'where x': v}])
        with engine.connect() as conn:
            row = conn.execute(select(core).where(core.c['from'] == v)).one()
            return row.id, row[1] == v, row[2] == v
    attempt('core %%d' %% i, core_path)
    def text_path():
        with engine.connect() as conn:
            got = conn.execute(text('SELECT "from", "where x" FROM "select" WHERE "from" = :v '
                                    'AND "where x" = :w'), {'v': v, 'w': v}).all()
            same = conn.execute(text('SELECT :v'), {'v': v}).scalar() == v
            return len(got), all(r[0] == v and r[1] == v for r in got), same
    attempt('text %%d' %% i, text_path)
with engine.connect() as conn:
    print('rows', conn.execute(select(func.count()).select_from(core)).scalar(),
          conn.execute(select(func.count()).select_from(Weird.__table__)).scalar())
Base.metadata.drop_all(engine)
'''


def check_dialect(ormsh, env):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, 'hostile.py')
        with open(path, 'w', encoding='utf-8') as f:
            f.write(SCRIPT % {'values': VALUES})
        expected = run_oracle(path, cwd=d, env=env)
        actual = run(ormsh, path, cwd=d, env=env)
        check(expected.returncode == 0, 'oracle failed: %r' % text(expected.stderr)[-800:])
        check(actual.returncode == 0, 'ormsh exit %d: %r' % (actual.returncode,
                                                              text(actual.stderr)[-800:]))
        exp, act = text(expected.stdout).splitlines(), text(actual.stdout).splitlines()
        for i in range(max(len(exp), len(act))):
            e = exp[i] if i < len(exp) else '<end>'
            a = act[i] if i < len(act) else '<end>'
            check(e == a, 'line %d\n  expected %r\n  actual   %r' % (i + 1, e, a))
        # Again with echo: no value may appear in a statement's text.
        echoed = run(ormsh, path, cwd=d, env=dict(env, HOSTILE_ECHO='1'))
        check(echoed.returncode == 0, 'echo run failed: %r' % text(echoed.stderr)[-500:])
    statements = []
    current = None
    for line in text(echoed.stdout).split('\n'):
        m = re.match(r'^\S+ \S+ INFO sqlalchemy\.engine\.Engine (.*)$', line)
        if m:
            current = m.group(1)
            is_params = re.match(r'^\[(generated|cached|raw|no key|dialect|insertmanyvalues)', current)
            if not is_params:
                statements.append(current)
            else:
                current = None
        elif current is not None and statements:
            statements[-1] += '\n' + line  # a statement spanning lines
    check(len(statements) > 50, 'only %d echoed statements' % len(statements))
    markers = [v for v in VALUES if len(v) > 2]
    for stmt in statements:
        for v in markers:
            check(v not in stmt, 'value %r appears in statement text: %r' % (v, stmt[:300]))
    print('%d statements checked' % len(statements))


def sqlite(ormsh):
    check_dialect(ormsh, {})


def pg(ormsh):
    check_dialect(ormsh, {'DATABASE_URL': pg_url()})


if __name__ == '__main__':
    sys.exit(main({'sqlite': sqlite, 'pg': pg}))
