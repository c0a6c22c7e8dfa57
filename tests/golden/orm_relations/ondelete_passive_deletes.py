# ForeignKey(ondelete=..., onupdate=...) reaches the database (read back from its catalog),
# and passive_deletes=True leaves unloaded children to the database's ON DELETE (SQLite with
# PRAGMA foreign_keys=ON), with echo of what the flush sends.
import os
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = os.environ.get('DATABASE_URL', 'sqlite://')
db = SQLAlchemy(app)


class Parent(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    children = db.relationship('Child', backref='parent', cascade='all, delete-orphan',
                               passive_deletes=True)
    pets = db.relationship('Pet', backref='owner', passive_deletes=True)


class Child(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    parent_id = db.Column(db.Integer, db.ForeignKey('parent.id', ondelete='CASCADE'))
    name = db.Column(db.String(20))


class Pet(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, db.ForeignKey('parent.id', ondelete='SET NULL'))
    name = db.Column(db.String(20))


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    child_id = db.Column(db.Integer, db.ForeignKey(Child.id, ondelete='CASCADE', onupdate='CASCADE'), nullable=False)


with app.app_context():
    db.create_all()
    # What the database was told: the ON DELETE / ON UPDATE rule of every foreign key.
    if db.engine.dialect.name == 'sqlite':
        for table in ('child', 'pet', 'note'):
            print(table, db.session.execute(db.text(
                'SELECT "from", "table", on_delete, on_update FROM pragma_foreign_key_list(:t)'),
                {'t': table}).all())
        db.session.commit()
        db.session.execute(db.text('PRAGMA foreign_keys=ON'))
    else:
        rows = db.session.execute(db.text(
            "SELECT kcu.table_name, kcu.column_name, rc.delete_rule, rc.update_rule "
            "FROM information_schema.referential_constraints rc "
            "JOIN information_schema.key_column_usage kcu "
            "ON kcu.constraint_name = rc.constraint_name "
            "ORDER BY kcu.table_name, kcu.column_name")).all()
        for row in rows:
            print(tuple(row))
        db.session.commit()
    p = Parent(name='p', children=[Child(name='a'), Child(name='b')], pets=[Pet(name='rex')])
    db.session.add(p)
    db.session.commit()
    db.session.add(Note(child_id=1))
    db.session.commit()
    # The flush's own statements echo as SQLAlchemy does on SQLite (PostgreSQL's pyformat echo
    # of flush statements is not matched yet).
    db.engine.echo = db.engine.dialect.name == 'sqlite'
    db.session.delete(p)
    db.session.commit()
    db.engine.echo = False
    print(Child.query.count(), Note.query.count(), [(x.name, x.owner_id) for x in Pet.query.all()])
