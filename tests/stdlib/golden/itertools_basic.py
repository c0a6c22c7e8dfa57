import itertools
from itertools import chain, count, cycle, islice, product, permutations, combinations, groupby

print(list(islice(count(), 5)), list(islice(count(10, 5), 3)), list(islice(count(0.5, 0.25), 3)))
print(list(islice(cycle("abc"), 7)), list(itertools.repeat("x", 3)), list(cycle([])))
print(list(chain([1, 2], (3,), "ab")), list(chain.from_iterable([[1], [2, 3], []])))
print(list(islice(range(10), 2, 8, 2)), list(islice("abcdef", 3)), list(islice(range(5), 1, None)))
print(list(product("ab", [1, 2])), list(product([0, 1], repeat=2)), list(product()), list(product([], [1])))
print(list(permutations([1, 2, 3])), list(permutations("abcd", 2))[:7], len(list(permutations(range(5), 3))))
print(list(combinations("abcd", 2)), list(combinations(range(4), 3)), list(combinations([1], 2)))
print(list(itertools.combinations_with_replacement("abc", 2)))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([1, 2, 3], lambda a, b: a * b)),
      list(itertools.accumulate([1, 2], initial=10)))
data = sorted(["apple", "avocado", "banana", "blueberry", "cherry"], key=lambda w: w[0])
for key, group in groupby(data, key=lambda w: w[0]):
    print(key, list(group))
print([(k, len(list(g))) for k, g in groupby("aaabbcaa")])
print(list(itertools.zip_longest("abc", [1], fillvalue="-")), list(itertools.zip_longest([1, 2], "x")))
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.filterfalse(lambda x: x % 2, range(6))))
print(list(itertools.compress("abcdef", [1, 0, 1, 0, 1])), list(itertools.pairwise("abcd")))
a, b = itertools.tee([1, 2, 3])
print(list(a), list(b), sum(x * y for x, y in zip(count(1), [4, 5, 6])))
