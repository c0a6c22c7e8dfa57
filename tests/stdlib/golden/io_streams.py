# io.StringIO / io.BytesIO as seed scripts use them: csv round trips, print(file=...),
# json.dump, line iteration, seek/tell/truncate and the errors of misuse.
import csv
import io
import json

buf = io.StringIO()
w = csv.writer(buf)
w.writerow(['id', 'name', 'email'])
w.writerows([(1, 'ann', 'ann@example.com'), (2, 'bob, jr', 'bob@example.com')])
text = buf.getvalue()
print(repr(text))
for row in csv.DictReader(io.StringIO(text)):
    print(dict(row))

out = io.StringIO()
print('hello', 42, sep='-', file=out)
print('second line', file=out)
json.dump({'b': 1, 'a': [1, 2]}, out, sort_keys=True)
print(repr(out.getvalue()))

s = io.StringIO('one\ntwo\nthree')
print(s.readline(), end='')
print(s.tell())
print(list(s))
s.seek(0)
print(s.readlines())
s.seek(0)
print(repr(s.read(5)), repr(s.read()), repr(s.read()))
print(s.write('!'), repr(s.getvalue()))
s.seek(0)
s.write('ONE')
print(repr(s.getvalue()))
s.seek(3)
print(s.truncate(), repr(s.getvalue()))
print(s.readable(), s.writable(), s.seekable(), s.closed)

with io.StringIO('x\ny\n') as f:
    print([line.strip() for line in f])
print(f.closed)
try:
    f.read()
except ValueError as e:
    print('ValueError:', e)

try:
    io.StringIO().write(b'bytes')
except TypeError as e:
    print('TypeError:', e)
try:
    io.StringIO().seek(2, 1)
except OSError as e:
    print('OSError:', e)
try:
    io.StringIO().seek(-1)
except ValueError as e:
    print('ValueError:', e)

b = io.BytesIO(b'abc')
b.seek(0, 2)
print(b.write(b'def'), b.getvalue(), b.tell())
b.seek(1)
print(b.read(2), b.read())
b.seek(10)
b.write(b'!')
print(b.getvalue())
try:
    b.write('text')
except TypeError as e:
    print('TypeError:', e)
print(type(b).__name__, type(io.StringIO()).__name__)
