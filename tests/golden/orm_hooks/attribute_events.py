# Attribute events on Model.attr: 'set' (with retval=True changing the stored value), 'append'
# and 'remove' on collections, fired from both sides of a backref; named=True; once=True;
# validators and listeners in the order SQLAlchemy runs them.
import os
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import event
from sqlalchemy.orm import validates

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite://")
db = SQLAlchemy(app)


class Team(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))
    players = db.relationship("Player", back_populates="team", order_by="Player.id")


class Player(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    code = db.Column(db.String(10))
    team_id = db.Column(db.Integer, db.ForeignKey("team.id"))
    team = db.relationship("Team", back_populates="players")

    @validates("team")
    def check_team(self, key, team):
        print("validate team", self.code, team.name if team is not None else None)
        return team


@event.listens_for(Team.name, "set", retval=True)
def upper(target, value, oldvalue, initiator):
    print("set name", repr(value), repr(oldvalue))
    return value.upper() if value else value


@event.listens_for(Player.code, "set")
def code_set(target, value, oldvalue, initiator):
    print("set code", value, oldvalue)


@event.listens_for(Player.team, "set")
def team_set(target, value, oldvalue, initiator):
    print("team set", target.code, value.name if value is not None else None,
          getattr(oldvalue, "name", oldvalue))


@event.listens_for(Team.players, "append", retval=True, named=True)
def on_append(**kw):
    print("append", sorted(kw), kw["target"].name, kw["value"].code)
    return kw["value"]


@event.listens_for(Team.players, "remove")
def on_remove(target, value, initiator):
    print("remove", target.name, value.code)


@event.listens_for(Team.name, "set", once=True)
def first_name(target, value, oldvalue, initiator):
    print("first name ever:", value)


with app.app_context():
    db.create_all()
    red = Team(name="red")
    print(red.name)
    p1 = Player(code="a")
    red.players.append(p1)
    p2 = Player(code="b", team=red)
    red.players.remove(p1)
    red.players = [p2, Player(code="c")]
    blue = Team(name="blue")
    p2.team = blue
    print([p.code for p in red.players], [p.code for p in blue.players])
    db.session.add_all([red, blue])
    db.session.commit()
    red.name = "crimson"
    print(red.name)
    db.session.commit()
    red.name = None
    p2.code = "bb"
    db.session.expire(p2)
    p2.code = "bbb"
    db.session.commit()
    print(red.name, p2.code)
    db.session.close()
    db.drop_all()
