# A loop of method calls on objects.
class Counter:
    def __init__(self):
        self.n = 0
    def add(self, k):
        self.n += k
        return self.n
c = Counter()
for i in range(500000):
    c.add(i & 3)
print(c.n)
