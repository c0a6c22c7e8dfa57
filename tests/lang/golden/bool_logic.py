print(True and False, True or False, not True, True ^ False, True & True, False | True)
print(0 and 1, 1 and 0, 0 or 0.0, "" or "x", [] and [1], None is None, None is not None)
print(1 == True, 0 == False, True is True, isinstance(False, bool), True + 1, sum([True, True, False]))
vals = [0, 1, "", "a", [], [0], None, 0.0, {}, set(), (), (0,)]
print([bool(v) for v in vals])
print(all(vals[1::2]), any(vals[::2]))
x = 5
print(0 < x < 10, 0 < x > 3, x == 5 == 5.0, 1 < 2 > 1 < 3, not 0 < x)
print(3 if x > 4 else 4, (x > 4) * 10, [1, 2][x > 4], max(x > 3, x < 3))
def side(v, log):
    log.append(v)
    return v
log = []
r = side(0, log) and side(1, log) or side(2, log)
print(r, log)
print(repr(True), str(False), int(True), True.__class__.__name__, bool("False"))
