"""Broken models fail with SQLAlchemy's own error at the line that declared them (or at first
use, where SQLAlchemy reports it there): each script runs under ormsh and under the real
SQLAlchemy 1.4 (/usr/bin/python3); the exception line and the script's traceback lines must
be the same. Cases with create_all also run on PostgreSQL (ORMSH_TEST_PG_URL).

usage: model_errors.py ORMSH CASE"""
import os
import re
import sys
import tempfile

from harness import Failure, Skip, check, main, run, run_oracle, text

HEAD = '''import os
from sqlalchemy import Column, Integer, String, ForeignKey, MetaData, Table, create_engine
from sqlalchemy.orm import declarative_base, relationship, Session, configure_mappers
engine = create_engine(os.environ.get('DATABASE_URL', 'sqlite://'))
Base = declarative_base()
'''

CASES = {
    'no_primary_key': ('''
class Tag(Base):
    __tablename__ = 'tag'
    name = Column(String(20))
''', False),
    'relationship_to_missing_class': ('''
class Author(Base):
    __tablename__ = 'author'
    id = Column(Integer, primary_key=True)
    books = relationship('Book')
Author()
''', False),
    'relationship_missing_class_configure': ('''
class Author(Base):
    __tablename__ = 'author'
    id = Column(Integer, primary_key=True)
    books = relationship('Nope', back_populates='author')
configure_mappers()
''', False),
    'foreign_key_missing_column': ('''
class Parent(Base):
    __tablename__ = 'hard_parent'
    id = Column(Integer, primary_key=True)
class Child(Base):
    __tablename__ = 'hard_child'
    id = Column(Integer, primary_key=True)
    parent_id = Column(Integer, ForeignKey('hard_parent.nope'))
Base.metadata.create_all(engine)
''', True),
    'foreign_key_missing_table': ('''
m = MetaData()
Table('hard_child2', m, Column('id', Integer, primary_key=True),
      Column('p', Integer, ForeignKey('no_such_table.id')))
m.create_all(engine)
''', True),
    'type_dialect_cannot_render': ('''
m = MetaData()
Table('hard_untyped', m, Column('id', Integer, primary_key=True), Column('v'))
m.create_all(engine)
''', True),
    'flask_model_no_primary_key': ('''
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = 'sqlite://'
db = SQLAlchemy(app)
class Note(db.Model):
    body = db.Column(db.String(50))
''', False),
}


def script_frames(err, path):
    return re.findall(r'File "%s", line (\d+)' % re.escape(path), err)


def compare(ormsh, name, env):
    body, _ = CASES[name]
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, name + '.py')
        with open(path, 'w') as f:
            f.write(HEAD + body)
        expected = run_oracle(path, cwd=d, env=env)
        actual = run(ormsh, path, cwd=d, env=env)
    exp_err, act_err = text(expected.stderr), text(actual.stderr)
    check(expected.returncode == 1, 'oracle did not fail: %r' % exp_err[-500:])
    check(actual.returncode == 1, 'ormsh exit %d: %r' % (actual.returncode, act_err[-500:]))
    exp_last = exp_err.rstrip('\n').split('\n')[-1]
    act_last = act_err.rstrip('\n').split('\n')[-1]
    check(exp_last == act_last, 'error line\n  expected %r\n  actual   %r' % (exp_last, act_last))
    check(script_frames(exp_err, path) == script_frames(act_err, path),
          'script lines in traceback: expected %s, actual %s' % (
              script_frames(exp_err, path), script_frames(act_err, path)))


def make_case(name):
    def case(ormsh):
        compare(ormsh, name, {})
        if CASES[name][1] and os.environ.get('ORMSH_TEST_PG_URL'):
            compare(ormsh, name, {'DATABASE_URL': os.environ['ORMSH_TEST_PG_URL']})
    return case


if __name__ == '__main__':
    sys.exit(main({name: make_case(name) for name in CASES}))
