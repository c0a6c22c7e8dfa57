# The Computer CRUD walk-through: a model with a custom __init__ and __repr__, ids None until
# commit, get / filter_by / all, an update by attribute, a delete.
import os
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = os.environ.get('DATABASE_URL', 'sqlite://')
db = SQLAlchemy(app)


class Computer(db.Model):
    __tablename__ = "computers"
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.Text)
    memory_in_gb = db.Column(db.Integer)

    def __init__(self, name, memory_in_gb):
        self.name = name
        self.memory_in_gb = memory_in_gb

    def __repr__(self):
        return f"This {self.name} has {self.memory_in_gb} GB of memory"


with app.app_context():
    db.create_all()
    my_mac = Computer('Macbook Pro', 8)
    my_acer = Computer('Aspire V15', 16)
    print(my_mac.name, my_mac.memory_in_gb, my_mac.id)
    db.session.add(my_mac)
    db.session.add(my_acer)
    db.session.commit()
    print(my_mac.id, my_acer.id)
    super_computer = Computer('Supercomputer', 128)
    db.session.add(super_computer)
    db.session.commit()
    all_computers = Computer.query.all()
    print(all_computers)
    first_computer = Computer.query.get(1)
    print(first_computer)
    print(Computer.query.filter_by(name="Macbook Pro"))
    print(Computer.query.filter_by(name="Macbook Pro").first())
    first_computer.memory_in_gb = 32
    db.session.add(first_computer)
    db.session.commit()
    print(Computer.query.get(1))
    found_computer = Computer.query.get(1)
    db.session.delete(found_computer)
    db.session.commit()
    print(Computer.query.all(), Computer.query.get(1))
    db.session.remove()  # end the open transaction: DROP TABLE would wait for its locks
    db.drop_all()
