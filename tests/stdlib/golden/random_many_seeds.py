import random

# Every function over many seeds, several argument shapes; one line per seed.
population = list(range(50))
for seed in list(range(40)) + [2**31 - 1, 2**32, 2**64 + 3, -(2**70), "seed-%d" % 7, b"\x00\xff"]:
    r = random.Random(seed)
    out = [
        r.randint(0, 10**6), r.randint(-5, 5), r.randrange(3, 10**12, 7), r.randrange(2**70),
        r.choice(population), r.getrandbits(7), r.getrandbits(45),
        round(r.uniform(-100, 100), 12), round(r.gauss(5, 2), 12), round(r.normalvariate(), 12),
        round(r.expovariate(0.5), 12), round(r.triangular(1, 9, 3), 12),
    ]
    deck = population[:]
    r.shuffle(deck)
    out.append(deck[:6])
    out.append(r.sample(population, 4))
    out.append(r.sample(range(10**9), 3))
    out.append(r.choices("abcdef", weights=[5, 1, 1, 1, 1, 10], k=5))
    out.append(r.choices(population, k=3))
    print(seed if not isinstance(seed, str) else repr(seed), out)


class Dice(random.Random):
    def roll(self):
        return self.randint(1, 6)


d = Dice(2024)
print([d.roll() for _ in range(12)], isinstance(d, random.Random))
r = random.Random(11)
r.gauss()
state = r.getstate()
first = [r.gauss(), r.random(), r.randint(1, 9)]
r.setstate(state)
print(first == [r.gauss(), r.random(), r.randint(1, 9)])
random.seed(123)
a = [random.random() for _ in range(5)]
random.seed(123)
print(a == [random.random() for _ in range(5)], a[0])
