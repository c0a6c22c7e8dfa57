# Adjacency lists: remote_side as a list, a column and a string, in backref() and on the
# many-to-one side, back_populates on both sides, has() on a self-referential relationship.
import os
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = os.environ.get('DATABASE_URL', 'sqlite://')
db = SQLAlchemy(app)


class Node(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    parent_id = db.Column(db.Integer, db.ForeignKey('node.id'))
    name = db.Column(db.String(50))
    children = db.relationship('Node', backref=db.backref('parent', remote_side=[id]),
                               order_by='Node.name')

    def __repr__(self):
        return 'Node(%r)' % self.name


class Category(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    parent_id = db.Column(db.Integer, db.ForeignKey('category.id'))
    name = db.Column(db.String(50))
    parent = db.relationship('Category', remote_side=id, backref='subcategories')


class Employee(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    manager_id = db.Column(db.Integer, db.ForeignKey('employee.id'))
    name = db.Column(db.String(50))
    manager = db.relationship('Employee', remote_side='Employee.id',
                              back_populates='reports')
    reports = db.relationship('Employee', back_populates='manager',
                              order_by='Employee.name.desc()')


with app.app_context():
    db.create_all()
    root = Node(name='root')
    a = Node(name='a', parent=root)
    b = Node(name='b')
    root.children.append(b)
    c = Node(name='c', parent=a)
    db.session.add(root)
    db.session.commit()
    r = Node.query.filter_by(name='root').one()
    print(r.children, r.parent)
    print([(n.name, n.parent.name if n.parent else None) for n in Node.query.order_by(Node.id)])
    print(Node.query.filter(Node.parent.has(name='root')).order_by(Node.name).all())

    books = Category(name='books')
    fiction = Category(name='fiction', parent=books)
    scifi = Category(name='scifi', parent=fiction)
    db.session.add(scifi)
    db.session.commit()
    print([c.name for c in books.subcategories], scifi.parent.parent.name)
    print(Category.query.get(2).parent.name)

    boss = Employee(name='boss')
    Employee(name='ann', manager=boss)
    boss.reports.append(Employee(name='zed'))
    db.session.add(boss)
    db.session.commit()
    print([e.name for e in Employee.query.get(1).reports])
    print(Employee.query.filter_by(name='zed').one().manager.name)

    db.session.delete(scifi)
    db.session.commit()
    print([c.name for c in Category.query.all()])
