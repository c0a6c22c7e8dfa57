# Calls with keyword arguments and defaults, to functions and to methods.
def make(name, email=None, age=0, active=True):
    return age + (len(name) if active else 0) + (1 if email else 0)


class Builder:
    def add(self, value, *, weight=1, label=""):
        return value * weight + len(label)


b = Builder()
total = 0
for i in range(200000):
    total += make(name="u", email="e", age=i % 90)
    total += make("v", age=3, active=False)
    total += b.add(i, weight=2, label="x")
print(total)
