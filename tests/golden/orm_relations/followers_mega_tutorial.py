# The Flask Mega-Tutorial's followers: a self-referential many-to-many through an association
# table with primaryjoin / secondaryjoin, dynamic on both sides (backref), follow / unfollow
# through append / remove, filter().count() on it, and the followed-posts join.
import os
from datetime import datetime
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = os.environ.get('DATABASE_URL', 'sqlite://')
db = SQLAlchemy(app)

followers = db.Table('followers',
    db.Column('follower_id', db.Integer, db.ForeignKey('user.id')),
    db.Column('followed_id', db.Integer, db.ForeignKey('user.id'))
)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(64), index=True, unique=True)
    posts = db.relationship('Post', backref='author', lazy='dynamic')
    followed = db.relationship(
        'User', secondary=followers,
        primaryjoin=(followers.c.follower_id == id),
        secondaryjoin=(followers.c.followed_id == id),
        backref=db.backref('followers', lazy='dynamic'), lazy='dynamic')

    def __repr__(self):
        return '<User {}>'.format(self.username)

    def follow(self, user):
        if not self.is_following(user):
            self.followed.append(user)

    def unfollow(self, user):
        if self.is_following(user):
            self.followed.remove(user)

    def is_following(self, user):
        return self.followed.filter(
            followers.c.followed_id == user.id).count() > 0

    def followed_posts(self):
        return Post.query.join(
            followers, (followers.c.followed_id == Post.user_id)).filter(
                followers.c.follower_id == self.id).order_by(
                    Post.timestamp.desc())


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    body = db.Column(db.String(140))
    timestamp = db.Column(db.DateTime, index=True)
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))

    def __repr__(self):
        return '<Post {}>'.format(self.body)


with app.app_context():
    db.create_all()
    u1 = User(username='john')
    u2 = User(username='susan')
    u3 = User(username='mary')
    u4 = User(username='david')
    db.session.add_all([u1, u2, u3, u4])
    now = datetime(2024, 1, 1, 12, 0)
    p1 = Post(body="post from john", author=u1, timestamp=datetime(2024, 1, 1, 12, 1))
    p2 = Post(body="post from susan", author=u2, timestamp=datetime(2024, 1, 1, 12, 4))
    p3 = Post(body="post from mary", author=u3, timestamp=datetime(2024, 1, 1, 12, 3))
    p4 = Post(body="post from david", author=u4, timestamp=datetime(2024, 1, 1, 12, 2))
    db.session.add_all([p1, p2, p3, p4])
    db.session.commit()
    print(u1.followed.all(), u1.followers.all())

    u1.follow(u2)
    u1.follow(u4)
    u2.follow(u3)
    u3.follow(u4)
    db.session.commit()
    print(u1.is_following(u2), u2.is_following(u1))
    print(u1.followed.count(), u2.followers.count(), u4.followers.all())
    print(u1.followed.order_by(User.username).all())
    print(u4.followers.filter_by(username='mary').first())

    f1 = u1.followed_posts().all()
    f2 = u2.followed_posts().all()
    f3 = u3.followed_posts().all()
    print(f1, f2, f3)

    u1.unfollow(u2)
    db.session.commit()
    print(u1.is_following(u2), u1.followed.all())
    print(db.session.execute(db.select(followers)).all())
