# sqlalchemy.ext.associationproxy: a proxy over an association object's relationship with
# creator=, one over a plain column with the default creator, list operations, assignment,
# and the class-level any() / contains() it turns into EXISTS.
import os
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.ext.associationproxy import association_proxy

app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = os.environ.get('DATABASE_URL', 'sqlite://')
db = SQLAlchemy(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(64))
    user_keywords = db.relationship('UserKeyword', back_populates='user',
                                    cascade='all, delete-orphan')
    keywords = association_proxy('user_keywords', 'keyword',
                                 creator=lambda kw: UserKeyword(keyword=kw))
    keyword_names = association_proxy('user_keywords', 'keyword_name')

    def __init__(self, name):
        self.name = name


class UserKeyword(db.Model):
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'), primary_key=True)
    keyword_id = db.Column(db.Integer, db.ForeignKey('keyword.id'), primary_key=True)
    special_key = db.Column(db.String(50))
    user = db.relationship('User', back_populates='user_keywords')
    keyword = db.relationship('Keyword')

    @property
    def keyword_name(self):
        return self.keyword.keyword


class Keyword(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    keyword = db.Column(db.String(64))

    def __init__(self, keyword):
        self.keyword = keyword

    def __repr__(self):
        return 'Keyword(%r)' % self.keyword


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    tags_assoc = db.relationship('PostTag', cascade='all, delete-orphan')
    tags = association_proxy('tags_assoc', 'tag')


class PostTag(db.Model):
    post_id = db.Column(db.Integer, db.ForeignKey('post.id'), primary_key=True)
    tag = db.Column(db.String(20), primary_key=True)

    def __init__(self, tag=None, **kw):
        self.tag = tag
        super().__init__(**kw)


with app.app_context():
    db.create_all()
    user = User('log')
    for kw in (Keyword('new_from_blammo'), Keyword('its_big')):
        user.keywords.append(kw)
    print(user.keywords)
    print(len(user.keywords), user.keyword_names)
    db.session.add(user)
    db.session.commit()
    u = User.query.first()
    print(u.keywords, [k.keyword for k in u.keywords])
    print(u.keywords[0], u.keywords[-1].keyword)
    kw = Keyword.query.filter_by(keyword='its_big').one()
    print(kw in u.keywords, Keyword('x') in u.keywords)
    u.user_keywords.append(UserKeyword(keyword=Keyword('special'), special_key='sk'))
    db.session.commit()
    print([(uk.keyword.keyword, uk.special_key) for uk in u.user_keywords])
    print(list(u.keywords), bool(u.keywords))
    u.keywords.extend([Keyword('a'), Keyword('b')])
    db.session.commit()
    print(UserKeyword.query.count(), len(u.keywords))
    del u.user_keywords[0]
    db.session.commit()
    print(u.keyword_names)
    print(User.keywords)
    print(User.query.filter(User.keywords.any(keyword='a')).count())
    print(User.query.filter(User.keywords.contains(kw)).count())
    p = Post()
    p.tags.append('red')
    p.tags.append('blue')
    db.session.add(p)
    db.session.commit()
    print(p.tags, sorted(t.tag for t in PostTag.query.all()))
    p.tags = ['green']
    db.session.commit()
    print(p.tags, PostTag.query.count())
    print(type(p.tags).__name__, p.tags == ['green'])
