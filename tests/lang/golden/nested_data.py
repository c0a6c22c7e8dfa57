data = {
    "users": [
        {"id": 1, "name": "ann", "tags": ["admin", "dev"], "profile": {"age": 30}},
        {"id": 2, "name": "bob", "tags": [], "profile": {"age": 25}},
    ],
    "meta": {"count": 2, "next": None},
}
print(data["users"][0]["tags"][1], data["meta"]["next"], len(data["users"]))
print([u["name"] for u in data["users"] if "admin" in u["tags"]])
print({u["id"]: u["profile"]["age"] for u in data["users"]})
print(sorted(data), sorted(data["users"][0]))
print(data)
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
print(matrix, [row[i] for i, row in enumerate(matrix)], [list(r) for r in zip(*matrix)])
flat = [x for row in matrix for x in row if x % 2 == 0]
print(flat, sum(map(sum, matrix)))
