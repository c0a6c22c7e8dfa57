# sqlalchemy.ext.hybrid: attributes and methods with two meanings. On an instance they compute
# in Python (user.full_name); on the class they build a SQL expression usable in filter(),
# order_by() and query() (User.full_name == 'ann lee'), from the same function or from the one
# given with .expression. Written in the language itself: descriptors are all it needs.

HYBRID_PROPERTY = "HYBRID_PROPERTY"
HYBRID_METHOD = "HYBRID_METHOD"


class hybrid_propertyProxy:
    """The class-level value of a hybrid property: a SQL expression that remembers the
    attribute it came from (str() gives "User.full_name", as SQLAlchemy's proxy does)."""

    def __init__(self, expression, owner, name):
        self._expression = expression
        self._owner = owner
        self._name = name

    def __clause_element__(self):
        # Labelled with the attribute's name, so query(User.full_name) has a 'full_name' column;
        # in a WHERE or ORDER BY clause the label stands for its expression.
        expression = self._expression
        if hasattr(expression, "label"):
            return expression.label(self._name)
        return expression

    def __str__(self):
        return "%s.%s" % (self._owner.__name__, self._name)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self._expression, name)

    def __bool__(self):
        return bool(self._expression)

    def __hash__(self):
        return id(self)

    def __eq__(self, other):
        return self._expression == other

    def __ne__(self, other):
        return self._expression != other

    def __lt__(self, other):
        return self._expression < other

    def __le__(self, other):
        return self._expression <= other

    def __gt__(self, other):
        return self._expression > other

    def __ge__(self, other):
        return self._expression >= other

    def __add__(self, other):
        return self._expression + other

    def __radd__(self, other):
        return other + self._expression

    def __sub__(self, other):
        return self._expression - other

    def __rsub__(self, other):
        return other - self._expression

    def __mul__(self, other):
        return self._expression * other

    def __rmul__(self, other):
        return other * self._expression

    def __truediv__(self, other):
        return self._expression / other

    def __rtruediv__(self, other):
        return other / self._expression

    def __mod__(self, other):
        return self._expression % other

    def __and__(self, other):
        return self._expression & other

    def __rand__(self, other):
        return other & self._expression

    def __or__(self, other):
        return self._expression | other

    def __ror__(self, other):
        return other | self._expression

    def __invert__(self):
        return ~self._expression

    def __neg__(self):
        return -self._expression

    def __getitem__(self, key):
        return self._expression[key]


class hybrid_property:
    """A property whose class-level value is a SQL expression (SQLAlchemy 1.4's API: getter,
    setter, deleter, expression and update_expression each return a modified copy)."""

    is_attribute = True
    extension_type = HYBRID_PROPERTY

    def __init__(self, fget, fset=None, fdel=None, expr=None, custom_comparator=None,
                 update_expr=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        self.expr = expr
        self.custom_comparator = custom_comparator
        self.update_expr = update_expr
        self.__name__ = fget.__name__
        self.__doc__ = fget.__doc__

    def __get__(self, instance, owner):
        if owner is None:
            return self
        if instance is None:
            return self._class_value(owner)
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError("can't set attribute")
        self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError("can't delete attribute")
        self.fdel(instance)

    def _class_value(self, owner):
        if self.custom_comparator is not None:
            return self.custom_comparator(owner)
        build = self.expr if self.expr is not None else self.fget
        return hybrid_propertyProxy(build(owner), owner, self.__name__)

    def _copy(self, **changes):
        fields = dict(fget=self.fget, fset=self.fset, fdel=self.fdel, expr=self.expr,
                      custom_comparator=self.custom_comparator, update_expr=self.update_expr)
        fields.update(changes)
        copy = hybrid_property(**fields)
        copy.__doc__ = self.__doc__
        return copy

    @property
    def overrides(self):
        return self

    def getter(self, fget):
        return self._copy(fget=fget)

    def setter(self, fset):
        return self._copy(fset=fset)

    def deleter(self, fdel):
        return self._copy(fdel=fdel)

    def expression(self, expr):
        return self._copy(expr=expr)

    def comparator(self, comparator):
        return self._copy(custom_comparator=comparator)

    def update_expression(self, meth):
        return self._copy(update_expr=meth)


class hybrid_method:
    """A method that runs on an instance in Python and, called on the class, returns the SQL
    expression of the same test (or of the function given with .expression)."""

    is_attribute = True
    extension_type = HYBRID_METHOD

    def __init__(self, func, expr=None):
        self.func = func
        self.expr = expr if expr is not None else func
        self.__name__ = func.__name__
        self.__doc__ = func.__doc__

    def __get__(self, instance, owner):
        target = owner if instance is None else instance
        function = self.expr if instance is None else self.func

        def bound(*args, **kwargs):
            return function(target, *args, **kwargs)

        bound.__name__ = self.__name__
        bound.__doc__ = self.__doc__
        return bound

    def expression(self, expr):
        self.expr = expr
        return self
