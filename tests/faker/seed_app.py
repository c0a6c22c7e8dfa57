# A Flask-SQLAlchemy seed script as projects write them, using faker. Dates are drawn between
# fixed bounds so the output depends only on the seed (python3 with the same faker module and
# CPython's random prints the same).
import datetime
import os

from faker import Faker
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite://")
app.config["SQLALCHEMY_TRACK_MODIFICATIONS"] = False
db = SQLAlchemy(app)


class User(db.Model):
    __tablename__ = "faker_users"
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(120), nullable=False)
    email = db.Column(db.String(120), unique=True, nullable=False)
    born = db.Column(db.Date)
    job = db.Column(db.String(80))
    score = db.Column(db.Float)
    active = db.Column(db.Boolean, default=True)
    bio = db.Column(db.Text)
    posts = db.relationship("Post", backref="author", lazy=True)


class Post(db.Model):
    __tablename__ = "faker_posts"
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(200), nullable=False)
    body = db.Column(db.Text)
    created = db.Column(db.DateTime)
    user_id = db.Column(db.Integer, db.ForeignKey("faker_users.id"), nullable=False)


fake = Faker()
Faker.seed(2024)


def seed(n_users=12):
    for _ in range(n_users):
        user = User(
            name=fake.name(),
            email=fake.unique.email(),
            born=fake.date_between(start_date=datetime.date(1950, 1, 1),
                                   end_date=datetime.date(2005, 12, 31)),
            job=fake.job(),
            score=fake.pyfloat(left_digits=2, right_digits=2, positive=True),
            active=fake.boolean(chance_of_getting_true=80),
            bio=fake.text(max_nb_chars=120),
        )
        db.session.add(user)
        for _ in range(fake.random_int(min=0, max=3)):
            db.session.add(Post(
                title=fake.sentence(nb_words=4),
                body=fake.paragraph(nb_sentences=2),
                created=fake.date_time_between(start_date=datetime.datetime(2020, 1, 1),
                                               end_date=datetime.datetime(2023, 12, 31)),
                author=user,
            ))
    db.session.commit()


with app.app_context():
    db.drop_all()
    db.create_all()
    seed()
    print("users:", User.query.count(), "posts:", Post.query.count())
    emails = [u.email for u in User.query.all()]
    print("distinct emails:", len(set(emails)) == len(emails))
    for user in User.query.order_by(User.born).limit(4):
        print(user.name, "|", user.email, "|", user.born, "|", user.job, "|", user.score,
              "|", user.active, "|", len(user.posts))
    newest = Post.query.order_by(Post.created.desc()).first()
    if newest is not None:
        print(newest.title, "|", newest.created, "|", newest.author.name)
    print(sum(1 for u in User.query if u.active), "active")
    db.session.close()  # PostgreSQL: DROP TABLE waits for the session's open transaction
    db.drop_all()
