from pprint import pprint, pformat, pp

pprint({"b": 1, "a": [1, 2, 3], "c": {"z": None, "y": (1,)}})
users = [{"id": i, "name": "user%d" % i, "email": "user%d@example.com" % i, "roles": ["admin", "editor"][: i % 3],
          "active": i % 2 == 0} for i in range(4)]
pprint(users)
pprint({"config": {"database": {"url": "postgresql://localhost:5432/app", "pool_size": 10, "echo": False},
                   "features": ["auth", "billing", "search", "notifications", "reports", "exports"]}})
pprint(list(range(40)))
pprint(("one tuple item that is really long so that it has to wrap around somewhere ok",))
pprint({1, 5, 3, 22, 11, 9, 7, 100, 1000, 10000, 99999, 123456, 7777777, 88888888, 999999999, 1234567890})
pprint("word " * 40)
pprint([["nested", ["deeply", ["and", ["more", "levels", "of", "lists", "to", "make", "it", "long"]]]]])
print(pformat({"k": "v"}), pformat([1, 2], width=3), pformat({"x": 1, "a": 2}, sort_dicts=False))
pp({"z": 1, "a": [{"q": "w" * 30, "e": "r" * 30}]})
pprint({"short": 1}, width=5)
pprint([1, 2, 3], indent=4, width=6)
r = [1]
r.append(r)
pprint(r) if False else print("skip recursion id")
