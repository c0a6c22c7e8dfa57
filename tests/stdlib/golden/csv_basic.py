import csv
import os

rows = [
    ["id", "name", "email", "note"],
    [1, "Ann Lee", "ann@example.com", 'says "hi"'],
    [2, "Bob, Jr.", "bob@example.com", "line1\nline2"],
    [3, "", None, 2.5],
    [4, " spaced ", "x@y.z", ""],
]


class Collect:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)


out = Collect()
w = csv.writer(out)
for r in rows:
    print(w.writerow(r))
w.writerows([["a", "b"], [""], [], ["only"]])
text = "".join(out.parts)
print(repr(text))

for quoting in [csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_MINIMAL]:
    o = Collect()
    csv.writer(o, quoting=quoting).writerow([1, "two", 3.0, None, True])
    print(quoting, repr("".join(o.parts)))
o = Collect()
csv.writer(o, delimiter=";", lineterminator="\n").writerow(["a;b", "c", 'd"e'])
csv.writer(o, dialect="excel-tab").writerow(["t\tab", "x"])
csv.writer(o, quoting=csv.QUOTE_NONE, escapechar="\\").writerow(["a,b", "c"])
print(repr("".join(o.parts)))

lines = text.splitlines(keepends=True)
for row in csv.reader(lines):
    print(row)
print(list(csv.reader(["a,b,c", "1,2,3", "", '"x ""q""",y', 'p,"multi', 'line",z'])))
print(list(csv.reader(["a; b;c"], delimiter=";", skipinitialspace=True)))
print(list(csv.reader(['1,"2",x'], quoting=csv.QUOTE_NONNUMERIC)) if False else list(csv.reader(['1,"a",2.5'], quoting=csv.QUOTE_NONNUMERIC)))
r = csv.reader(["a,b", "c,d"])
print(next(r), r.line_num, next(r), r.line_num)

path = "/tmp/ormsh_stdlib_csv_%d.csv" % os.getpid()
with open(path, "w", newline="") as f:
    dw = csv.DictWriter(f, fieldnames=["name", "age", "city"])
    dw.writeheader()
    dw.writerow({"name": "Ann", "age": 31, "city": "Paris"})
    dw.writerow({"name": "Bob", "age": 25})
    dw.writerows([{"name": "Cy, Jr", "age": 40, "city": "New\nYork"}])
with open(path, newline="") as f:
    print(repr(f.read()))
with open(path, newline="") as f:
    reader = csv.DictReader(f)
    print(reader.fieldnames)
    for row in reader:
        print(row, reader.line_num)
with open(path, newline="") as f:
    print([r["name"] for r in csv.DictReader(f)])
with open(path) as f:
    total = sum(int(r["age"]) for r in csv.DictReader(f))
    print(total)
print(list(csv.DictReader(["a,b", "1,2,3", "4"], restkey="extra", restval="?")))
print(list(csv.DictReader(["1,2", "", "3,4"], fieldnames=["x", "y"])))
try:
    csv.DictWriter(Collect(), ["a"]).writerow({"a": 1, "b": 2})
except ValueError as e:
    print("ValueError", e)
o = Collect()
csv.DictWriter(o, ["a"], extrasaction="ignore").writerow({"a": 1, "b": 2})
print(o.parts)
try:
    list(csv.reader(['"unterminated'], strict=True))
except csv.Error as e:
    print("csv.Error", e)
try:
    csv.writer(Collect(), quoting=csv.QUOTE_NONE).writerow(["a,b"])
except csv.Error as e:
    print("csv.Error", e)
os.remove(path)
