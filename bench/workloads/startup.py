# Workload 4 (startup): a whole process that declares one model on an in-memory SQLite
# database, adds a row, commits and prints a query.
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = 'sqlite://'
db = SQLAlchemy(app)


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    text = db.Column(db.String(200), nullable=False)


with app.app_context():
    db.create_all()
    db.session.add(Note(text='hello'))
    db.session.commit()
    print([(n.id, n.text) for n in Note.query.all()])
