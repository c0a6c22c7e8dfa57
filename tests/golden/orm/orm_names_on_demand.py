# sqlalchemy.orm's names that ormsh defines on first use (Mapped and registry load Python
# modules then) behave like the others for a star import, dir() and vars().
import sqlalchemy.orm

print(hasattr(sqlalchemy.orm, 'no_such_name'))
from sqlalchemy.orm import *  # noqa: E402,F403

print(Mapped.__name__, registry.__name__, relationship.__name__)
print(type(registry().metadata).__name__)
print(all(name in dir(sqlalchemy.orm) for name in ('Mapped', 'registry', 'relationship')))
print('Mapped' in vars(sqlalchemy.orm), 'registry' in vars(sqlalchemy.orm))
