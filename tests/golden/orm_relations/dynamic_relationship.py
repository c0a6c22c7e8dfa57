# lazy='dynamic': AppenderQuery filter / filter_by / order_by / limit / offset / slices /
# count / join / paginate, appending before the parent has a session, remove, with echo.
import os
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = os.environ.get('DATABASE_URL', 'sqlite://')
db = SQLAlchemy(app)


class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50))
    books = db.relationship('Book', backref='author', lazy='dynamic', order_by='Book.title')
    tags = db.relationship('Tag', secondary='author_tag', lazy='dynamic')

    def __repr__(self):
        return '<Author %s>' % self.name


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(50))
    pages = db.Column(db.Integer)
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))
    publisher_id = db.Column(db.Integer, db.ForeignKey('publisher.id'))

    def __repr__(self):
        return '<Book %s>' % self.title


class Publisher(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50))
    books = db.relationship('Book', backref='publisher')


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))

    def __repr__(self):
        return '<Tag %s>' % self.name


author_tag = db.Table('author_tag',
                      db.Column('author_id', db.Integer, db.ForeignKey('author.id')),
                      db.Column('tag_id', db.Integer, db.ForeignKey('tag.id')))

with app.app_context():
    db.create_all()
    pa, pb = Publisher(name='Acme'), Publisher(name='Zed')
    a = Author(name='ann')
    for i, t in enumerate(['Gamma', 'Alpha', 'Delta', 'Beta', 'Epsilon']):
        a.books.append(Book(title=t, pages=100 * (i + 1), publisher=pa if i % 2 else pb))
    a.tags.extend([Tag(name='sf'), Tag(name='poetry')])
    db.session.add(a)
    db.session.commit()
    db.engine.echo = True
    print(a.books.all())
    print(a.books.filter(Book.pages > 250).all())
    print(a.books.filter_by(title='Beta').first())
    print(a.books.order_by(Book.pages.desc()).limit(2).offset(1).all())
    print(a.books.count())
    print(a.books[1:3])
    print(a.books[0])
    print(a.books.join(Publisher).filter(Publisher.name == 'Acme').all())
    print(a.tags.filter(Tag.name.like('p%')).all())
    page = a.books.paginate(page=2, per_page=2)
    print(page.items, page.total, page.pages, page.has_next)
    db.engine.echo = False
    b = Book(title='Zeta', pages=50)
    a.books.append(b)
    print(a.books.count())
    a.books.remove(a.books.filter_by(title='Alpha').one())
    db.session.commit()
    print(a.books.all(), Book.query.filter_by(title='Alpha').one().author)
    print([x.title for x in a.books], len(a.books.all()))
    print(a.books.first(), a.books.filter(Book.title.startswith('E')).one())
    print(a.books.order_by(None).with_entities(db.func.sum(Book.pages)).scalar())
