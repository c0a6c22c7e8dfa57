# sqlalchemy.ext.associationproxy: association_proxy('user_keywords', 'keyword') reads an
# attribute across a relationship. On an instance it is a live view: a list over a collection
# (appending creates the intermediate object with `creator`, by default the target class called
# with the value), or the attribute of a scalar relationship's object. On the class it builds
# SQL: any() / has() / contains() / == through the relationship, as SQLAlchemy rewrites them.
import _ormsh_orm


def association_proxy(target_collection, attr, **kw):
    return AssociationProxy(target_collection, attr, **kw)


def _relationship_info(cls, name):
    """(target class, uselist) of relationship `name` of mapped class `cls`, or None."""
    for key, target, uselist in _ormsh_orm.relationships(cls):
        if key == name:
            return target, uselist
    return None


class AssociationProxy:
    def __init__(self, target_collection, attr, creator=None, getset_factory=None,
                 proxy_factory=None, proxy_bulk_set=None, info=None,
                 cascade_scalar_deletes=False):
        self.target_collection = target_collection
        self.value_attr = attr
        self.creator = creator
        self.cascade_scalar_deletes = cascade_scalar_deletes
        self.info = info if info is not None else {}
        self.key = '_%s_%s_%s' % (type(self).__name__, target_collection, id(self))
        self.owning_class = None

    def __set_name__(self, owner, name):
        self.owning_class = owner
        self.name = name

    def __repr__(self):
        return 'AssociationProxy(%r, %r)' % (self.target_collection, self.value_attr)

    def _owner(self, obj):
        return self.owning_class if self.owning_class is not None else type(obj)

    def _info(self, cls):
        info = _relationship_info(cls, self.target_collection)
        if info is None:
            raise AttributeError(
                "association proxy %r: %s has no relationship %r"
                % (getattr(self, 'name', self.value_attr), cls.__name__, self.target_collection))
        return info

    def __get__(self, obj, cls=None):
        if obj is None:
            return _class_level(self, cls if cls is not None else self.owning_class)
        target_class, uselist = self._info(self._owner(obj))
        if uselist:
            return _AssociationList(self, obj, target_class)
        related = getattr(obj, self.target_collection)
        if related is None:
            return None
        return getattr(related, self.value_attr)

    def __set__(self, obj, values):
        target_class, uselist = self._info(self._owner(obj))
        if uselist:
            view = _AssociationList(self, obj, target_class)
            if values is view:
                return
            view.clear()
            view.extend(values)
            return
        related = getattr(obj, self.target_collection)
        if related is None:
            setattr(obj, self.target_collection, self._create(target_class, values))
        else:
            setattr(related, self.value_attr, values)

    def __delete__(self, obj):
        delattr(obj, self.target_collection)

    def _create(self, target_class, value):
        if self.creator is not None:
            return self.creator(value)
        return target_class(value)


def _class_level(proxy, owner):
    """The class-level form: which one depends on what the proxied attribute is."""
    target_class, uselist = proxy._info(owner)
    remote = getattr(target_class, proxy.value_attr)
    if _relationship_info(target_class, proxy.value_attr) is not None:
        kind = ObjectAssociationProxyInstance
    elif hasattr(remote, 'any') and hasattr(remote, 'has'):
        kind = ColumnAssociationProxyInstance
    else:
        kind = AmbiguousAssociationProxyInstance
    return kind(proxy, owner, target_class, uselist)


class AssociationProxyInstance:
    def __init__(self, parent, owning_class, target_class, uselist):
        self.parent = parent
        self.owning_class = owning_class
        self.target_class = target_class
        self.scalar = not uselist
        self.target_collection = parent.target_collection
        self.value_attr = parent.value_attr

    def __repr__(self):
        return '%s(%r)' % (type(self).__name__, self.parent)

    @property
    def attr(self):
        return (getattr(self.owning_class, self.target_collection),
                getattr(self.target_class, self.value_attr))

    @property
    def remote_attr(self):
        return getattr(self.target_class, self.value_attr)

    @property
    def local_attr(self):
        return getattr(self.owning_class, self.target_collection)

    def _through(self, criterion):
        """EXISTS through the proxied relationship: any() for a collection, has() for one."""
        if self.scalar:
            return self.local_attr.has(criterion)
        return self.local_attr.any(criterion)

    def _remote_is_collection(self):
        info = _relationship_info(self.target_class, self.value_attr)
        return info is not None and info[1]

    def any(self, criterion=None, **kwargs):
        if self._remote_is_collection():
            inner = self.remote_attr.any(criterion, **kwargs)
        else:
            inner = self.remote_attr.has(criterion, **kwargs)
        return self._through(inner)

    def has(self, criterion=None, **kwargs):
        return self.any(criterion, **kwargs)


class ObjectAssociationProxyInstance(AssociationProxyInstance):
    def contains(self, obj):
        if self._remote_is_collection():
            return self._through(self.remote_attr.contains(obj))
        return self._through(self.remote_attr == obj)

    def __eq__(self, obj):
        if obj is None:
            return self._through(self.remote_attr == None)  # noqa: E711
        return self._through(self.remote_attr == obj)

    def __ne__(self, obj):
        return self._through(self.remote_attr != obj)


class ColumnAssociationProxyInstance(AssociationProxyInstance):
    def contains(self, value):
        return self._through(self.remote_attr == value)

    def __eq__(self, value):
        return self._through(self.remote_attr == value)

    def __ne__(self, value):
        return self._through(self.remote_attr != value)

    def like(self, other, **kw):
        return self._through(self.remote_attr.like(other, **kw))

    def in_(self, values):
        return self._through(self.remote_attr.in_(values))


class AmbiguousAssociationProxyInstance(AssociationProxyInstance):
    pass


class _AssociationList:
    """The list an association proxy shows over a collection: reads map each member to its
    attribute; writes go through the collection, creating members with the creator."""

    def __init__(self, proxy, owner, target_class):
        self._proxy = proxy
        self._owner = owner
        self._target_class = target_class

    @property
    def col(self):
        return getattr(self._owner, self._proxy.target_collection)

    def _get(self, member):
        return getattr(member, self._proxy.value_attr)

    def _set(self, member, value):
        setattr(member, self._proxy.value_attr, value)

    def _create(self, value):
        return self._proxy._create(self._target_class, value)

    def __len__(self):
        return len(self.col)

    def __bool__(self):
        return len(self.col) > 0

    def __iter__(self):
        for member in list(self.col):
            yield self._get(member)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._get(member) for member in self.col[index]]
        return self._get(self.col[index])

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            col = self.col
            start, stop, step = index.indices(len(col))
            if step != 1:
                raise ValueError('association proxy lists support only contiguous slices')
            for i in range(stop - 1, start - 1, -1):
                del col[i]
            for offset, item in enumerate(value):
                col.insert(start + offset, self._create(item))
            return
        self._set(self.col[index], value)

    def __delitem__(self, index):
        del self.col[index]

    def __contains__(self, value):
        for member in self.col:
            if self._get(member) == value:
                return True
        return False

    def append(self, value):
        self.col.append(self._create(value))

    def extend(self, values):
        for value in values:
            self.append(value)

    def insert(self, index, value):
        self.col.insert(index, self._create(value))

    def remove(self, value):
        for i, member in enumerate(self.col):
            if self._get(member) == value:
                del self.col[i]
                return
        raise ValueError('value not in list')

    def pop(self, index=-1):
        member = self.col.pop(index)
        return self._get(member)

    def clear(self):
        col = self.col
        for i in range(len(col) - 1, -1, -1):
            del col[i]

    def index(self, value, *args):
        return list(self).index(value, *args)

    def count(self, value):
        return sum(1 for v in self if v == value)

    def copy(self):
        return list(self)

    def __eq__(self, other):
        return list(self) == other

    def __ne__(self, other):
        return list(self) != other

    def __lt__(self, other):
        return list(self) < other

    def __add__(self, other):
        return list(self) + list(other)

    def __radd__(self, other):
        return list(other) + list(self)

    def __iadd__(self, values):
        self.extend(values)
        return self

    def __hash__(self):
        raise TypeError("%s objects are unhashable" % type(self).__name__)

    def __repr__(self):
        return repr(list(self))

    def __str__(self):
        return str(list(self))
