# The 1.4 twin of ../typed_relationships.py: the relationships that the 2.0 script types by
# annotation, given their target class and uselist explicitly, and the columns' NULL / NOT NULL
# written out. Its output (from the real SQLAlchemy 1.4) is the expected output of both.
import os

from sqlalchemy import Column, ForeignKey, Integer, String, Table, create_engine, select
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


post_tag = Table(
    "post_tag",
    Base.metadata,
    Column("post_id", ForeignKey("post.id"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id"), primary_key=True),
)


class Author(Base):
    __tablename__ = "author"

    id = Column(Integer, primary_key=True)
    name = Column(String, nullable=False)
    posts = relationship("Post", back_populates="author", order_by="Post.id", uselist=True)
    profile = relationship("Profile", back_populates="author", uselist=False)
    drafts = relationship("Post", viewonly=True, order_by="Post.id", uselist=True)


class Profile(Base):
    __tablename__ = "profile"

    id = Column(Integer, primary_key=True)
    author_id = Column(Integer, ForeignKey("author.id"), nullable=False)
    bio = Column(String, nullable=True)
    author = relationship("Author", back_populates="profile", uselist=False)


class Post(Base):
    __tablename__ = "post"

    id = Column(Integer, primary_key=True)
    title = Column(String, nullable=False)
    author_id = Column(Integer, ForeignKey("author.id"), nullable=True)
    author = relationship("Author", back_populates="posts", uselist=False)
    tags = relationship("Tag", secondary=post_tag, back_populates="posts", collection_class=set)


class Tag(Base):
    __tablename__ = "tag"

    id = Column(Integer, primary_key=True)
    label = Column(String, nullable=False)
    posts = relationship("Post", secondary=post_tag, back_populates="tags", uselist=True)


engine = create_engine(os.environ.get("DATABASE_URL", "sqlite://"))
Base.metadata.create_all(engine)
for cls in (Author, Profile, Post, Tag):
    print(cls.__name__, [(c.name, c.nullable) for c in cls.__table__.columns])

with Session(engine) as session:
    ann = Author(name="Ann", profile=Profile(bio="writes"))
    python, sql = Tag(label="python"), Tag(label="sql")
    ann.posts.append(Post(title="First", tags={python, sql}))
    ann.posts.append(Post(title="Second", tags={sql}))
    session.add(ann)
    session.add(Post(title="Orphan"))
    session.commit()

with Session(engine) as session:
    ann = session.scalars(select(Author)).one()
    print(ann.name, [p.title for p in ann.posts], [p.title for p in ann.drafts])
    print(ann.profile.bio, ann.profile.author is ann)
    first = ann.posts[0]
    print(first.author.name, sorted(t.label for t in first.tags))
    sql = session.scalars(select(Tag).where(Tag.label == "sql")).one()
    print([p.title for p in sorted(sql.posts, key=lambda p: p.id)])
    orphan = session.scalars(select(Post).where(Post.title == "Orphan")).one()
    print(orphan.author, sorted(orphan.tags, key=lambda t: t.id))
    orphan.author = ann
    session.commit()
    print([p.title for p in ann.posts])
    profile = session.scalars(select(Profile)).one()
    profile.author = Author(name="Bob")
    session.commit()
    print(ann.profile, session.scalars(select(Author).where(Author.name == "Bob")).one().profile.bio)
Base.metadata.drop_all(engine)
