# hybrid_property / hybrid_method: Python on instances, SQL on the class (filter, order_by,
# query columns); .expression, .setter (also through constructor keywords).
import os
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import func
from sqlalchemy.ext.hybrid import hybrid_property, hybrid_method

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite://")
db = SQLAlchemy(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    first = db.Column(db.String(50))
    last = db.Column(db.String(50))
    balance = db.Column(db.Integer, default=0)
    _password = db.Column("password", db.String(100))

    @hybrid_property
    def full_name(self):
        return self.first + " " + self.last

    @hybrid_property
    def password(self):
        return self._password

    @password.setter
    def password(self, value):
        self._password = "hashed:" + value

    @hybrid_property
    def rich(self):
        return self.balance > 100

    @hybrid_property
    def name_length(self):
        return len(self.first)

    @name_length.expression
    def name_length(cls):
        return func.length(cls.first)

    @hybrid_method
    def has_more_than(self, amount):
        return self.balance > amount


with app.app_context():
    db.create_all()
    db.session.add_all([User(first="ann", last="lee", balance=50, password="pw"),
                        User(first="bob", last="ray", balance=500, password="x")])
    db.session.commit()
    u = User.query.filter(User.full_name == "ann lee").one()
    print(u.full_name, u.password, u.rich, u.name_length, u.has_more_than(10))
    print([x.first for x in User.query.filter(User.rich).all()])
    print([x.first for x in User.query.filter(User.has_more_than(100)).all()])
    print([x.first for x in User.query.order_by(User.name_length.desc(), User.full_name).all()])
    print(User.query.filter(User.password == "hashed:x").count())
    print(type(User.__dict__["full_name"]).__name__)
    print(db.session.query(User.full_name).order_by(User.id).all())
    r = db.session.query(User.full_name, User.name_length).order_by(User.id).first()
    print(r.full_name, r.name_length, r[0])
    print(str(User.full_name), str(User.rich))
    print(db.session.query(User.id).filter(User.full_name.like("%lee")).all())
    try:
        u.full_name = "x y"
    except AttributeError as e:
        print("AttributeError", e)
    db.session.close()
    db.drop_all()
