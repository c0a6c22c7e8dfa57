# An association object with a composite primary key and an extra column, reached from both
# sides with back_populates, cascade='all, delete-orphan', and SQLAlchemy's insert order.
import os
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = os.environ.get('DATABASE_URL', 'sqlite://')
db = SQLAlchemy(app)


class Order(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    customer = db.Column(db.String(50))
    items = db.relationship('OrderItem', back_populates='order',
                            cascade='all, delete-orphan')

    @property
    def total(self):
        return sum(i.quantity * i.product.price for i in self.items)


class Product(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50))
    price = db.Column(db.Integer)
    order_items = db.relationship('OrderItem', back_populates='product')

    def __repr__(self):
        return '<Product %s>' % self.name


class OrderItem(db.Model):
    __tablename__ = 'order_item'
    order_id = db.Column(db.Integer, db.ForeignKey('order.id'), primary_key=True)
    product_id = db.Column(db.Integer, db.ForeignKey('product.id'), primary_key=True)
    quantity = db.Column(db.Integer, nullable=False, default=1)
    order = db.relationship('Order', back_populates='items')
    product = db.relationship('Product', back_populates='order_items')

    def __repr__(self):
        return '<OrderItem %s x%d>' % (self.product.name, self.quantity)


with app.app_context():
    db.create_all()
    pen, ink, pad = Product(name='pen', price=3), Product(name='ink', price=7), Product(name='pad', price=2)
    o = Order(customer='ann')
    o.items.append(OrderItem(product=pen, quantity=2))
    o.items.append(OrderItem(product=ink))
    db.session.add(o)
    db.session.add(pad)
    db.session.commit()
    print(o.items, o.total)
    print(pen.order_items, pen.order_items[0].order.customer)
    print(db.session.get(OrderItem, (1, 2)))
    print(OrderItem.query.get((1, 1)).quantity)
    o2 = Order(customer='bob', items=[OrderItem(product=pad, quantity=5), OrderItem(product=pen, quantity=1)])
    db.session.add(o2)
    db.session.commit()
    print(sorted((i.order.customer, i.product.name, i.quantity) for i in OrderItem.query.all()))
    print(Product.query.join(OrderItem).join(Order).filter(Order.customer == 'bob').order_by(Product.name).all())
    item = o.items[0]
    item.quantity = 4
    db.session.commit()
    print(o.total)
    o.items.remove(o.items[1])
    db.session.commit()
    print(OrderItem.query.count(), o.items)
    db.session.delete(o2)
    db.session.commit()
    print(OrderItem.query.count(), Product.query.count(), pen.order_items)
