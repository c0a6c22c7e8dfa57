"""functools for ormsh: wraps, partial, reduce, lru_cache/cache, cached_property,
total_ordering and cmp_to_key, written in the language itself."""

WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__")
WRAPPER_UPDATES = ("__dict__",)
_MISSING = object()


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for name in assigned:
        value = getattr(wrapped, name, _MISSING)
        if value is not _MISSING:
            try:
                setattr(wrapper, name, value)
            except (AttributeError, TypeError):
                pass
    for name in updated:
        source = getattr(wrapped, name, None)
        target = getattr(wrapper, name, None)
        if isinstance(source, dict) and isinstance(target, dict):
            target.update(source)
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    def decorating(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)
    return decorating


class partial:
    def __init__(self, func, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, *args, **keywords):
        merged = dict(self.keywords)
        merged.update(keywords)
        return self.func(*self.args, *args, **merged)

    def __repr__(self):
        parts = [repr(self.func)] + [repr(a) for a in self.args]
        parts += ["%s=%r" % (k, v) for k, v in self.keywords.items()]
        return "functools.partial(%s)" % ", ".join(parts)


_NO_INITIAL = object()


def reduce(function, iterable, initial=_NO_INITIAL):
    it = iter(iterable)
    if initial is _NO_INITIAL:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


def _cache_key(args, kwargs):
    if not kwargs:
        return args
    return args + (_MISSING,) + tuple(sorted(kwargs.items()))


def lru_cache(maxsize=128, typed=False):
    def decorating(user_function):
        cache = {}
        order = []
        stats = [0, 0]  # hits, misses

        def wrapper(*args, **kwargs):
            key = _cache_key(args, kwargs)
            if key in cache:
                stats[0] += 1
                if maxsize is not None:
                    order.remove(key)
                    order.append(key)
                return cache[key]
            stats[1] += 1
            result = user_function(*args, **kwargs)
            cache[key] = result
            if maxsize is not None:
                order.append(key)
                if len(order) > maxsize:
                    del cache[order.pop(0)]
            return result

        def cache_info():
            return "CacheInfo(hits=%d, misses=%d, maxsize=%s, currsize=%d)" % (
                stats[0], stats[1], maxsize, len(cache))

        def cache_clear():
            cache.clear()
            del order[:]
            stats[0] = stats[1] = 0

        wrapper.cache_info = cache_info
        wrapper.cache_clear = cache_clear
        return update_wrapper(wrapper, user_function)

    if callable(maxsize) and not isinstance(maxsize, bool):
        user_function, maxsize = maxsize, 128
        return decorating(user_function)
    return decorating


def cache(user_function):
    return lru_cache(maxsize=None)(user_function)


class cached_property:
    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = getattr(func, "__doc__", None)

    def __set_name__(self, owner, name):
        self.attrname = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = self.func(instance)
        instance.__dict__[self.attrname or self.func.__name__] = value
        return value


def total_ordering(cls):
    """Fills in the comparisons a class lacks from __eq__ and one of <, <=, >, >=."""
    defined = [op for op in ("__lt__", "__le__", "__gt__", "__ge__") if op in cls.__dict__]
    if not defined:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = defined[0]
    base = cls.__dict__[root]

    def negate_swap(result):
        return result if result is NotImplemented else not result

    derived = {
        "__lt__": {
            "__gt__": lambda self, other: negate_swap(base(self, other) or self == other),
            "__le__": lambda self, other: base(self, other) or self == other,
            "__ge__": lambda self, other: negate_swap(base(self, other)),
        },
        "__le__": {
            "__ge__": lambda self, other: negate_swap(base(self, other)) or self == other,
            "__lt__": lambda self, other: base(self, other) and not self == other,
            "__gt__": lambda self, other: negate_swap(base(self, other)),
        },
        "__gt__": {
            "__lt__": lambda self, other: negate_swap(base(self, other) or self == other),
            "__ge__": lambda self, other: base(self, other) or self == other,
            "__le__": lambda self, other: negate_swap(base(self, other)),
        },
        "__ge__": {
            "__le__": lambda self, other: negate_swap(base(self, other)) or self == other,
            "__gt__": lambda self, other: base(self, other) and not self == other,
            "__lt__": lambda self, other: negate_swap(base(self, other)),
        },
    }[root]
    for name, method in derived.items():
        if name not in cls.__dict__:
            setattr(cls, name, method)
    return cls


def cmp_to_key(mycmp):
    class K:
        __slots__ = ("obj",)

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None

    return K
