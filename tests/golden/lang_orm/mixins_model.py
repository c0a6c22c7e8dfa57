# Language features in a Flask-SQLAlchemy model: mixins before db.Model (MRO, super().__init__),
# private name mangling, properties, and ORM errors caught through their base class.
import datetime
import os
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.exc import SQLAlchemyError, IntegrityError

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite://")
db = SQLAlchemy(app)


class TimestampMixin:
    created_at = db.Column(db.DateTime, default=datetime.datetime(2024, 1, 2, 3, 4, 5))

    def touch(self):
        return "touched " + type(self).__name__


class SerializerMixin:
    def to_dict(self):
        return {c.name: getattr(self, c.name) for c in self.__table__.columns}


class User(TimestampMixin, SerializerMixin, db.Model):
    id = db.Column(db.Integer, primary_key=True)
    __email = "hidden"
    email = db.Column(db.String(50), unique=True)
    __tablename__ = "mixin_users"

    def __init__(self, **kw):
        super().__init__(**kw)
        self.__token = "t-" + kw.get("email", "")

    @property
    def token(self):
        return self.__token

    def __repr__(self):
        return f"<User {self.email}>"


with app.app_context():
    db.create_all()
    u = User(email="a@x.org")
    db.session.add(u)
    db.session.commit()
    print(u, u.touch(), u.token, u.to_dict())
    print([c.__name__ for c in User.__mro__][:4])
    db.session.add(User(email="a@x.org"))
    try:
        db.session.commit()
    except SQLAlchemyError as e:
        print("caught", type(e).__name__, isinstance(e, IntegrityError))
        db.session.rollback()
    print(User.query.count())
    db.session.close()
    db.drop_all()
