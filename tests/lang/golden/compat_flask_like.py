# Patterns real Flask-SQLAlchemy scripts use, on plain classes.
import os
class Config:
    SQLALCHEMY_DATABASE_URI = os.environ.get("ORMSH_GOLDEN_NO_SUCH_VAR", "sqlite://")
    SQLALCHEMY_TRACK_MODIFICATIONS = False
class App:
    def __init__(self, name):
        self.name = name
        self.config = {}
    def from_object(self, obj):
        for key in dir(obj):
            if key.isupper():
                self.config[key] = getattr(obj, key)
app = App(__name__)
app.from_object(Config)
print(app.name, sorted(app.config.items()))
class Column:
    def __init__(self, type_, primary_key=False, nullable=True, unique=False, default=None):
        self.type = type_
        self.primary_key = primary_key
        self.nullable = nullable
        self.default = default
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, self.default)
    def __set__(self, obj, value):
        obj.__dict__[self.name] = value
    def __repr__(self):
        return f"Column({self.name!r})"
class ModelMeta:
    registry = {}
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        cls.__tablename__ = "".join("_" + c.lower() if c.isupper() else c for c in cls.__name__).lstrip("_")
        cls.columns = [v for v in vars(cls).values() if isinstance(v, Column)]
        ModelMeta.registry[cls.__tablename__] = cls
class Model(ModelMeta):
    def __init__(self, **kwargs):
        for k, v in kwargs.items():
            if not hasattr(type(self), k):
                raise TypeError(f"{k!r} is an invalid keyword argument for {type(self).__name__}")
            setattr(self, k, v)
    def __repr__(self):
        cols = ", ".join(f"{c.name}={getattr(self, c.name)!r}" for c in type(self).columns)
        return f"<{type(self).__name__} {cols}>"
class BlogPost(Model):
    id = Column(int, primary_key=True)
    title = Column(str, nullable=False)
    views = Column(int, default=0)
p = BlogPost(title="Hello")
print(p, BlogPost.__tablename__, BlogPost.title, p.views, sorted(ModelMeta.registry))
try:
    BlogPost(nope=1)
except TypeError as e:
    print(e)
users = [BlogPost(id=i, title=f"t{i}", views=i * 10) for i in range(5)]
print([u.title for u in users if u.views > 15], sum(u.views for u in users))
print(f"{len(users)} posts", "%d posts" % len(users), "{} posts".format(len(users)))
try:
    raise RuntimeError("commit failed")
except RuntimeError as exc:
    print(f"rollback: {exc}")
finally:
    print("session closed")
