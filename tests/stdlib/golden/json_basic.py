import json
from json import JSONDecodeError

data = {"name": "Ann", "age": 31, "tags": ["a", "b"], "ok": True, "none": None,
        "score": 9.5, "nested": {"x": [1, 2.0, {"y": []}], "z": {}}, "big": 10**25,
        "uni": "café ☕ 😀", "esc": "quote\" back\\ nl\n tab\t ctl\x01"}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, indent=4, sort_keys=True))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, separators=(",", ":")))
print(json.dumps([1, [2, [3, []]], {}], indent=0))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True, indent="\t"))
print(json.dumps({1: "int", 2.5: "float", True: "bool", None: "none"}))
print(json.dumps((1, 2, 3)), json.dumps("plain"), json.dumps(3.0), json.dumps(1e100), json.dumps(-0.0))
print(json.dumps(float("nan")), json.dumps(float("inf")), json.dumps(-float("inf")))
print(json.dumps({(1, 2): 3}, skipkeys=True))

import datetime
def default(o):
    if isinstance(o, (datetime.date, datetime.datetime)):
        return o.isoformat()
    if isinstance(o, set):
        return sorted(o)
    raise TypeError("nope")
print(json.dumps({"when": datetime.date(2024, 1, 2), "s": {3, 1, 2}}, default=default))

class MyEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime):
            return o.strftime("%Y-%m-%d %H:%M")
        return super().default(o)
print(json.dumps({"t": datetime.datetime(2020, 5, 17, 8, 30)}, cls=MyEncoder))
print(MyEncoder(indent=1).encode([1, {"a": 2}]))

for bad in [lambda: json.dumps(object()), lambda: json.dumps({(1,): 2}),
            lambda: json.dumps(float("nan"), allow_nan=False),
            lambda: json.dumps({"a": 1, 2: 3}, sort_keys=True),
            lambda: json.dumps({"x": datetime.date(2020, 1, 1)}, cls=MyEncoder)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
a = []
a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print("ValueError", e)

text = json.dumps(data)
back = json.loads(text)
print(back == data, back["uni"], back["big"], type(back["score"]).__name__)
print(json.loads('  {"a": [1, 2, {"b": null}], "c": true, "d": false, "e": -1.5e3, "f": "\\u00e9\\ud83d\\ude00\\n"}  '))
print(json.loads("[]"), json.loads("{}"), json.loads("0"), json.loads('"x"'), json.loads("-0"), json.loads("1E2"))
print(json.loads("[NaN, Infinity, -Infinity]"))
print(json.loads(b'{"bytes": 1}'))
print(json.loads('{"a": 1, "a": 2}'))
print(json.loads('{"a": 1.5}', parse_float=str), json.loads("[1, 2]", parse_int=float))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=list))
print(json.loads('{"b": {"c": 1}}', object_hook=lambda d: sorted(d)))
print(json.JSONDecoder().raw_decode('[1, 2] tail'))

for doc in ["", "[1,]", '{"a":1,}', '{"a" 1}', "[1 2]", "{a:1}", '"abc', '"a\\qb"', '"\\u12x4"',
            "[1] x", "tru", '"a\tb"', '{"a":}', "  \n [\n1,\n 2", "-", "1.5e", "[", "{", '{"a"',
            "[1,2", "01", '{"é": x}', "\ufeff[]"]:
    try:
        print(repr(doc), json.loads(doc))
    except JSONDecodeError as e:
        print(repr(doc), "|", e, "|", e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError))
try:
    json.loads(5)
except TypeError as e:
    print("TypeError", e)
print(repr(JSONDecodeError("x", "ab", 1)))

import os
path = "/tmp/ormsh_stdlib_json_%d.json" % os.getpid()
with open(path, "w") as f:
    json.dump({"rows": [1, 2, 3], "name": "file"}, f, indent=2)
with open(path) as f:
    print(f.read())
with open(path) as f:
    print(json.load(f))
os.remove(path)
