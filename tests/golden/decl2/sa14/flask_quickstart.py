# The 1.4 twin of ../flask_quickstart.py: the same models in Flask-SQLAlchemy 3.0's form
# (db.Model with db.Column), with the NULL / NOT NULL that the 2.0 annotations imply written
# out. Its output (from the real Flask-SQLAlchemy 3.0 / SQLAlchemy 1.4) is the expected output
# of both.
import os

from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import Integer, String, inspect

db = SQLAlchemy()
app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite://")
db.init_app(app)


class User(db.Model):
    id = db.Column(Integer, primary_key=True)
    username = db.Column(String, unique=True, nullable=False)
    email = db.Column(String, nullable=True)


class BlogPost(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(String(80), nullable=False)
    author_id = db.Column(db.Integer, db.ForeignKey("user.id"), nullable=False)


print(User.__tablename__, BlogPost.__tablename__, db.metadata is db.Model.metadata)
print(sorted(db.metadata.tables))

with app.app_context():
    db.create_all()
    for table in (User.__table__, BlogPost.__table__):
        print([(c["name"], c["nullable"]) for c in inspect(db.engine).get_columns(table.name)])
    for name in ["flask", "django", "bottle"]:
        db.session.add(User(username=name, email=f"{name}@example.com"))
    db.session.add(User(username="anonymous"))
    db.session.commit()
    users = db.session.execute(db.select(User).order_by(User.username)).scalars()
    print([(u.id, u.username, u.email) for u in users])
    user = db.get_or_404(User, 2)
    print(user, user.username)
    db.session.add(BlogPost(title="Hello", author_id=user.id))
    db.session.commit()
    post = db.session.execute(db.select(BlogPost).where(BlogPost.author_id == 2)).scalar_one()
    print(post, post.title, post.author_id)
    db.session.close()
    db.drop_all()

other = SQLAlchemy()
other_app = Flask("other")
other_app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite://")
other.init_app(other_app)


class CustomerEvent(other.Model):
    id = other.Column(other.Integer, primary_key=True)
    kind = other.Column(String(20), nullable=False)
    note = other.Column(String, nullable=True)


print(CustomerEvent.__tablename__)
with other_app.app_context():
    other.create_all()
    print([(c["name"], c["nullable"]) for c in
           inspect(other.engine).get_columns("customer_event")])
    other.session.add(CustomerEvent(kind="signup"))
    other.session.commit()
    event = other.session.execute(other.select(CustomerEvent)).scalar_one()
    print(event, event.kind, event.note)
    other.session.close()
    other.drop_all()
