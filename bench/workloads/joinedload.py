# Workload 3 (joinedload): 1,000 categories loaded with their 10 posts each in one joined
# query, then every post touched. Prints "<categories> <posts> <sum of post id + title length>".
# usage: joinedload.py   (database from DATABASE_URL; BENCH_ECHO=1 logs the SQL)
import os
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import joinedload

app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = os.environ['DATABASE_URL']
app.config['SQLALCHEMY_ECHO'] = os.environ.get('BENCH_ECHO') == '1'
db = SQLAlchemy(app)


class Category(db.Model):
    __tablename__ = 'bench_categories'
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50), nullable=False)
    posts = db.relationship('Post', backref='category')


class Post(db.Model):
    __tablename__ = 'bench_posts'
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(100), nullable=False)
    category_id = db.Column(db.Integer, db.ForeignKey('bench_categories.id'), nullable=False)


with app.app_context():
    categories = Category.query.options(joinedload(Category.posts)).all()
    posts = 0
    checksum = 0
    for c in categories:
        for p in c.posts:
            posts += 1
            checksum += p.id + len(p.title)
    print(len(categories), posts, checksum)
