# The Graphene tutorial's models: plain SQLAlchemy declarative classes with a scoped session,
# a query property, a backref with cascade and a server-side default.
import os
from sqlalchemy import *
from sqlalchemy.orm import scoped_session, sessionmaker, relationship, backref
from sqlalchemy.ext.declarative import declarative_base

engine = create_engine(os.environ.get('DATABASE_URL', 'sqlite://'))
db_session = scoped_session(sessionmaker(autocommit=False, autoflush=False, bind=engine))

Base = declarative_base()
Base.query = db_session.query_property()


class Department(Base):
    __tablename__ = 'example_department'
    id = Column(Integer, primary_key=True)
    name = Column(String(50))


class Employee(Base):
    __tablename__ = 'example_employee'
    id = Column(Integer, primary_key=True)
    name = Column(String(50))
    hired_on = Column(DateTime, default=func.now())
    department_id = Column(Integer, ForeignKey('example_department.id'))
    department = relationship(
        Department,
        backref=backref('employees', uselist=True, cascade='delete,all'))


Base.metadata.drop_all(bind=engine)
Base.metadata.create_all(bind=engine)
engineering = Department(name='Engineering')
db_session.add(engineering)
hr = Department(name='Human Resources')
db_session.add(hr)
peter = Employee(name='Peter', department=engineering)
db_session.add(peter)
roy = Employee(name='Roy', department=engineering)
db_session.add(roy)
tracy = Employee(name='Tracy', department=hr)
db_session.add(tracy)
db_session.commit()

for d in Department.query.order_by(Department.id):
    print(d.name, sorted(e.name for e in d.employees))
print(Employee.query.filter_by(name='Roy').one().department.name)
print(peter.hired_on is not None)
db_session.delete(engineering)
db_session.commit()
print(Employee.query.count(), [e.name for e in Employee.query.all()])
