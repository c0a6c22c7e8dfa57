# sqlalchemy.ext.automap: model classes generated from the tables of a MetaData (usually
# reflected from a database), with relationships from their foreign keys named as SQLAlchemy
# names them: a many-to-one `<referred class lowercased>` on the class holding the key and a
# one-to-many `<holding class lowercased>_collection` back on the referred class; a table
# made only of two foreign keys becomes a many-to-many `secondary` between the two classes.
import sqlalchemy
import sqlalchemy.orm


def classname_for_table(base, tablename, table):
    return str(tablename)


def name_for_scalar_relationship(base, local_cls, referred_cls, constraint):
    return referred_cls.__name__.lower()


def name_for_collection_relationship(base, local_cls, referred_cls, constraint):
    return referred_cls.__name__.lower() + '_collection'


def generate_relationship(base, direction, return_fn, attrname, local_cls, referred_cls, **kw):
    return return_fn(referred_cls, **kw)


class Properties:
    """Base.classes: the generated classes by name, as attributes, items and an iterable."""

    def __init__(self):
        self._data = {}

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        try:
            return self._data[name]
        except KeyError:
            raise AttributeError(name)

    def __dir__(self):
        return list(self._data)

    def __getitem__(self, name):
        return self._data[name]

    def __contains__(self, name):
        return name in self._data

    def __iter__(self):
        return iter(list(self._data.values()))

    def __len__(self):
        return len(self._data)

    def keys(self):
        return list(self._data)

    def values(self):
        return list(self._data.values())

    def items(self):
        return list(self._data.items())

    def get(self, name, default=None):
        return self._data.get(name, default)


def _foreign_key_groups(table):
    """The foreign keys of `table` grouped per referred table: [(referred, [(local, remote)])]."""
    groups = {}
    order = []
    for fk in table.foreign_keys:
        referred = fk.column.table
        if referred.name not in groups:
            groups[referred.name] = (referred, [])
            order.append(referred.name)
        groups[referred.name][1].append((fk.parent, fk.column))
    return [groups[name] for name in order]


def _is_association(table):
    groups = _foreign_key_groups(table)
    if len(groups) != 2:
        return False
    fk_columns = set()
    for referred, pairs in groups:
        for local, remote in pairs:
            fk_columns.add(local.name)
    return all(column.name in fk_columns for column in table.columns)


class _ClassName:
    """Stands for a class not created yet when a naming function is asked about it: every
    relationship must be in the class body, so names are chosen before the classes exist."""

    def __init__(self, name, table):
        self.__name__ = name
        self.__table__ = table


class AutomapBase:
    classes = None

    @classmethod
    def prepare(cls, autoload_with=None, engine=None, reflect=False, schema=None,
                classname_for_table=classname_for_table, collection_class=None,
                name_for_scalar_relationship=name_for_scalar_relationship,
                name_for_collection_relationship=name_for_collection_relationship,
                generate_relationship=generate_relationship, reflection_options=None):
        bind = autoload_with if autoload_with is not None else engine
        if bind is not None and (reflect or autoload_with is not None):
            cls.metadata.reflect(bind=bind)
        mapped = set(mapped.__table__.name for mapped in cls.classes)
        targets = {}
        bodies = {}
        for name in sorted(cls.metadata.tables):
            table = cls.metadata.tables[name]
            if name in mapped or _is_association(table) or not list(table.primary_key):
                continue
            targets[name] = _ClassName(classname_for_table(cls, name, table), table)
            bodies[name] = {'__table__': table}
        relate = _Relater(cls, targets, bodies, generate_relationship)
        for name in sorted(cls.metadata.tables):
            table = cls.metadata.tables[name]
            if _is_association(table):
                relate.many_to_many(table, name_for_collection_relationship)
            elif name in targets:
                relate.many_to_one(table, name_for_scalar_relationship,
                                   name_for_collection_relationship)
        for name in sorted(bodies):
            class_name = targets[name].__name__
            cls.classes._data[class_name] = type(class_name, (cls,), bodies[name])


class _Relater:
    """Adds relationship() entries to the class bodies, both directions of each foreign key,
    skipping a name a column or an earlier relationship already took."""

    def __init__(self, base, targets, bodies, generate):
        self.base = base
        self.targets = targets
        self.bodies = bodies
        self.generate = generate

    def _free(self, table_name, attr):
        body = self.bodies[table_name]
        return attr not in body and attr not in body['__table__'].columns

    def _add(self, direction, owner, attr, target, **kw):
        self.bodies[owner.__table__.name][attr] = self.generate(
            self.base, direction, sqlalchemy.orm.relationship, attr, owner, target.__name__,
            **kw)

    def many_to_one(self, table, scalar_name, collection_name):
        local = self.targets[table.name]
        for referred_table, pairs in _foreign_key_groups(table):
            referred = self.targets.get(referred_table.name)
            if referred is None:
                continue
            local_columns = [pair[0] for pair in pairs]
            scalar = scalar_name(self.base, local, referred, None)
            collection = collection_name(self.base, referred, local, None)
            if not self._free(table.name, scalar) or \
                    not self._free(referred_table.name, collection):
                continue
            self._add('manytoone', local, scalar, referred, foreign_keys=local_columns,
                      back_populates=collection)
            self._add('onetomany', referred, collection, local, foreign_keys=local_columns,
                      back_populates=scalar)

    def many_to_many(self, table, collection_name):
        (left_table, _), (right_table, _) = _foreign_key_groups(table)
        left = self.targets.get(left_table.name)
        right = self.targets.get(right_table.name)
        if left is None or right is None:
            return
        to_right = collection_name(self.base, left, right, None)
        to_left = collection_name(self.base, right, left, None)
        if not self._free(left_table.name, to_right) or not self._free(right_table.name, to_left):
            return
        self._add('manytomany', left, to_right, right, secondary=table, back_populates=to_left)
        self._add('manytomany', right, to_left, left, secondary=table, back_populates=to_right)


def automap_base(declarative_base=None, **kw):
    if declarative_base is None:
        declarative_base = sqlalchemy.orm.declarative_base(**kw)
    base = type(declarative_base.__name__ if 'name' not in kw else kw['name'],
                (AutomapBase, declarative_base), {'__abstract__': True})
    base.classes = Properties()
    return base
