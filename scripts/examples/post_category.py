# Flask-SQLAlchemy's "Simple Relationships": Category and Post with a backref, cascading add,
# lazy and joined loading, and with_parent.
import os
from datetime import datetime
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import joinedload

app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = os.environ.get('DATABASE_URL', 'sqlite://')
db = SQLAlchemy(app)


class Post(db.Model):
    __tablename__ = 'example_post'
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(80), nullable=False)
    body = db.Column(db.Text, nullable=False)
    pub_date = db.Column(db.DateTime, nullable=False, default=datetime.utcnow)
    category_id = db.Column(db.Integer, db.ForeignKey('example_category.id'), nullable=False)
    category = db.relationship('Category', backref=db.backref('posts', lazy=True))

    def __repr__(self):
        return '<Post %r>' % self.title


class Category(db.Model):
    __tablename__ = 'example_category'
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50), nullable=False)

    def __repr__(self):
        return '<Category %r>' % self.name


with app.app_context():
    db.drop_all()
    db.create_all()
    py = Category(name='Python')
    Post(title='Hello Python!', body='Python is pretty cool', category=py)
    p = Post(title='Snakes', body='Ssssssss')
    py.posts.append(p)
    db.session.add(py)
    print(len(db.session.new))
    db.session.commit()
    print(py.posts)
    query = Category.query.options(joinedload('posts'))
    for category in query:
        print(category, category.posts)
    print(Post.query.with_parent(py).filter(Post.title != 'Snakes').all())
    print(all(post.pub_date is not None for post in py.posts))
