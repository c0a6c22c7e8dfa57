# relationship() typed by its Mapped[] annotation in SQLAlchemy 2.0's declarative form, with
# every annotation a string (`from __future__ import annotations`) naming classes declared
# later: Mapped[list[Child]] and Mapped[List[...]] are collections, Mapped[Parent] and
# Mapped[Optional[Parent]] scalars (a one-to-one when the other side is a scalar too),
# Mapped[Set[Tag]] a many-to-many through a secondary table; an explicit target or uselist=
# given to relationship() wins over the annotation.
# Twin of sa14/typed_relationships.py, whose output from SQLAlchemy 1.4 this must print.
from __future__ import annotations

import os
from typing import List, Optional, Set

from sqlalchemy import Column, ForeignKey, Table, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    pass


post_tag = Table(
    "post_tag",
    Base.metadata,
    Column("post_id", ForeignKey("post.id"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id"), primary_key=True),
)


class Author(Base):
    __tablename__ = "author"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    posts: Mapped[list[Post]] = relationship(back_populates="author", order_by="Post.id")
    profile: Mapped[Profile] = relationship(back_populates="author")
    drafts: Mapped[List["Post"]] = relationship(viewonly=True, order_by="Post.id")


class Profile(Base):
    __tablename__ = "profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("author.id"))
    bio: Mapped[Optional[str]]
    author: Mapped[Author] = relationship(back_populates="profile")


class Post(Base):
    __tablename__ = "post"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    author_id: Mapped[Optional[int]] = mapped_column(ForeignKey("author.id"))
    author: Mapped[Optional[Author]] = relationship(back_populates="posts")
    tags: Mapped[Set[Tag]] = relationship(secondary=post_tag, back_populates="posts")


class Tag(Base):
    __tablename__ = "tag"

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str]
    posts: Mapped[List[Post]] = relationship(secondary=post_tag, back_populates="tags")


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
