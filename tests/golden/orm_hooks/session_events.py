# Session events on Session (every session), db.session, a sessionmaker and one session:
# before_flush (changes made there are flushed), after_flush, after_flush_postexec,
# before_commit, after_commit, after_rollback; an exception in before_flush leaves the session
# as it was, as in SQLAlchemy.
import os
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite://")
db = SQLAlchemy(app)


class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(80))
    note = db.Column(db.String(80))


def make(name):
    def listener(session, *args):
        print(name, len(args), len(session.new), len(session.dirty), len(session.deleted))
    return listener


for name in ["before_commit", "after_commit", "after_rollback", "after_flush",
             "after_flush_postexec"]:
    event.listen(Session, name, make(name))

fail = [False]


@event.listens_for(db.session, "before_flush")
def stamp(session, flush_context, instances):
    print("before_flush", type(flush_context).__name__, instances)
    if fail[0]:
        raise RuntimeError("no flush today")
    for obj in session.new:
        obj.note = "stamped " + obj.name


with app.app_context():
    db.create_all()
    print("-- add + rollback")
    db.session.add(Item(name="a"))
    db.session.rollback()
    print("-- rollback again")
    db.session.rollback()
    print("-- commit with nothing to do")
    db.session.commit()
    print("-- query + rollback")
    Item.query.all()
    db.session.rollback()
    print("-- add + commit")
    item = Item(name="b")
    db.session.add(item)
    db.session.commit()
    print(item.note)
    print("-- change + rollback")
    item.name = "c"
    db.session.rollback()
    print(item.name)
    print("-- failing before_flush")
    fail[0] = True
    db.session.add(Item(name="d"))
    try:
        db.session.flush()
    except RuntimeError as e:
        print("RuntimeError", e)
    print(db.session.is_active, len(db.session.new))
    fail[0] = False
    db.session.commit()
    print(Item.query.count())
    print("-- sessionmaker and one session")
    maker = sessionmaker(bind=db.engine)
    event.listen(maker, "after_commit", lambda s: print("maker session committed"))
    s1 = maker()
    s1.add(Item(name="e"))
    s1.commit()
    s2 = Session(bind=db.engine)
    event.listen(s2, "before_commit", lambda s: print("s2 before_commit"))
    s2.commit()
    print(s1.query(Item).count())
    s1.close()
    s2.close()
    db.session.close()
    db.drop_all()
