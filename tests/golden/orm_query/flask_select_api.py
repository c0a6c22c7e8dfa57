# Flask-SQLAlchemy 3.0 on select(): db.session.get, get_or_404 / first_or_404 / one_or_404
# (werkzeug NotFound outside a request), db.paginate(select(...)) and its Pagination object,
# Query.paginate, and db.select with scalars().
import os
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import select

app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = os.environ.get('DATABASE_URL', 'sqlite://')
db = SQLAlchemy(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(40))

    def __repr__(self):
        return '<User %s>' % self.name


with app.app_context():
    db.create_all()
    db.session.add_all([User(name='u%02d' % i) for i in range(1, 26)])
    db.session.commit()
    print(db.session.get(User, 3))
    print(db.get_or_404(User, 4))
    try:
        db.get_or_404(User, 99)
    except Exception as e:
        print(type(e).__name__, e)
        print(repr(e), e.code, e.description)
    try:
        db.get_or_404(User, 99, description='no such user')
    except Exception as e:
        print(type(e).__name__, e)
    print(db.first_or_404(select(User).filter_by(name='u05')))
    try:
        db.first_or_404(select(User).filter_by(name='zz'))
    except Exception as e:
        print(type(e).__name__, e)
    print(db.one_or_404(select(User).where(User.name == 'u07')))
    try:
        db.one_or_404(select(User).where(User.name.like('u1%')))
    except Exception as e:
        print(type(e).__name__, e)
    p = db.paginate(select(User).order_by(User.id), page=2, per_page=10)
    print(p.items)
    print(p.total, p.pages, p.page, p.per_page, p.has_next, p.next_num, p.has_prev, p.prev_num, p.first, p.last)
    print(list(p.iter_pages()))
    n = p.next()
    print(n.items, n.has_next, n.total)
    print(p.prev().items[:2])
    print([u.name for u in p])
    p = db.paginate(select(User).order_by(User.id.desc()), page=1, per_page=3, count=False)
    print(p.items, p.total, p.pages)
    try:
        db.paginate(select(User), page=9, per_page=10)
    except Exception as e:
        print(type(e).__name__, e)
    p = db.paginate(select(User), page=9, per_page=10, error_out=False)
    print(p.items, p.total)
    p = User.query.order_by(User.name).paginate(page=3, per_page=4)
    print(p.items, p.total, list(p.iter_pages(left_edge=1, right_edge=1)))
    print(db.session.execute(db.select(User).filter_by(name='u01')).scalar_one())
    print(db.session.scalars(db.select(User.name).order_by(User.name.desc()).limit(2)).all())
    big = db.paginate(select(User).order_by(User.id), page=5, per_page=2)
    print(list(big.iter_pages()))
