# Workload 2 (load): every user loaded as an object, then one attribute read from each.
# Prints "<rows> <sum of ages>". usage: load.py   (database from DATABASE_URL)
import os
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

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
    users = User.query.all()
    total = 0
    for u in users:
        total += u.age
    print(len(users), total)
