import sys
def f(n):
    return f(n + 1)
try:
    f(0)
except RecursionError as e:
    print("caught:", e)
print(sys.getrecursionlimit())
class Node:
    def __init__(self, nxt):
        self.nxt = nxt
    def depth(self):
        return 1 + (self.nxt.depth() if self.nxt else 0)
n = None
for i in range(500):
    n = Node(n)
print(n.depth())
