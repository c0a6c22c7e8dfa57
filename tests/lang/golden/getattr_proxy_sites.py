# Attribute sites on classes with __getattr__: found attributes (instance dict, class values,
# methods) never call __getattr__; misses, and properties raising AttributeError, do. Each
# access repeats in a loop so that the cached site is exercised, and the class changes midway.
class Proxy:
    limit = 3

    def __init__(self, target):
        self.target = target
        self.misses = []

    def __getattr__(self, name):
        self.misses.append(name)
        return getattr(self.target, name)

    def hello(self):
        return 'hello from proxy'

    @property
    def broken(self):
        raise AttributeError('broken')


class Target:
    upper = 'target.upper'
    broken = 'target.broken'

    def hello(self):
        return 'hello from target'

    def only_here(self):
        return 'only on target'


p = Proxy(Target())
for i in range(3):
    print(p.target.__class__.__name__, p.limit, p.hello(), p.only_here(), p.upper, p.broken)
print(p.misses)

p.misses.clear()
for i in range(4):
    if i == 1:
        p.hello = lambda: 'instance attribute'
    if i == 2:
        del p.hello
    if i == 3:
        Proxy.hello = lambda self: 'redefined on the class'
    print(i, p.hello(), getattr(p, 'hello')())
print(p.misses)

p.misses.clear()
for i in range(3):
    if i == 1:
        del Proxy.limit
    if i == 2:
        Target.limit = 'from target'
    try:
        print(i, p.limit)
    except AttributeError as e:
        print(i, 'AttributeError', e)
print(p.misses)


class Plain:
    def __getattr__(self, name):
        return 'missing ' + name


q = Plain()
for i in range(3):
    if i == 1:
        q.x = 'set'
    print(q.x)
