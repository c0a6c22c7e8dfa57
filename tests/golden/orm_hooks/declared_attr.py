# declared_attr on mixins: __tablename__, a ForeignKey column and a relationship per class,
# __table_args__; plain mixin columns copied per class; a plain ForeignKey column on a mixin is
# refused as SQLAlchemy refuses it.
import os
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import declared_attr
from sqlalchemy.ext.declarative import declared_attr as declarative_declared_attr

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite://")
db = SQLAlchemy(app)
print(declared_attr is declarative_declared_attr, db.declared_attr is declared_attr)


class Owner(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))


class OwnedMixin:
    created = db.Column(db.Integer, default=7)

    @declared_attr
    def __tablename__(cls):
        return cls.__name__.lower() + "s"

    @declared_attr
    def owner_id(cls):
        return db.Column(db.Integer, db.ForeignKey("owner.id"))

    @declared_attr
    def owner(cls):
        return db.relationship("Owner", backref=cls.__name__.lower() + "_items")

    @declared_attr
    def __table_args__(cls):
        return (db.UniqueConstraint("owner_id", "title",
                                    name="uq_%s_owner_title" % cls.__name__.lower()),)


class Book(OwnedMixin, db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(50))


class Pen(OwnedMixin, db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(50))


class Unsafe:
    owner_id = db.Column(db.Integer, db.ForeignKey("owner.id"))


try:
    class Broken(Unsafe, db.Model):
        id = db.Column(db.Integer, primary_key=True)
except Exception as e:
    print(type(e).__name__, e)


with app.app_context():
    db.create_all()
    print(Book.__tablename__, Pen.__tablename__, Book.__table__.name)
    print([c.name for c in Book.__table__.columns], [c.name for c in Pen.__table__.columns])
    print(Book.__table__.c.owner_id is not Pen.__table__.c.owner_id,
          Book.__table__.c.created is not Pen.__table__.c.created)
    o = Owner(name="o")
    b = Book(title="t", owner=o)
    p = Pen(title="p", owner=o)
    db.session.add_all([o, b, p])
    db.session.commit()
    print(b.owner_id, p.owner.name, [x.title for x in o.book_items],
          [x.title for x in o.pen_items], b.created)
    db.session.add(Book(title="t", owner=o))
    try:
        db.session.commit()
    except Exception as e:
        print(type(e).__name__)
        db.session.rollback()
    print(Book.query.count(), Pen.query.count())
    print(str(Book.owner_id == 1))
    print(str(Book.query.join(Book.owner).filter(Owner.name == "o")))
    db.session.close()
    db.drop_all()
