"""typing for ormsh: the names annotations use (Optional, List, Dict, Union, Any, ...), with
CPython's reprs. Subscripting builds an alias object; nothing is checked at run time."""

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return "%s.%s" % (obj.__module__, obj.__qualname__)
    if obj is Ellipsis:
        return "..."
    if obj is None or obj is type(None):
        return "None"
    if isinstance(obj, str):
        return "ForwardRef(%r)" % obj
    if isinstance(obj, list):
        return "[%s]" % ", ".join(_type_repr(a) for a in obj)
    return repr(obj)


class _Alias:
    """A subscripted form: List[int], Dict[str, int], Optional[User]."""

    def __init__(self, origin, name, args):
        self.__origin__ = origin
        self._name = name
        self.__args__ = args

    def __repr__(self):
        if self._name == "Union" and len(self.__args__) == 2 and type(None) in self.__args__:
            other = [a for a in self.__args__ if a is not type(None)][0]
            return "typing.Optional[%s]" % _type_repr(other)
        if not self.__args__:
            return "typing.%s[()]" % self._name
        return "typing.%s[%s]" % (self._name, ", ".join(_type_repr(a) for a in self.__args__))

    def __eq__(self, other):
        return (isinstance(other, _Alias) and self._name == other._name
                and self.__args__ == other.__args__)

    def __hash__(self):
        return hash((self._name, self.__args__))

    def __getitem__(self, params):
        return self

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __call__(self, *args, **kwargs):
        if isinstance(self.__origin__, type):
            return self.__origin__(*args, **kwargs)
        raise TypeError("Cannot instantiate typing.%s" % self._name)


class _AnnotatedAlias:
    """Annotated[T, x, ...]: the type T with metadata that typing ignores (PEP 593)."""

    def __init__(self, origin, metadata):
        self.__origin__ = origin
        self.__metadata__ = metadata

    def __repr__(self):
        return "typing.Annotated[%s, %s]" % (
            _type_repr(self.__origin__), ", ".join(repr(m) for m in self.__metadata__))

    def __eq__(self, other):
        return (isinstance(other, _AnnotatedAlias) and self.__origin__ == other.__origin__
                and self.__metadata__ == other.__metadata__)

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)


def _args(params):
    if not isinstance(params, tuple):
        params = (params,)
    return tuple(type(None) if p is None else p for p in params)


class _Special:
    """An unsubscripted name: List, Optional, Any."""

    def __init__(self, name, origin=None):
        self._name = name
        self.__origin__ = origin

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, params):
        if self._name == "Annotated":
            if not isinstance(params, tuple) or len(params) < 2:
                raise TypeError("Annotated[...] should be used with at least two arguments "
                                "(a type and an annotation).")
            return _AnnotatedAlias(params[0], tuple(params[1:]))
        args = _args(params)
        if self._name == "Optional":
            return Union[args + (type(None),)]
        if self._name == "Union":
            flat = []
            for a in args:
                if isinstance(a, _Alias) and a._name == "Union":
                    inner = a.__args__
                elif type(a).__name__ == "UnionType":
                    inner = a.__args__
                else:
                    inner = (a,)
                for x in inner:
                    if x not in flat:
                        flat.append(x)
            if len(flat) == 1:
                return flat[0]
            return _Alias(None, "Union", tuple(flat))
        return _Alias(self.__origin__, self._name, args)

    def __call__(self, *args, **kwargs):
        if isinstance(self.__origin__, type):
            return self.__origin__(*args, **kwargs)
        raise TypeError("Cannot instantiate typing.%s" % self._name)


Any = _Special("Any")
NoReturn = _Special("NoReturn")
Optional = _Special("Optional")
Union = _Special("Union")
ClassVar = _Special("ClassVar")
Final = _Special("Final")
Literal = _Special("Literal")
Annotated = _Special("Annotated")
List = _Special("List", list)
Dict = _Special("Dict", dict)
Set = _Special("Set", set)
FrozenSet = _Special("FrozenSet", frozenset)
Tuple = _Special("Tuple", tuple)
Type = _Special("Type", type)
Callable = _Special("Callable")
Iterable = _Special("Iterable")
Iterator = _Special("Iterator")
Generator = _Special("Generator")
Sequence = _Special("Sequence")
MutableSequence = _Special("MutableSequence")
Mapping = _Special("Mapping")
MutableMapping = _Special("MutableMapping")
Collection = _Special("Collection")
AbstractSet = _Special("AbstractSet")
DefaultDict = _Special("DefaultDict")
Counter = _Special("Counter")
Deque = _Special("Deque")


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound

    def __repr__(self):
        return "~" + self.__name__


class Generic:
    def __class_getitem__(cls, params):
        return cls


class Protocol:
    def __class_getitem__(cls, params):
        return cls


def cast(typ, val):
    return val


def overload(func):
    return func


def no_type_check(func):
    return func


def runtime_checkable(cls):
    return cls


def get_type_hints(obj, globalns=None, localns=None):
    hints = {}
    if isinstance(obj, type):
        for klass in reversed(obj.__mro__):
            hints.update(klass.__dict__.get("__annotations__", {}))
        return hints
    return dict(getattr(obj, "__annotations__", {}))


def get_origin(tp):
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, _Alias):
        if tp._name == "Union":
            return Union
        if tp._name in ("Literal", "ClassVar", "Final"):
            return globals()[tp._name]
        return tp.__origin__ if tp.__origin__ is not None else globals().get(tp._name)
    if type(tp).__name__ == "UnionType":
        return type(tp)
    return getattr(tp, "__origin__", None)


def get_args(tp):
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    return tuple(getattr(tp, "__args__", ()))


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__supertype__ = tp
    return new_type
