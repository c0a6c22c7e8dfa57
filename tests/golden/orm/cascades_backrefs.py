# Cascades (save-update, delete, delete-orphan), backrefs kept in sync on both sides in
# memory, uselist=False, relationship order_by, and what the flush sends (echo).
import os
from sqlalchemy import create_engine, Column, Integer, String, ForeignKey
from sqlalchemy.orm import declarative_base, relationship, backref, Session

engine = create_engine(os.environ.get('DATABASE_URL', 'sqlite://'))
Base = declarative_base()


class Author(Base):
    __tablename__ = 'cb_author'
    id = Column(Integer, primary_key=True)
    name = Column(String(40), nullable=False)
    books = relationship('Book', back_populates='author', cascade='all, delete-orphan',
                         order_by='Book.title')
    profile = relationship('Profile', uselist=False, backref='author')

    def __repr__(self):
        return f'Author({self.name!r})'


class Book(Base):
    __tablename__ = 'cb_book'
    id = Column(Integer, primary_key=True)
    title = Column(String(80))
    author_id = Column(Integer, ForeignKey('cb_author.id'))
    author = relationship('Author', back_populates='books')

    def __repr__(self):
        return f'Book({self.title!r})'


class Profile(Base):
    __tablename__ = 'cb_profile'
    id = Column(Integer, primary_key=True)
    bio = Column(String(100))
    author_id = Column(Integer, ForeignKey('cb_author.id'))


Base.metadata.create_all(engine)
s = Session(engine)
a = Author(name='Le Guin')
b1 = Book(title='The Dispossessed')
b1.author = a
print(a.books, b1 in s, a in s)
b2 = Book(title='A Wizard of Earthsea', author=a)
print(a.books)
a.profile = Profile(bio='writer')
print(a.profile.author is a)
s.add(a)
print(b1 in s, b2 in s, a.profile in s, len(s.new))
s.commit()
print(a.books, [b.author_id == a.id for b in a.books])
a.books.remove(b1)
print(b1.author, s.query(Book).count())
print(s.query(Book).order_by(Book.id).all())
b3 = Book(title='Lavinia')
a.books.append(b3)
s.flush()
print(s.query(Book).filter(Book.author == a).order_by(Book.title).all())
s.delete(a)
s.commit()
print(s.query(Author).count(), s.query(Book).count(), s.query(Profile).all()[0].author_id)
s.close()
Base.metadata.drop_all(engine)
