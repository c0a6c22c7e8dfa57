# Loader strategies with echo: lazy select, lazy='joined' on the relationship, joinedload,
# selectinload, nested options, many-to-many joinedload, and the identity map across them.
import os
from sqlalchemy import create_engine, Column, Integer, String, ForeignKey, Table
from sqlalchemy.orm import declarative_base, relationship, Session, joinedload, selectinload, lazyload

engine = create_engine(os.environ.get('DATABASE_URL', 'sqlite://'))
Base = declarative_base()

post_tags = Table('ls_post_tags', Base.metadata,
                  Column('post_id', ForeignKey('ls_post.id'), primary_key=True),
                  Column('tag_id', ForeignKey('ls_tag.id'), primary_key=True))


class Blog(Base):
    __tablename__ = 'ls_blog'
    id = Column(Integer, primary_key=True)
    name = Column(String(40))
    posts = relationship('Post', backref='blog', order_by='Post.id')
    owner_id = Column(Integer, ForeignKey('ls_owner.id'))
    owner = relationship('Owner', lazy='joined')


class Owner(Base):
    __tablename__ = 'ls_owner'
    id = Column(Integer, primary_key=True)
    name = Column(String(40))


class Post(Base):
    __tablename__ = 'ls_post'
    id = Column(Integer, primary_key=True)
    title = Column(String(40))
    blog_id = Column(Integer, ForeignKey('ls_blog.id'))
    tags = relationship('Tag', secondary=post_tags, order_by='Tag.name')


class Tag(Base):
    __tablename__ = 'ls_tag'
    id = Column(Integer, primary_key=True)
    name = Column(String(20))


Base.metadata.create_all(engine)
s = Session(engine)
t1, t2 = Tag(name='db'), Tag(name='c++')
o = Owner(name='ann')
b = Blog(name='notes', owner=o, posts=[Post(title='one', tags=[t1, t2]), Post(title='two', tags=[t1])])
s.add(b)
s.commit()
s.close()

engine.echo = True
print('-- lazy="joined" many-to-one')
blog = s.query(Blog).first()
print(blog.owner.name)
print('-- lazy select of a collection')
print([p.title for p in blog.posts])
s.close()
print('-- joinedload with a nested selectinload')
blogs = s.query(Blog).options(joinedload(Blog.posts).selectinload(Post.tags)).all()
print([(p.title, [t.name for t in p.tags]) for p in blogs[0].posts])
s.close()
print('-- many-to-many joinedload')
posts = s.query(Post).options(joinedload(Post.tags)).order_by(Post.id).all()
print([[t.name for t in p.tags] for p in posts])
print(posts[0].tags[0] is posts[1].tags[0])
s.close()
print('-- lazyload overrides lazy="joined"')
blog = s.query(Blog).options(lazyload(Blog.owner)).first()
print(blog.owner.name)
engine.echo = False
s.close()
Base.metadata.drop_all(engine)
