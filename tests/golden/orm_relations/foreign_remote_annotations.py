# foreign() / remote() annotations in primaryjoin (a string and a lambda) for columns without a
# ForeignKey: the pairs a flush copies, the backrefs they imply, any() / has() through them.
import os
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import foreign, remote

app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = os.environ.get('DATABASE_URL', 'sqlite://')
db = SQLAlchemy(app)


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    # No ForeignKey: the join says which side refers to which.
    comments = db.relationship('Comment', primaryjoin='foreign(Comment.target_id) == Post.id',
                               backref='post')


class Comment(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    target_id = db.Column(db.Integer)
    body = db.Column(db.String(20))


class Folder(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    parent_id = db.Column(db.Integer)
    name = db.Column(db.String(20))
    parent = db.relationship('Folder', primaryjoin=lambda: remote(Folder.id) == foreign(Folder.parent_id),
                             backref='children')


with app.app_context():
    db.create_all()
    p = Post(title='t', comments=[Comment(body='x'), Comment(body='y')])
    root = Folder(name='root')
    sub = Folder(name='sub', parent=root)
    db.session.add_all([p, sub])
    db.session.commit()
    print([(c.body, c.target_id, c.post.title) for c in Comment.query.all()])
    print(sub.parent.name, [f.name for f in root.children], sub.parent_id)
    print(Post.query.filter(Post.comments.any(body='y')).count())
    print(Folder.query.filter(Folder.parent.has(name='root')).one().name)
