doc = """Alice,30,Engineering
Bob,25,Marketing
Carol,35,Engineering
Dan,28,Sales"""
people = []
for line in doc.split("\n"):
    name, age, dept = line.split(",")
    people.append({"name": name, "age": int(age), "dept": dept})
by_dept = {}
for p in people:
    by_dept.setdefault(p["dept"], []).append(p["name"])
print(by_dept)
print(sorted(people, key=lambda p: p["age"])[0]["name"], sum(p["age"] for p in people) / len(people))
print(max(people, key=lambda p: (p["dept"], p["age"]))["name"])
for dept, names in sorted(by_dept.items()):
    print(f"{dept:<12}{len(names):>3} {', '.join(names)}")
table = [["id", "name"], [1, "x"], [22, "yy"]]
widths = [max(len(str(r[i])) for r in table) for i in range(2)]
for r in table:
    print(" | ".join(str(c).ljust(w) for c, w in zip(r, widths)))
print("-" * 20, "=" * 3 + ">", "ab" * 0, repr(""))
