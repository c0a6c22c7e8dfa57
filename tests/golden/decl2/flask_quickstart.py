# Flask-SQLAlchemy 3.1's quick start: SQLAlchemy(model_class=Base) with Base a DeclarativeBase
# subclass, db.Model classes with Mapped[] annotations and tables named after the class in
# snake_case, db.select / db.session.execute(...).scalars() and db.get_or_404; a second
# SQLAlchemy() without model_class whose db.Model takes annotations too.
# Twin of sa14/flask_quickstart.py (Flask-SQLAlchemy 3.0 with db.Column), whose output this
# must print.
import os
from typing import Optional

from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import Integer, String, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)
app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite://")
db.init_app(app)


class User(db.Model):
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String, unique=True)
    email: Mapped[Optional[str]]


class BlogPost(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(80))
    author_id: Mapped[int] = mapped_column(db.ForeignKey("user.id"))


print(User.__tablename__, BlogPost.__tablename__, db.metadata is Base.metadata)
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
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None]


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
