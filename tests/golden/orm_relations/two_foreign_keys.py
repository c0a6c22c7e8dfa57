# Two foreign keys to the same table told apart with foreign_keys= (string and list forms) and
# primaryjoin= (expression and string with and_, plus a non-equality criterion), viewonly,
# uselist=False one-to-one, back_populates, order_by as a string and as a lambda.
import os
from datetime import datetime
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import and_

app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = os.environ.get('DATABASE_URL', 'sqlite://')
db = SQLAlchemy(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(64))
    messages_sent = db.relationship('Message', foreign_keys='Message.sender_id',
                                    backref='author', lazy='dynamic')
    messages_received = db.relationship('Message', foreign_keys='Message.recipient_id',
                                        backref='recipient', lazy='dynamic')
    profile = db.relationship('Profile', uselist=False, back_populates='user')
    addresses = db.relationship('Address', back_populates='user', order_by='Address.email')
    work_addresses = db.relationship(
        'Address',
        primaryjoin="and_(User.id == Address.user_id, Address.email.like('%@work.com'))",
        viewonly=True, order_by=lambda: Address.id.desc())

    def __repr__(self):
        return '<User {}>'.format(self.username)


class Message(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    sender_id = db.Column(db.Integer, db.ForeignKey('user.id'))
    recipient_id = db.Column(db.Integer, db.ForeignKey('user.id'))
    body = db.Column(db.String(140))

    def __repr__(self):
        return '<Message {}>'.format(self.body)


class Profile(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'), unique=True)
    bio = db.Column(db.String(100))
    user = db.relationship('User', back_populates='profile')


class Address(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))
    email = db.Column(db.String(100))
    user = db.relationship('User', back_populates='addresses')


class Invoice(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    billing_id = db.Column(db.Integer, db.ForeignKey('user.id'))
    shipping_id = db.Column(db.Integer, db.ForeignKey('user.id'))
    billing = db.relationship(User, foreign_keys=[billing_id])
    shipping = db.relationship(User, primaryjoin=shipping_id == User.id)


with app.app_context():
    db.create_all()
    ann, bob = User(username='ann'), User(username='bob')
    db.session.add_all([ann, bob])
    db.session.add(Message(author=ann, recipient=bob, body='hi bob'))
    db.session.add(Message(author=bob, recipient=ann, body='hi ann'))
    db.session.add(Message(author=ann, recipient=bob, body='lunch?'))
    ann.profile = Profile(bio='likes tea')
    ann.addresses = [Address(email='z@home.com'), Address(email='a@work.com'),
                     Address(email='b@work.com')]
    db.session.commit()
    print(ann.messages_sent.all(), bob.messages_received.count())
    print(ann.messages_received.all(), Message.query.get(1).recipient)
    print(ann.profile.bio, Profile.query.first().user, bob.profile)
    print([a.email for a in ann.addresses], [a.email for a in ann.work_addresses])
    print(Address.query.filter_by(email='a@work.com').one().user)
    bob.profile = Profile(bio='likes coffee')
    db.session.commit()
    print(User.query.join(Profile).filter(Profile.bio.like('%coffee')).all())
    print(User.query.join(User.work_addresses).distinct().all())
    print(User.query.filter(User.work_addresses.any()).all())
    inv = Invoice(billing=ann, shipping=bob)
    db.session.add(inv)
    db.session.commit()
    print(inv.billing, inv.shipping, inv.billing_id, inv.shipping_id)
    print(Invoice.query.filter(Invoice.shipping == bob).count())
    print(Message.query.join(User, Message.sender_id == User.id).filter(User.username == 'bob').all())
