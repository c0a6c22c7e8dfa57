# Mapper events: before/after insert, update and delete through event.listens_for and
# event.listen; changes made in before_insert / before_update are written by the same statement;
# the connection runs SQL inside the flush; propagate=True from mixins and db.Model; Mapper for
# every class; event.remove / event.contains; errors in a listener roll the flush back.
import os
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import event
from sqlalchemy.orm import Mapper

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite://")
db = SQLAlchemy(app)


class Audited:
    pass


@event.listens_for(Audited, "before_insert")
def not_propagated(mapper, connection, target):
    print("never: a mixin listener without propagate")


@event.listens_for(Audited, "before_insert", propagate=True)
def mixin_insert(mapper, connection, target):
    print("mixin before_insert", type(target).__name__)


@event.listens_for(db.Model, "after_delete", propagate=True)
def any_delete(mapper, connection, target):
    print("Model after_delete", mapper.class_.__name__, target.id)


@event.listens_for(Mapper, "before_update")
def every_update(mapper, connection, target):
    print("Mapper before_update", mapper)


class Article(Audited, db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(80))
    slug = db.Column(db.String(80))
    revision = db.Column(db.Integer, default=0)


class Log(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    msg = db.Column(db.String(200))


@event.listens_for(Article, "before_insert")
def slugify(mapper, connection, target):
    print("before_insert", mapper.class_.__name__, target.title)
    if target.title == "bad":
        raise ValueError("bad title")
    target.slug = target.title.lower().replace(" ", "-")


@event.listens_for(Article, "before_update")
def bump(mapper, connection, target):
    print("before_update", target.title)
    target.revision = (target.revision or 0) + 1


@event.listens_for(Article, "after_insert")
def log_insert(mapper, connection, target):
    print("after_insert", target.id, target.slug)
    connection.execute(Log.__table__.insert().values(msg="inserted %s" % target.id))


def after_update(mapper, connection, target):
    print("after_update", target.id, target.revision)


event.listen(Article, "after_update", after_update)


@event.listens_for(Article, "before_delete")
def before_delete(mapper, connection, target):
    print("before_delete", target.id)


with app.app_context():
    db.create_all()
    a = Article(title="Hello World")
    db.session.add(a)
    db.session.add(Article(title="Second Post"))
    db.session.commit()
    print(a.slug, a.revision)
    a.title = "Changed"
    db.session.commit()
    print(a.slug, a.revision)
    print([l.msg for l in Log.query.order_by(Log.id)])

    db.session.delete(a)
    db.session.commit()

    print(event.contains(Article, "after_update", after_update))
    event.remove(Article, "after_update", after_update)
    print(event.contains(Article, "after_update", after_update))
    b = Article.query.first()
    b.title = "renamed"
    db.session.commit()
    print(Article.query.get(b.id).revision)

    # An exception in a flush listener propagates; the session needs rollback().
    db.session.add(Article(title="bad"))
    try:
        db.session.commit()
    except ValueError as e:
        print("ValueError", e)
    try:
        Article.query.count()
    except Exception as e:
        print(type(e).__name__, str(e).split("Original exception was: ")[1])
    db.session.rollback()
    print(Article.query.count(), db.session.is_active)

    for target, name in [(Article, "before_frobnicate"), (Article.title, "before_insert"),
                         (42, "before_insert")]:
        try:
            event.listen(target, name, slugify)
        except Exception as e:
            print(type(e).__name__, e)
    try:
        event.remove(Article, "after_insert", after_update)
    except Exception as e:
        print(type(e).__name__, str(e).split(" / ")[:2])
    db.session.close()
    db.drop_all()
