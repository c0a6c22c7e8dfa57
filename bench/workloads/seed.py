# Workload 1 (seed) and 6 (memory): N users added through the session one by one, committed
# once, or every COMMIT_EVERY rows. Runs unchanged under ormsh and Flask-SQLAlchemy.
# usage: seed.py N [COMMIT_EVERY]   (database from DATABASE_URL)
import os
import sys
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

n = int(sys.argv[1])
commit_every = int(sys.argv[2]) if len(sys.argv) > 2 else 0

app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = os.environ['DATABASE_URL']
db = SQLAlchemy(app)


class User(db.Model):
    __tablename__ = 'bench_users'
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(80), unique=True, nullable=False)
    email = db.Column(db.String(120))
    age = db.Column(db.Integer)


with app.app_context():
    db.drop_all()
    db.create_all()
    for i in range(n):
        db.session.add(User(name=f'user{i}', email=f'user{i}@example.com', age=i % 90))
        if commit_every and (i + 1) % commit_every == 0:
            db.session.commit()
    db.session.commit()
    print('seeded', n)
