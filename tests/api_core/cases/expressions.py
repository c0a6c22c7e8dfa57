# str() of Core expressions and statements, and the Python operators that build them.
from sqlalchemy import (MetaData, Table, Column, Integer, String, Numeric, ForeignKey, select, insert,
                        update, delete, and_, or_, not_, func, text, desc, asc, literal, literal_column,
                        bindparam, case, cast, null, exists, distinct)

md = MetaData()
users = Table('ex_users', md,
    Column('id', Integer, primary_key=True),
    Column('name', String(50)),
    Column('age', Integer),
    Column('balance', Numeric(10, 2)),
)
orders = Table('ex_orders', md,
    Column('id', Integer, primary_key=True),
    Column('user_id', Integer, ForeignKey('ex_users.id')),
    Column('total', Integer),
)
c = users.c
print(str(c.name == 'x'))
print(str(c.name != 'x'), '|', str(c.age < 3), '|', str(c.age >= 3))
print(str(c.name == None), '|', str(c.name != None), '|', str(c.name.is_(None)), '|', str(c.name.isnot(None)))
print(str(c.age + 1), '|', str(c.age - 1), '|', str(c.age * 2), '|', str(c.age / 2), '|', str(c.age % 2), '|', str(-c.age))
print(str(5 + c.age), '|', str(c.name + 'x'))
print(str((c.age > 1) & (c.age < 5)), '|', str((c.age > 1) | (c.name == 'a')), '|', str(~(c.age > 1)))
print(str(and_(c.age > 1, or_(c.name == 'a', c.name == 'b'))))
print(str(not_(c.name.like('a%'))), '|', str(c.name.ilike('%A')), '|', str(c.name.notlike('z%')))
print(str(c.age.in_([1, 2, 3])), '|', str(c.age.not_in([1])), '|', str(c.age.between(1, 5)))
print(str(c.name.startswith('a')), '|', str(c.name.endswith('z')), '|', str(c.name.contains('m')))
print(str(c.name.desc()), '|', str(c.age.asc()), '|', str(desc(c.age)), '|', str(c.name.label('n')))
print(str(func.count()), '|', str(func.count(c.id)), '|', str(func.lower(c.name)), '|', str(func.max(c.age)))
print(str(cast(c.age, String)), '|', str(distinct(c.name)), '|', str(literal(5)), '|', str(literal_column('1')))
print(str(case((c.age > 10, 'old'), else_='young')))
print(str(select(users)))
print(str(select(c.id, c.name).where(c.age > 18).order_by(c.name.desc()).limit(5).offset(2)))
print(str(select([c.name]).where(c.name == bindparam('nm'))))
print(str(select(func.count(c.id).label('n'), c.age).group_by(c.age).having(func.count(c.id) > 1)))
print(str(select(c.name, orders.c.total).select_from(users.join(orders))))
print(str(select(c.name).select_from(users.outerjoin(orders, users.c.id == orders.c.user_id))))
sub = select(orders.c.user_id, func.sum(orders.c.total).label('spent')).group_by(orders.c.user_id).subquery()
print(str(select(c.name, sub.c.spent).join(sub, c.id == sub.c.user_id)))
print(str(select(c.name).where(exists().where(orders.c.user_id == c.id))))
print(str(select(c.name).where(c.id.in_(select(orders.c.user_id)))))
print(str(users.insert()), '|', str(insert(users).values(name='a')))
print(str(users.update().where(c.id == 1).values(name='b')))
print(str(delete(users).where(c.id == 2)))
print(str(users.select(c.id == 1)))
print(str(text('select * from ex_users where id = :id')))
print(type(c.name == 'x').__name__, type(and_(c.age > 1, c.age < 2)).__name__, type(c.name.desc()).__name__,
      type(c.name.label('x')).__name__, type(func.count()).__name__, type(func.lower(c.name)).__name__,
      type(select(users)).__name__, type(users.insert()).__name__, type(text('x')).__name__, type(sub).__name__)
print(bool(c.id == c.id), bool(c.id != c.id), bool(c.id == c.name))
try:
    bool(c.id == 5)
except TypeError as e:
    print('TypeError', e)
print(str(c.name.type), str(c.balance.type), repr(c.balance.type), c.name.type.length)
print([col.name for col in users.c], list(users.c.keys()), users.c['age'].name, 'age' in users.c)
print(users.c.id.table.name, users.name, c.id.primary_key, c.name.nullable, [k.name for k in users.primary_key])
a = users.alias('u2')
print(str(select(a.c.name).where(a.c.id == 5)))
