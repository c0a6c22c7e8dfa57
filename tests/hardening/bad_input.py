"""Bad input never crashes ormsh: deep nesting, a 10 MB line, NUL bytes, invalid UTF-8, deep
recursion and an unterminated triple-quoted string each give a Python-style error naming the
file and line, exit status 1. Where CPython (python3) reports the same error, its stderr is
the expected text.

usage: bad_input.py ORMSH CASE"""
import os
import subprocess
import sys
import tempfile

from harness import Failure, check, main, run, sanitized, text


def write(folder, name, data):
    path = os.path.join(folder, name)
    with open(path, 'wb') as f:
        f.write(data)
    return path


def expect_error(ormsh, data, error_line, line_no, name='bad.py', same_as_python=False):
    """Runs `data` as a script: exit status 1, `error_line` last on stderr, `File ..., line N`."""
    with tempfile.TemporaryDirectory() as d:
        path = write(d, name, data)
        out = run(ormsh, path, timeout=120)
        err = text(out.stderr)
        check(out.returncode == 1, 'exit status %d, stderr %r' % (out.returncode, err[-500:]))
        last = err.rstrip('\n').split('\n')[-1]
        check(last == error_line, 'last stderr line %r, expected %r' % (last[:300], error_line))
        if line_no is not None:
            check(('File "%s", line %d' % (path, line_no)) in err,
                  'no "File %s, line %d" in %r' % (path, line_no, err[:500]))
        if same_as_python:
            py = subprocess.run([sys.executable, path], capture_output=True, timeout=120)
            check(text(py.stderr) == err, 'CPython prints %r, ormsh %r' % (text(py.stderr)[:500], err[:500]))


def nested_brackets(ormsh):
    for opener, closer in ('[]', '()', '{}'):
        data = b'x = 1\ny = ' + opener.encode() * 100000 + closer.encode() * 100000 + b'\n'
        expect_error(ormsh, data, 'SyntaxError: too many nested parentheses', 2)
    # Deep nesting without brackets: unary operators, attribute chains, long sums, blocks.
    ok_cases = [b'x = ' + b'-' * 100000 + b'1\nprint(x)\n',
                b'x = ' + b'not ' * 100000 + b'1\nprint(x)\n',
                b'x = ' + b'+'.join([b'1'] * 200000) + b'\nprint(x)\n']
    for data in ok_cases:
        with tempfile.TemporaryDirectory() as d:
            out = run(ormsh, write(d, 'deep.py', data))
            err = text(out.stderr)
            check(out.returncode in (0, 1) and out.returncode >= 0,
                  'deep expression: exit %d %r' % (out.returncode, err[-300:]))
            if out.returncode == 1:
                check('Error' in err.split('\n')[-2], 'no error line: %r' % err[-300:])
    blocks = b''.join(b' ' * i + b'if 1:\n' for i in range(200)) + b' ' * 200 + b'pass\n'
    expect_error(ormsh, blocks, 'IndentationError: too many levels of indentation', 101)


def long_line(ormsh):
    big = 10 * 1024 * 1024
    with tempfile.TemporaryDirectory() as d:
        path = write(d, 'long.py', b'x = "' + b'a' * big + b'"\nprint(len(x))\n')
        out = run(ormsh, path)
        check(out.returncode == 0 and text(out.stdout) == '%d\n' % big,
              'long string: exit %d %r' % (out.returncode, text(out.stderr)[-300:]))
    # A 10 MB line ending in a syntax error, then one with a name error at run time.
    expect_error(ormsh, b'x = 1\ny = [' + b'1, ' * (big // 3) + b'2 3]\n',
                 'SyntaxError: invalid syntax. Perhaps you forgot a comma?', 2)
    expect_error(ormsh, b'x = 1\ny = ' + b'a' * big + b'\n',
                 "NameError: name '%s' is not defined" % ('a' * big), 2)


def nul_bytes(ormsh):
    expect_error(ormsh, b'x = 1\ny = "a\0b"\n', 'SyntaxError: source code cannot contain null bytes',
                 2, same_as_python=True)
    expect_error(ormsh, b'\0', 'SyntaxError: source code cannot contain null bytes', 1,
                 same_as_python=True)
    # Through standard input and -c as well.
    out = run(ormsh, stdin=b'print(1)\n\0\n')
    check(out.returncode == 1 and 'null bytes' in text(out.stderr), 'stdin: %r' % out.stderr)


def invalid_utf8(ormsh):
    for data, line in ((b'x = 1\ny = "a\xff\xfeb"\n', 2), (b'# \xc3\x28 comment\nx = 1\n', 1),
                       (b'x = 1\n\n\xed\xa0\x80 = 2\n', 3)):
        with tempfile.TemporaryDirectory() as d:
            path = write(d, 'enc.py', data)
            out = run(ormsh, path)
            err = text(out.stderr)
            check(out.returncode == 1, 'exit %d' % out.returncode)
            check(err.startswith('SyntaxError: Non-UTF-8 code starting with') and
                  ('in file %s on line %d' % (path, line)) in err, 'stderr %r' % err)
            py = subprocess.run([sys.executable, path], capture_output=True)
            check(text(py.stderr) == err, 'CPython prints %r' % text(py.stderr))


RECURSIONS = {
    'function': 'def f(n):\n    return f(n + 1)\nf(0)\n',
    'method': 'class A:\n    def m(self, n):\n        return self.m(n + 1)\nA().m(0)\n',
    'repr': 'class A:\n    def __repr__(self):\n        return repr(self)\nrepr(A())\n',
    'getattr': 'class A:\n    def __getattr__(self, n):\n        return getattr(self, n)\nA().x\n',
    'native_callback': 'def f(n):\n    return sorted([1, 2], key=lambda x: f(n + 1))\nf(0)\n',
    'comprehension': 'def f(n):\n    return [f(n + 1) for _ in (1,)]\nf(0)\n',
    'generator': 'def g(n):\n    yield from g(n + 1)\nlist(g(0))\n',
    'init': 'class A:\n    def __init__(self):\n        A()\nA()\n',
}


def recursion(ormsh):
    # Every kind at the default limit; the slower 100,000-deep ones (a limit of 10**6 is
    # capped at 100,000) for a few kinds.
    runs = [(None, name) for name in RECURSIONS]
    if not sanitized():
        runs += [(10 ** 6, name) for name in ('function', 'repr', 'native_callback', 'generator')]
    for limit, name in runs:
        body = RECURSIONS[name]
        if True:
            head = 'import sys\nsys.setrecursionlimit(%d)\n' % limit if limit else ''
            script = (head + 'try:\n' + ''.join('    ' + l + '\n' for l in body.splitlines()) +
                      'except RecursionError as e:\n    print("caught", e)\n' + body)
            with tempfile.TemporaryDirectory() as d:
                path = write(d, 'rec.py', script.encode())
                out = run(ormsh, path, timeout=300)
                err = text(out.stderr)
                what = '%s (limit %s)' % (name, limit)
                check(out.returncode == 1, '%s: exit %d, %r' % (what, out.returncode, err[-300:]))
                check(text(out.stdout).startswith('caught maximum recursion depth exceeded'),
                      '%s: stdout %r' % (what, text(out.stdout)[:200]))
                check(err.rstrip().endswith('RecursionError: maximum recursion depth exceeded'),
                      '%s: stderr ends %r' % (what, err[-200:]))
                check(('File "%s", line' % path) in err, '%s: no file in traceback' % what)
    if sanitized():
        return
    # The deepest recursion allowed completes.
    out = run(ormsh, code='import sys\nsys.setrecursionlimit(100000)\n'
                          'def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nprint(f(99000))\n')
    check(out.returncode == 0 and text(out.stdout) == '99000\n',
          'f(99000): exit %d %r' % (out.returncode, text(out.stderr)[-300:]))


def unterminated_string(ormsh):
    for data, line in ((b'x = 1\ny = """abc\n\ndef\n', 2), (b"x = '''", 1),
                       (b'x = 1\ny = """abc\n\n\n', 2), (b"s = 'abc\n", 1)):
        msg = 'unterminated triple-quoted string literal' if b'"""' in data or b"'''" in data \
            else 'unterminated string literal'
        with tempfile.TemporaryDirectory() as d:
            path = write(d, 'tq.py', data)
            py = subprocess.run([sys.executable, path], capture_output=True)
            expected_last = text(py.stderr).rstrip('\n').split('\n')[-1]
            check(msg in expected_last, 'CPython: %r' % expected_last)
        expect_error(ormsh, data, expected_last, line, same_as_python=True)


def memory(ormsh):
    """A value too large for memory raises MemoryError; the script goes on."""
    out = run(ormsh, code='try:\n    x = [0] * (2 ** 62)\nexcept MemoryError:\n    print("caught")\n'
                          'try:\n    s = "ab" * (2 ** 61)\nexcept (MemoryError, OverflowError):\n'
                          '    print("caught")\nprint("ok")\n')
    check(out.returncode == 0 and text(out.stdout) == 'caught\ncaught\nok\n',
          'exit %d stdout %r stderr %r' % (out.returncode, text(out.stdout), text(out.stderr)[-300:]))


if __name__ == '__main__':
    sys.exit(main({'nested_brackets': nested_brackets, 'long_line': long_line,
                   'nul_bytes': nul_bytes, 'invalid_utf8': invalid_utf8, 'recursion': recursion,
                   'unterminated_string': unterminated_string, 'memory': memory}))
