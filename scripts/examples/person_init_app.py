# The SQLAlchemy() + init_app pattern: the extension created before the app, tables created
# inside an application context, a Person model with Flask-SQLAlchemy's table naming.
import os
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Person(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(80), unique=True, nullable=False)

    def __repr__(self):
        return '<Name %r>' % self.name


class PersonAddress(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    person_id = db.Column(db.Integer, db.ForeignKey('person.id'), nullable=False)
    city = db.Column(db.String(40))
    person = db.relationship('Person', backref=db.backref('addresses', lazy=True))


app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = os.environ.get('DATABASE_URL', 'sqlite://')


def init_app():
    db.init_app(app)
    with app.app_context():
        db.create_all()


init_app()
with app.app_context():
    print(Person.__tablename__, PersonAddress.__tablename__)
    ada = Person(name='ada')
    ada.addresses.append(PersonAddress(city='London'))
    db.session.add(ada)
    db.session.add(Person(name='bob'))
    db.session.commit()
    print(Person.query.order_by(Person.name).all())
    print([(a.city, a.person) for a in PersonAddress.query.all()])
    print(Person.query.filter(Person.addresses.any(city='London')).all())
    db.session.delete(Person.query.filter_by(name='bob').one())
    db.session.commit()
    print(Person.query.count(), db.session.get(Person, 1))
    db.session.remove()  # end the open transaction: DROP TABLE would wait for its locks
    db.drop_all()
