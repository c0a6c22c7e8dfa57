# sqlalchemy.orm's 2.0 declarative form: Mapped[...] annotations, mapped_column() and
# relationship() typed by its annotation. The native declarative scan (model.cpp) calls
# declared_attributes() for each class body it maps and gets back the Column and relationship()
# objects the 1.4 form would have spelled out, so the rest of the mapping is unchanged.
import datetime
import decimal
import enum
import re
import typing
import uuid

import sqlalchemy
import sqlalchemy.exc
import _ormsh_orm
from sqlalchemy.types import TypeEngine
from _ormsh_registry import registry  # noqa: F401 (sqlalchemy.orm.registry)

_MISSING = object()


def _MappedAnnotationError(message):
    # Imported when raised: this module is loaded while sqlalchemy.orm itself is.
    import sqlalchemy.orm.exc
    return sqlalchemy.orm.exc.MappedAnnotationError(message)
_NONE_TYPE = type(None)


class _MappedForm:
    """Mapped[T] as an annotation holds it: the form (Mapped, WriteOnlyMapped ...) and T."""

    def __init__(self, origin, arg):
        self.__origin__ = origin
        self.__args__ = (arg,)

    def __repr__(self):
        return "%s.%s[%s]" % (self.__origin__.__module__, self.__origin__.__name__,
                              typing._type_repr(self.__args__[0]))

    def __eq__(self, other):
        return (isinstance(other, _MappedForm) and self.__origin__ is other.__origin__
                and self.__args__ == other.__args__)

    def __hash__(self):
        return hash((self.__origin__, self.__args__))


class Mapped:
    """An ORM-mapped attribute as annotations name it: `id: Mapped[int]`."""
    __module__ = "sqlalchemy.orm.base"

    def __class_getitem__(cls, arg):
        return _MappedForm(cls, arg)


class WriteOnlyMapped(Mapped):
    __module__ = "sqlalchemy.orm.base"


class DynamicMapped(Mapped):
    __module__ = "sqlalchemy.orm.base"


class MappedAsDataclass:
    """Accepted as a mixin of the declarative base; instances keep the keyword constructor."""
    __module__ = "sqlalchemy.orm.decl_api"


# mapped_column() keywords that only the ORM or dataclasses read; Column() never sees them.
_ORM_ONLY = ("init", "repr", "default_factory", "compare", "kw_only", "hash", "deferred",
             "deferred_group", "deferred_raiseload", "use_existing_column", "active_history",
             "sort_order", "dataclass_metadata")


class MappedColumn:
    """What mapped_column() returns: Column arguments kept until the class is mapped, when the
    Mapped[] annotation supplies the type and nullability they leave out."""
    __module__ = "sqlalchemy.orm.properties"

    def __init__(self, args, kwargs):
        self.args = args
        self.kwargs = kwargs

    def __repr__(self):
        return "<sqlalchemy.orm.properties.MappedColumn object at 0x%x>" % id(self)


def mapped_column(*args, **kwargs):
    return MappedColumn(args, kwargs)


def _is_sql_type(value):
    return isinstance(value, TypeEngine) or (isinstance(value, type)
                                              and issubclass(value, TypeEngine))


def _merge(templates):
    """One (args, kwargs) from mapped_column() templates, later ones taking precedence: an
    Annotated[...] template first, then the attribute's own mapped_column()."""
    name, sql_type, rest, kwargs = None, None, [], {}
    for template in templates:
        for arg in template.args:
            if isinstance(arg, str) and name is None and sql_type is None:
                name = arg
            elif _is_sql_type(arg):
                sql_type = arg
            else:
                rest.append(arg)
        kwargs.update(template.kwargs)
    if "type_" in kwargs:
        sql_type = kwargs.pop("type_")
    sort_order = kwargs.pop("sort_order", 0)
    if "insert_default" in kwargs:
        kwargs.setdefault("default", kwargs.pop("insert_default"))
    for key in _ORM_ONLY:
        kwargs.pop(key, None)
    return name, sql_type, rest, kwargs, sort_order


_DEFAULT_TYPES = None


def _default_types():
    # Built on first use: the type objects are made once per script.
    global _DEFAULT_TYPES
    if _DEFAULT_TYPES is None:
        _DEFAULT_TYPES = {
            bool: sqlalchemy.Boolean(),
            bytes: sqlalchemy.LargeBinary(),
            datetime.date: sqlalchemy.Date(),
            datetime.datetime: sqlalchemy.DateTime(),
            datetime.time: sqlalchemy.Time(),
            datetime.timedelta: sqlalchemy.Interval(),
            decimal.Decimal: sqlalchemy.Numeric(),
            float: sqlalchemy.Float(),
            int: sqlalchemy.Integer(),
            str: sqlalchemy.String(),
        }
    return _DEFAULT_TYPES


def _lookup(type_map, key):
    try:
        return type_map.get(key)
    except TypeError:  # an unhashable annotation is in no map
        return None


def _resolve_sql_type(python_type, type_map):
    """The SQL type for a Python type: the registry's type_annotation_map first, then the
    default map, each by the type itself and then along its MRO; enum.Enum subclasses and
    Literal[...] become Enum types."""
    maps = [m for m in (type_map, _default_types()) if m]
    if python_type is uuid.UUID and _lookup(type_map or {}, uuid.UUID) is None:
        # SQLAlchemy 2.0 maps it to its Uuid type, which ormsh does not have yet.
        raise NotImplementedError(
            "Mapped[uuid.UUID] needs the Uuid type, which ormsh does not support yet; "
            "declare the column with an explicit type, e.g. mapped_column(String(36))")
    candidates = [python_type]
    if isinstance(python_type, typing._AnnotatedAlias):
        candidates.append(python_type.__origin__)
    for candidate in candidates:
        for m in maps:
            found = _lookup(m, candidate)
            if found is not None:
                return found
        if isinstance(candidate, type):
            if issubclass(candidate, enum.Enum):
                return sqlalchemy.Enum(candidate)
            for base in candidate.__mro__[1:]:
                for m in maps:
                    found = _lookup(m, base)
                    if found is not None:
                        return found
        if isinstance(candidate, typing._Alias) and candidate._name == "Literal":
            return sqlalchemy.Enum(*candidate.__args__)
    return None


def _without_none(annotation):
    """(T, optional) for Optional[T], T | None and Union[T, None]; (annotation, False) else."""
    if isinstance(annotation, typing._Alias) and annotation._name == "Union" or \
            type(annotation).__name__ == "UnionType":
        members = [a for a in annotation.__args__ if a is not _NONE_TYPE and a is not None]
        optional = len(members) < len(annotation.__args__)
        if len(members) == 1:
            return members[0], optional
        return typing.Union[tuple(members)], optional
    if annotation is None or annotation is _NONE_TYPE:
        return annotation, True
    return annotation, False


def _type_text(python_type):
    if isinstance(python_type, str):
        return "ForwardRef(%r)" % python_type
    return str(python_type)


def _column(cls, key, inner, own, type_map):
    """(Column, sort_order) for attribute `key`: from its mapped_column() (`own`, or None for an
    annotation alone) and the type inside Mapped[] (`inner`, or _MISSING without an
    annotation)."""
    templates = []
    optional = False
    python_type = _MISSING
    if inner is not _MISSING:
        python_type, optional = _without_none(inner)
        if isinstance(python_type, typing._AnnotatedAlias):
            templates = [m for m in python_type.__metadata__ if isinstance(m, MappedColumn)]
            if templates:
                python_type = python_type.__origin__
    if own is not None:
        templates.append(own)
    name, sql_type, rest, kwargs, sort_order = _merge(templates)
    if sql_type is None and python_type is not _MISSING:
        sql_type = _resolve_sql_type(python_type, type_map)
        if sql_type is None:
            if _is_sql_type(python_type):
                raise _MappedAnnotationError(
                    "The type provided inside the %r attribute Mapped annotation is the "
                    "SQLAlchemy type %s. Expected a Python type instead" % (key, python_type))
            raise _MappedAnnotationError(
                "Could not locate SQLAlchemy Core type for Python type %s inside the %r "
                "attribute Mapped annotation" % (_type_text(python_type), key))
    if sql_type is None and inner is _MISSING and not any(
            isinstance(a, sqlalchemy.ForeignKey) for a in rest):
        raise _annotation_required(cls, key, "MappedColumn")
    # NULL / NOT NULL: nullable= first, then primary_key=, then Optional[] in the annotation.
    if ("nullable" not in kwargs and not kwargs.get("primary_key")
            and inner is not _MISSING):
        kwargs["nullable"] = optional
    args = ([name] if name is not None else []) + ([sql_type] if sql_type is not None else [])
    return sqlalchemy.Column(*(args + rest), **kwargs), sort_order


_COLLECTIONS = (list, set, frozenset, tuple, dict)
_TYPING_COLLECTIONS = ("List", "Set", "FrozenSet", "Sequence", "MutableSequence",
                       "Collection", "Iterable", "AbstractSet", "Dict", "Mapping")


def _type_relationship(rel, form, inner):
    """Fills relationship() from Mapped[...]: the target class from the type inside, a list or
    a scalar from whether that type is a collection."""
    target, _ = _without_none(inner)
    collection = None
    origin = getattr(target, "__origin__", None)
    if type(target).__name__ == "GenericAlias" and origin in _COLLECTIONS:
        collection = origin
    elif isinstance(target, typing._Alias) and target._name in _TYPING_COLLECTIONS:
        collection = origin or list
    if collection is not None:
        mapping = collection is dict or (isinstance(target, typing._Alias)
                                         and target._name in ("Dict", "Mapping"))
        target = target.__args__[-1] if mapping else target.__args__[0]
    lazy = {WriteOnlyMapped: "dynamic", DynamicMapped: "dynamic"}.get(form)
    if isinstance(target, _ForwardName):
        target = target.name
    _ormsh_orm.type_relationship(rel, target, collection is not None or lazy is not None, lazy)


class _ForwardName:
    """A class named in a string annotation before it exists (`Mapped[List[Address]]` under
    `from __future__ import annotations`): relationship() resolves the name later."""

    def __init__(self, name):
        self.name = name

    def __getitem__(self, item):
        return self

    def __or__(self, other):
        return typing.Union[self, other]

    def __ror__(self, other):
        return typing.Union[other, self]


_UNDEFINED_NAME = re.compile(r"name '(\w+)' is not defined")


def _evaluate(annotation, owner, module_globals, forward_names):
    """A string annotation (a forward reference, or any annotation under `from __future__
    import annotations`) evaluated in the class's module. With `forward_names` (a
    relationship's annotation), names not yet defined are kept as _ForwardName, resolved once
    every class exists."""
    if not isinstance(annotation, str):
        return annotation
    local = dict(owner.__dict__)
    try:
        for _ in range(16):
            try:
                return eval(annotation, module_globals, local)
            except NameError as error:
                found = _UNDEFINED_NAME.search(str(error))
                if not forward_names or found is None or found.group(1) in local:
                    raise
                local[found.group(1)] = _ForwardName(found.group(1))
    except Exception:
        pass
    raise _MappedAnnotationError(
        "Could not interpret annotation %s.  Check that it uses names that are correctly "
        "imported at the module level. See chained stack trace for more hints." % annotation)


def _mapped_form(annotation):
    """(form, T) for Mapped[T] / WriteOnlyMapped[T] / DynamicMapped[T]; (None, None) else."""
    if isinstance(annotation, _MappedForm):
        return annotation.__origin__, annotation.__args__[0]
    return None, None


def _is_class_var(annotation):
    if isinstance(annotation, str):
        return annotation.startswith(("ClassVar", "typing.ClassVar"))
    return isinstance(annotation, typing._Alias) and annotation._name == "ClassVar" or \
        annotation is typing.ClassVar


def _unmapped_error(cls, key):
    return _MappedAnnotationError(
        'Type annotation for "%s.%s" can\'t be correctly interpreted for Annotated '
        "Declarative Table form.  ORM annotations should normally make use of the "
        "``Mapped[]`` generic type, or other ORM-compatible generic type, as a container for "
        "the actual type, which indicates the intent that the attribute is mapped. Class "
        "variables that are not intended to be mapped by the ORM should use ClassVar[].  To "
        "allow Annotated Declarative to disregard legacy annotations which don't use "
        'Mapped[] to pass, set "__allow_unmapped__ = True" on the class or a superclass this '
        "class. (Background on this error at: https://sqlalche.me/e/20/zlpr)" % (cls.__name__,
                                                                                  key))


def _annotation_required(cls, key, construct):
    return _MappedAnnotationError(
        'Python typing annotation is required for attribute "%s.%s" when primary argument(s) '
        'for "%s" construct are None or not present' % (cls.__name__, key, construct))


def _definition_order(namespace, annotations):
    """The names of a class body in the order SQLAlchemy 2.0 reads them: the class dict and
    the annotations merged, each followed until a name both hold, where the reading switches
    to the other (assignments without annotation and annotations without value keep their
    order among themselves)."""
    lists = [list(namespace), list(annotations)]
    shared = set(lists[0]) & set(lists[1])
    position = [0, 0]
    current = 0
    order = []
    while True:
        names = lists[current]
        while position[current] < len(names):
            name = names[position[current]]
            position[current] += 1
            if name in shared:
                shared.discard(name)
                break
            order.append(name)
        else:
            other = 1 - current
            order.extend(lists[other][position[other]:])
            return order
        current = 1 - current


def declared_attributes(owner, cls, module_globals, type_map, strict):
    """[(key, value, sort_order)] of `owner`'s class body (cls itself or one of its mixins), in definition
    order, Mapped[] annotations and mapped_column() turned into Column objects and the
    relationship() objects typed by their annotation. `strict` is the DeclarativeBase form,
    where annotations other than Mapped[] must be allowed with __allow_unmapped__."""
    namespace = owner.__dict__
    annotations = namespace.get("__annotations__", {})
    allow_unmapped = getattr(cls, "__allow_unmapped__", False)
    result = []
    for key in _definition_order(namespace, annotations):
        sort_order = 0
        if key.startswith("__") and key.endswith("__"):
            continue
        value = namespace.get(key, _MISSING)
        is_rel = isinstance(value, _ormsh_orm.RelationshipProperty)
        is_mapped = value is _MISSING or is_rel or isinstance(value, (MappedColumn,
                                                                      sqlalchemy.Column))
        annotation = annotations.get(key, _MISSING)
        form, inner = None, None
        if annotation is not _MISSING and is_mapped and not _is_class_var(annotation):
            if strict:
                form, inner = _mapped_form(_evaluate(annotation, owner, module_globals, is_rel))
                if form is None and not allow_unmapped:
                    raise _unmapped_error(cls, key)
            else:
                # The 1.4 form ignores annotations: one that does not evaluate is not Mapped[].
                try:
                    form, inner = _mapped_form(
                        _evaluate(annotation, owner, module_globals, is_rel))
                except Exception:
                    form, inner = None, None
        if is_rel and form is None and not _ormsh_orm.relationship_has_target(value):
            raise _annotation_required(cls, key, "Relationship")
        if form is not None:
            if is_rel:
                _type_relationship(value, form, inner)
            elif value is _MISSING or isinstance(value, MappedColumn):
                value, sort_order = _column(cls, key, inner,
                                            None if value is _MISSING else value, type_map)
        elif isinstance(value, MappedColumn):
            value, sort_order = _column(cls, key, _MISSING, value, type_map)
        if value is not _MISSING:
            result.append((key, value, sort_order))
    return result

