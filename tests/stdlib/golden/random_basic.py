import random

for seed in [0, 1, 42, 12345, 2**40 + 7, -5, 10**30, "hello", b"bytes seed", "", 3.5, True]:
    random.seed(seed)
    print(repr(seed), random.random(), random.random())
    print(" randint", [random.randint(1, 100) for _ in range(8)])
    print(" randrange", random.randrange(10), random.randrange(5, 50), random.randrange(0, 100, 7),
          random.randrange(100, 0, -3), random.randrange(10**20), random.randrange(-10, 10))
    print(" bits", random.getrandbits(1), random.getrandbits(31), random.getrandbits(32),
          random.getrandbits(33), random.getrandbits(64), random.getrandbits(100), random.getrandbits(0))
    items = list(range(20))
    random.shuffle(items)
    print(" shuffle", items)
    print(" choice", random.choice("abcdefg"), random.choice([10, 20, 30]), random.choice(range(1000)))
    print(" sample", random.sample(range(100), 5), random.sample("abcdefghij", 3),
          random.sample(range(10**6), 8), random.sample(["a", "b", "c"], 3))
    print(" sample counts", random.sample(["red", "blue"], counts=[4, 2], k=5))
    print(" choices", random.choices("abc", k=5), random.choices([1, 2, 3], weights=[10, 1, 1], k=6),
          random.choices("xyz", cum_weights=[1, 5, 10], k=4), random.choices(range(5), [0.1, 0.2, 0.3, 0.2, 0.2]))
    print(" uniform", random.uniform(1, 10), random.uniform(-1.5, 2.5))
    print(" gauss", random.gauss(0, 1), random.gauss(10, 2), random.gauss())
    print(" normal", random.normalvariate(0, 1), random.lognormvariate(0, 0.5))
    print(" tri", random.triangular(), random.triangular(0, 10, 2), random.expovariate(1.5))
    print(" randbytes", random.randbytes(5))

r1 = random.Random(99)
r2 = random.Random(99)
print([r1.randint(0, 9) for _ in range(10)] == [r2.randint(0, 9) for _ in range(10)])
state = r1.getstate()
a = [r1.random() for _ in range(3)]
r1.setstate(state)
print(a == [r1.random() for _ in range(3)], state[0], len(state[1]))
r3 = random.Random("faker")
print(r3.random(), r3.randint(1, 6), r3.choice(["x", "y", "z"]))
r4 = random.Random()
r4.seed(7)
print(r4.random())
long_list = list(range(1000))
random.seed(3)
random.shuffle(long_list)
print(long_list[:10], sum(long_list[:100]))
print(random.sample(range(10000), 30))

for bad in [lambda: random.randrange(0), lambda: random.randrange(5, 5), lambda: random.choice([]),
            lambda: random.sample(range(3), 4), lambda: random.sample({1, 2}, 1),
            lambda: random.randrange(1, 10, 0), lambda: random.seed([1]),
            lambda: random.getrandbits(-1), lambda: random.choices("ab", [1], k=1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

from random import randint, Random
random.seed(5)
print(randint(1, 3), isinstance(Random(1), Random))
