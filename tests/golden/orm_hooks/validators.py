# @validates on columns and relationship collections: called on assignment (constructor keywords
# included), the returned value is stored, an exception propagates and leaves the object and the
# session usable; validators on mixins; include_removes and include_backrefs.
import os
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import validates

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite://")
db = SQLAlchemy(app)


class CodeMixin:
    @validates("code")
    def upper_code(self, key, value):
        return value.upper() if value else value


class Author(CodeMixin, db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(80))
    name = db.Column(db.String(80))
    age = db.Column(db.Integer)
    code = db.Column(db.String(10))
    posts = db.relationship("Post", backref="author", order_by="Post.id")
    tags = db.relationship("Tag", back_populates="author", order_by="Tag.id")

    @validates("email")
    def validate_email(self, key, value):
        print("validate", key, value)
        if "@" not in value:
            raise ValueError("bad email: " + value)
        return value.lower()

    @validates("name", "age")
    def validate_many(self, key, value):
        print("many", key, repr(value))
        if key == "age":
            assert value >= 0, "age must be positive"
        return value

    @validates("posts")
    def validate_post(self, key, post):
        print("post", key, post.title)
        post.title = post.title.title()
        return post

    @validates("tags", include_removes=True, include_backrefs=False)
    def validate_tag(self, key, tag, is_remove):
        print("tag", key, tag.name, is_remove)
        return tag


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(80))
    author_id = db.Column(db.Integer, db.ForeignKey("author.id"))


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    author_id = db.Column(db.Integer, db.ForeignKey("author.id"))
    author = db.relationship("Author", back_populates="tags")

    @validates("author")
    def validate_author(self, key, author):
        print("Tag.author", self.name, author.code if author is not None else None)
        return author


with app.app_context():
    db.create_all()
    a = Author(email="Ann@X.org", name="ann", age=3, code="ab")
    print(a.email, a.code)
    try:
        a.email = "nope"
    except ValueError as e:
        print("ValueError", e)
    print(a.email)
    try:
        Author(email="b@x.org", age=-1)
    except AssertionError as e:
        print("AssertionError", e)

    a.posts.append(Post(title="hello world"))
    a.posts = a.posts + [Post(title="second one")]
    p = Post(title="third")
    p.author = a
    print([p.title for p in a.posts])

    t1 = Tag(name="x")
    a.tags.append(t1)
    t2 = Tag(name="y", author=a)
    a.tags.remove(t1)
    a.tags = [t2, Tag(name="z")]
    print([t.name for t in a.tags])

    db.session.add(a)
    db.session.commit()
    first = Author.query.first()
    print(first.email, [p.title for p in first.posts], [t.name for t in first.tags])

    # A failing validator changes nothing: the object and the session stay usable.
    try:
        a.email = "zzz"
    except ValueError as e:
        print("ValueError", e)
    a.email = "NEW@x.org"
    a.code = "cd"
    db.session.commit()
    print(a.email, a.code, Author.query.count())
    print(hasattr(db, "validates"), db.validates is validates)
    db.session.close()
    db.drop_all()
