# A self-referential many-to-many with primaryjoin / secondaryjoin written id == fk on both
# sides (back_populates, one side viewonly, order_by), a backref() whose remote_side is a
# string, backref(uselist=False), any(), joinedload / selectinload of self-referential links,
# and removing a row of the association.
import os
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import backref

app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = os.environ.get('DATABASE_URL', 'sqlite://')
db = SQLAlchemy(app)

friendship = db.Table('friendship',
    db.Column('user_id', db.Integer, db.ForeignKey('person.id'), primary_key=True),
    db.Column('friend_id', db.Integer, db.ForeignKey('person.id'), primary_key=True))


class Person(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    mentor_id = db.Column(db.Integer, db.ForeignKey('person.id'))
    mentees = db.relationship('Person', backref=backref('mentor', remote_side='Person.id'))
    friends = db.relationship('Person', secondary=friendship,
                              primaryjoin=id == friendship.c.user_id,
                              secondaryjoin=id == friendship.c.friend_id,
                              back_populates='friend_of', order_by='Person.name')
    friend_of = db.relationship('Person', secondary=friendship,
                                primaryjoin=id == friendship.c.friend_id,
                                secondaryjoin=id == friendship.c.user_id,
                                back_populates='friends', viewonly=True)
    passport = db.relationship('Passport', backref=backref('owner', uselist=False), uselist=False)

    def __repr__(self):
        return self.name


class Passport(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    number = db.Column(db.String(10))
    person_id = db.Column(db.Integer, db.ForeignKey('person.id'))


with app.app_context():
    db.create_all()
    a, b, c = Person(name='a'), Person(name='b'), Person(name='c')
    a.mentees = [b, c]
    a.friends = [c, b]
    b.friends.append(a)
    c.passport = Passport(number='X1')
    db.session.add(a)
    db.session.commit()
    print(b.mentor, a.mentees, a.friends, a.friend_of, b.friend_of)
    print(Person.query.filter(Person.friends.any(name='c')).all())
    print(Person.query.options(db.joinedload(Person.friends)).order_by(Person.id).all()[0].friends)
    print(Person.query.options(db.selectinload(Person.mentees)).order_by(Person.id).all()[0].mentees)
    print(Passport.query.one().owner, c.passport.number)
    print(db.session.query(Person.name, Passport.number).join(Person.passport).all())
    print(Person.query.join(friendship, friendship.c.friend_id == Person.id).filter(friendship.c.user_id == a.id).order_by(Person.name).all())
    a.friends.remove(c)
    db.session.commit()
    print(a.friends, sorted(db.session.execute(db.select(friendship)).all()))
