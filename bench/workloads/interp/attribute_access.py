# Attribute reads and writes on class instances, a class attribute and a property.
class Point:
    scale = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)


points = [Point(i, -i) for i in range(1000)]
total = 0
for _ in range(300):
    for p in points:
        p.x += 1
        total += p.x * p.scale + p.y + p.norm1
print(total)
