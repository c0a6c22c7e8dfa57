import sys
sys.setrecursionlimit(100000)
def f(n):
    return f(n + 1)
try:
    f(0)
except RecursionError:
    pass
class A:
    def __repr__(self):
        return repr(self)
repr(A())
