#!/usr/bin/env python3
# Writes the expected-value tables for tests/text (cases_<group>.inc) from CPython itself, so
# the text library is checked against the real thing. Regenerate with:
#   python3 tests/text/gen_cases.py [OUTPUT_DIR]     (default: this script's folder)
import math
import os
import random
import struct
import sys

files = {}
out = None


def group(name):
    global out
    out = files.setdefault(name, [])


def c_str(s):
    """A C++ string literal for str or bytes (UTF-8), octal escapes for anything unusual."""
    if isinstance(s, str):
        s = s.encode('utf-8', 'surrogatepass')
    parts = []
    for b in s:
        if 32 <= b < 127 and b not in (34, 92, 63):
            parts.append(chr(b))
        else:
            parts.append('\\%03o' % b)
    return '"' + ''.join(parts) + '"sv'


def c_double(x):
    if math.isnan(x):
        return '-NAN_' if math.copysign(1, x) < 0 else 'NAN_'
    if math.isinf(x):
        return 'INF_' if x > 0 else '-INF_'
    return x.hex() if x >= 0 or math.copysign(1, x) > 0 else '-' + (-x).hex()


def emit(name, rows, typ):
    out.append('static const %s %s[] = {' % (typ, name))
    for r in rows:
        out.append('    {' + ', '.join(r) + '},')
    out.append('};')


def call(f):
    """(ok, value or 'Kind: message')."""
    try:
        return True, f()
    except Exception as e:  # noqa: BLE001 - we record every error
        return False, '%s: %s' % (type(e).__name__, e)


random.seed(12345)
group('float')

# --- floats -----------------------------------------------------------------------------------
floats = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 100.0, 1e15, 1e16, 1e17, 1.5e-5,
          1e-4, 1e-5, 0.0001234, 123456789.0, 1234567890123456.0, 12345678901234567.0,
          9007199254740993.0, 1e22, 1e23, 1e300, 1e308, 1.7976931348623157e308, 5e-324,
          2.2250738585072014e-308, math.pi, math.e, 2.675, 0.125, 0.375, 2.5, 3.5, 0.5, 1.5,
          1234.5, 0.05, 0.045, 123.456, 1e-7, 99.99, 999999.5, 9.999999e15, 0.1 + 0.2,
          float('inf'), float('-inf'), float('nan'), 42.0, -273.15, 6.02214076e23, 1e-10]
floats += [random.uniform(-1e6, 1e6) for _ in range(40)]
floats += [random.random() * 10 ** random.randint(-30, 30) for _ in range(40)]
floats += [struct.unpack('<d', random.getrandbits(64).to_bytes(8, 'little'))[0] for _ in range(800)]
floats += [float(random.randint(-10 ** 6, 10 ** 6)) / 10 ** random.randint(0, 8) for _ in range(300)]
rows = []
round_inputs = [2.675, 0.125, 0.375, 2.5, 1234.5, -1234.5, 1e300, 1.7976931348623157e308, 5e-324,
                0.5, 1.5, -0.5, 123456.789, 1e-10, 1e22, 0.1, -0.0, 0.0, float('inf'), float('nan'),
                2.5e-5, 15.0, 25.0, 35.0, 9.995, 0.045, 1.0000000000000002]
round_inputs += [random.uniform(-1e6, 1e6) for _ in range(60)]
round_inputs += [random.random() * 10 ** random.randint(-20, 20) for _ in range(60)]
for x in round_inputs:
    for nd in (0, 1, 2, 3, 5, 10, 17, 20, 300, 323, 324, -1, -2, -3, -5, -20, -308, -309):
        ok, r = call(lambda: round(x, nd))
        rows.append([c_double(x), str(nd), c_str(repr(r) if ok else r)])
emit('kFloatRound', rows, 'FloatRoundCase')
emit('kFloatRepr', [[c_double(x), c_str(repr(x)), '%dLL' % (0 if math.isnan(x) else hash(x))]
                    for x in floats], 'FloatReprCase')

parse_inputs = ['1', '1.5', ' -2.5 ', '+3', '1_000.5', '1e5', '1E-5', '1e+5', '.5', '5.', 'inf',
                '-inf', 'Infinity', '-iNfinity', 'nan', '-nan', 'NaN', '1e', '_1', '1_', '1__0',
                '0x10', '', ' ', 'abc', '1.2.3', '1e1_0', '1_0e1', '1._5', '1_.5', '1e400',
                '-1e400', '1e-400', '0.1', '\u20031.5\u2003', '1e-5_0', '--1', '+-1', 'in f',
                '123456789012345678901234567890', '4.9e-324', '2.4703282292062328e-324',
                '1' * 400, '0.' + '0' * 300 + '1', '\t\n 7 \r', 'infinit', '1e+']
rows = []
for s in parse_inputs:
    ok, v = call(lambda: float(s))
    rows.append([c_str(s), 'true' if ok else 'false', c_str(repr(v) if ok else '')])
emit('kParseFloat', rows, 'ParseFloatCase')

group('int')
# --- ints -------------------------------------------------------------------------------------
ints = [0, 1, -1, 7, 255, -255, 1000, 2 ** 31, -2 ** 31, 2 ** 63 - 1, -2 ** 63, 12345678, 10 ** 18]
rows = []
for v in ints:
    for base, fn in ((10, str), (2, bin), (8, oct), (16, hex)):
        rows.append(['%dLL' % v if v != -2 ** 63 else '(-9223372036854775807LL - 1)', str(base),
                     c_str(fn(v))])
emit('kIntToString', rows, 'IntToStringCase')

big_vals = [2 ** 64, -2 ** 64, 2 ** 100 + 12345, -(3 ** 80), 10 ** 40, math.factorial(30), 2 ** 63,
            -2 ** 63 - 1]
rows = []
for v in big_vals:
    for base, fn in ((10, str), (2, bin), (8, oct), (16, hex)):
        rows.append([c_str(str(v)), str(base), c_str(fn(v))])
emit('kBigToString', rows, 'BigToStringCase')

parse_int_inputs = [('0', 10), ('123', 10), ('-123', 10), ('  1_000  ', 10), ('1__0', 10),
                    ('_1', 10), ('1_', 10), ('abc', 10), ('0x10', 0), ('0x10', 16), ('0X_1f', 16),
                    ('0o17', 0), ('0b101', 0), ('0b', 0), ('010', 0), ('00', 0), ('0_0', 0),
                    ('0', 0), ('ff', 16), ('FF', 16), ('z', 36), ('Z', 36), ('12', 2), ('', 10),
                    (' ', 10), ('+', 10), ('-0', 10), ('9223372036854775807', 10),
                    ('9223372036854775808', 10), ('-9223372036854775808', 10),
                    ('-9223372036854775809', 10), ('123456789012345678901234567890', 10),
                    ('-0x8000000000000000', 0), ('0xffffffffffffffffffff', 16), ('1 2', 10),
                    ('\u20031\u2003', 10), ('0b1', 16), ('1.5', 10), ('1e5', 10), ('٣', 10),
                    ('0x', 16), ('12', 3), ('0o', 8), ('+0b1_0', 0), ('0_7', 0), ('07', 0),
                    ('a' * 300, 10), ('é' * 300, 10), ('x' * 199 + "'", 10), ('٣٤', 0),
                    ('\u0663\u0664', 16), ('1\u00a0', 10), ('\ufeff1', 10)]
rows = []
for s, base in parse_int_inputs:
    ok, v = call(lambda: int(s, base))
    if ok:
        rows.append([c_str(s), str(base), 'true', c_str(str(v))])
    else:
        rows.append([c_str(s), str(base), 'false', c_str(v.split(': ', 1)[1])])
for s, base in [('1', 37), ('1', 1), ('1', -1)]:
    ok, v = call(lambda: int(s, base))
    rows.append([c_str(s), str(base), 'false', c_str(v.split(': ', 1)[1])])
emit('kParseInt', rows, 'ParseIntCase')

group('bigint')
# --- BigInt arithmetic --------------------------------------------------------------------------
def rand_big():
    bits = random.choice([1, 5, 31, 32, 33, 63, 64, 65, 100, 200, 500])
    v = random.getrandbits(bits)
    return -v if random.random() < 0.5 else v


pairs = [(2 ** 64, 3), (-(2 ** 64), 3), (2 ** 64, -3), (-(2 ** 64), -3), (10 ** 30, 10 ** 15),
         (-1, 2 ** 70), (2 ** 96 - 1, 2 ** 64 - 1), (2 ** 128, 2 ** 64 + 1), (0, 5), (7, 2 ** 80)]
pairs += [(rand_big(), rand_big()) for _ in range(120)]
rows = []
for a, b in pairs:
    if b == 0:
        b = 12345
    shift = random.randint(0, 100)
    fa = call(lambda: repr(float(a)))
    td = call(lambda: repr(a / b))
    rows.append([c_str(str(a)), c_str(str(b)), c_str(str(a + b)), c_str(str(a - b)),
                 c_str(str(a * b)), c_str(str(a // b)), c_str(str(a % b)), c_str(str(a & b)),
                 c_str(str(a | b)), c_str(str(a ^ b)), str(shift), c_str(str(a << shift)),
                 c_str(str(a >> shift)), c_str(str(~a)), c_str(fa[1] if fa[0] else 'overflow'),
                 c_str(td[1] if td[0] else 'overflow'), '%dLL' % hash(a), str(a.bit_length())])
emit('kBigArith', rows, 'BigArithCase')

group('format_spec')
# --- format specs -------------------------------------------------------------------------------
int_specs = ['', 'd', '5', '<5', '>5', '^5', '=5', '*^9', '+', '-', ' ', '+5', '05', '+05', '010,',
             ',', '_', '_b', '_x', '#x', '#X', '#o', '#b', 'x', 'X', 'o', 'b', 'c', 'n', ',d', '08,',
             '09,', '0=10,', 'x=10,', '#010_x', '+010_x', 'e', '.2f', '%', '.2%', 'g', 'E', '12,.2f',
             '.2', 'z', ',c', '_c', '_n', ',x', 'abc', '+c', '#c', 'é^7', '\U0001F600>4', 's',
             '=+8', '<010', '^010', '2.', '99999999999999999999', ' 5d', '-#10x', 'é', ',é',
             '5\U0001F600', '\x01', 'éé', '\U0001F600<5']
int_vals = [0, 1, -1, 42, -42, 1234, -1234567, 65, 2 ** 40, -(2 ** 63), 255, 0x1F600]
float_specs = ['', '.3', '.0', '.1', '.2', 'f', '.2f', '.0f', '.10f', 'e', '.2e', '.0e', 'E', 'g',
               '.2g', '.10g', 'G', '#g', '#.3g', '#', '#.0f', '#.0e', '%', '.1%', '10.3f', '<10.3f',
               '^10', '>10', '=10', '+', ' ', '+.2f', '010', '010.2f', '08,', '012,.2f', ',', '_f',
               '_', ',.2f', 'z', 'z.1f', 'z.2e', 'z.0f', 'n', '.3n', 'd', 'x', 'c', 's', '*^12',
               '-^+12.4e', '.20f', '.17g', '.1000f', '.50e', 'F', '.3F', '+E', '.16', '.17',
               '0=+10.2f', '=^+#010,.2f', '0<10', 'r', '.2G']
float_vals = [0.0, -0.0, 1.0, -1.0, 0.1, 1.5, 2.5, 2.675, 0.125, -0.001, 1234.5, 1e16, 1e-5,
              123456789.123, 1e100, -1.5e-7, math.pi, float('inf'), float('-inf'), float('nan'),
              1e22, 0.5, 99.995, 1e15, 123.0]
str_specs = ['', 's', '5', '<5', '>5', '^5', '^6', '*^6', '.2', '10.3', 'é>4', '+', '=5', '#', 'z',
             ',', 'd', '05', '<05', 'x<3', '.0', '_', 'é', '\U0001F600^5']
str_vals = ['', 'a', 'abc', 'héllo', '日本語', 'hello world']
rows = []
for v in int_vals:
    for s in int_specs:
        ok, r = call(lambda: format(v, s))
        rows.append(['\'i\'', c_str(str(v)), c_str(s), 'true' if ok else 'false', c_str(r)])
for v in float_vals:
    for s in float_specs:
        ok, r = call(lambda: format(v, s))
        rows.append(['\'f\'', c_str(c_double(v)), c_str(s), 'true' if ok else 'false', c_str(r)])
for v in [0.1, 1e300, 5e-324, 1.0, -2.5e-310]:
    for s in ['.800e', '.800f', '.800g', '#.800g', '.760g', '#.770g', '.1100f', '.780e', '.767e',
              '#.0e', '.750g']:
        ok, r = call(lambda: format(v, s))
        rows.append(['\'f\'', c_str(c_double(v)), c_str(s), 'true' if ok else 'false', c_str(r)])
for v in str_vals:
    for s in str_specs:
        ok, r = call(lambda: format(v, s))
        rows.append(['\'s\'', c_str(v), c_str(s), 'true' if ok else 'false', c_str(r)])


def random_spec(numeric_types):
    spec = ''
    if random.random() < 0.4:
        spec += random.choice(['', '*', '0', 'é']) + random.choice('<>^=')
    if random.random() < 0.4:
        spec += random.choice('+- ')
    if random.random() < 0.1:
        spec += 'z'
    if random.random() < 0.3:
        spec += '#'
    if random.random() < 0.3:
        spec += '0'
    if random.random() < 0.6:
        spec += str(random.randint(0, 25))
    if random.random() < 0.3:
        spec += random.choice(',_')
    if random.random() < 0.5:
        spec += '.' + str(random.randint(0, 20))
    if random.random() < 0.8:
        spec += random.choice(numeric_types)
    return spec


for _ in range(1500):
    v = random.choice([random.uniform(-1e6, 1e6), random.random(), -random.random() * 1e-3,
                       random.uniform(-1, 1) * 10 ** random.randint(-20, 25), 0.0, -0.0,
                       float(random.randint(-10 ** 9, 10 ** 9)), 0.5 + random.randint(0, 9)])
    s = random_spec('eEfFgGn%')
    ok, r = call(lambda: format(v, s))
    rows.append(['\'f\'', c_str(c_double(v)), c_str(s), 'true' if ok else 'false', c_str(r)])
for _ in range(800):
    v = random.choice([random.randint(-10 ** 6, 10 ** 6), random.randint(-10 ** 30, 10 ** 30),
                       random.randint(0, 300), 0])
    s = random_spec('bdoxXnc')
    ok, r = call(lambda: format(v, s))
    rows.append(['\'i\'', c_str(str(v)), c_str(s), 'true' if ok else 'false', c_str(r)])
for v in [2 ** 80, -(2 ** 70) - 5, 10 ** 25]:
    for s in ['', ',', '_x', '#b', '40', '<40', '+,', '.2f', 'e', '%', 'c', 'x', '#X', '0=40,']:
        ok, r = call(lambda: format(v, s))
        rows.append(['\'i\'', c_str(str(v)), c_str(s), 'true' if ok else 'false', c_str(r)])
emit('kFormatSpec', rows, 'FormatSpecCase')

group('percent')
# --- %-formatting -------------------------------------------------------------------------------
# Arguments are written as tagged strings the test decodes: i:INT f:FLOATHEX s:STR and
# k:KEY=TAGGED for mapping entries; the mode says tuple ('t'), single value ('v') or mapping ('m').


def enc_arg(v):
    if isinstance(v, bool) or isinstance(v, int):
        return 'i:%d' % v
    if isinstance(v, float):
        return 'f:' + c_double(v).replace('_', '')
    return 's:' + v


percent_cases = [
    ('%s', 'v', 'abc'), ('%s', 't', (1,)), ('%s %s', 't', (1, 'x')), ('%r', 'v', 'a'),
    ('%a', 'v', 'é'), ('%5s|', 'v', 'ab'), ('%-5s|', 'v', 'ab'), ('%.3s', 'v', 'abcdef'),
    ('%5.1s|', 'v', 'abc'), ('%d', 'v', 42), ('%i', 'v', -42), ('%u', 'v', 7), ('%5d', 'v', 42),
    ('%-5d|', 'v', 3), ('%05d', 'v', -3), ('%+d', 'v', 5), ('% d', 'v', 5), ('%+05d', 'v', 5),
    ('%.3d', 'v', 5), ('%.3d', 'v', -5), ('%x', 'v', 255), ('%X', 'v', 255), ('%#x', 'v', 255),
    ('%#X', 'v', -255), ('%#o', 'v', 8), ('%o', 'v', -8), ('%#08x', 'v', 255), ('%#.4x', 'v', 255),
    ('%x', 'v', -255), ('%d', 'v', 3.7), ('%d', 'v', -3.7), ('%d', 'v', 1e30), ('%f', 'v', 1.5),
    ('%f', 'v', 2), ('%.2f', 'v', 2.675), ('%.0f', 'v', 0.5), ('%.0f', 'v', 1.5), ('%e', 'v', 1234.5),
    ('%E', 'v', 1234.5), ('%+.3e', 'v', 1234.5), ('%g', 'v', 1e-5), ('%g', 'v', 123456.0),
    ('%g', 'v', 1234567.0), ('%G', 'v', 1e-10), ('%#g', 'v', 1.0), ('%#g', 'v', 123456.0),
    ('%.3g', 'v', 0.0001234), ('%10.3f|', 'v', 3.14159), ('%-10.3f|', 'v', 3.14159),
    ('%010.3f', 'v', -3.14159), ('%+f', 'v', 0.0), ('%f', 'v', -0.0), ('%f', 'v', float('inf')),
    ('%05f', 'v', float('-inf')), ('%F', 'v', float('nan')), ('%c', 'v', 65), ('%c', 'v', 'é'),
    ('%3c|', 'v', 'x'), ('%05c|', 'v', 65), ('%%', 't', ()), ('100%%', 't', ()),
    ('%s%%', 'v', 5), ('%*d', 't', (5, 42)), ('%-*d|', 't', (5, 42)), ('%*d|', 't', (-5, 42)),
    ('%.*f', 't', (2, 1.0)), ('%*.*f', 't', (8, 2, 3.14159)), ('%(a)s %(b)d', 'm', {'a': 'x', 'b': 3}),
    ('%(a)s %(a)r', 'm', {'a': 'x'}), ('%(a)05.1f', 'm', {'a': 2.25}), ('abc', 'm', {}),
    ('%s', 't', ()), ('%s %s', 't', (1,)), ('%s', 't', (1, 2)), ('abc', 'v', 5), ('%(a)s', 'v', 5),
    ('%(a)s', 'm', {}), ('%z', 'v', 5), ('%', 'v', 5), ('%5', 'v', 5), ('%d', 'v', 'x'),
    ('%x', 'v', 1.5), ('%f', 'v', 'x'), ('%c', 'v', 'ab'), ('%c', 'v', 1.5), ('%c', 'v', -1),
    ('%c', 'v', 0x110000), ('%d', 'v', float('inf')), ('%d', 'v', float('nan')),
    ('%*d', 't', ('a', 1)), ('%(a', 'm', {'a': 1}), ('%s é %s', 't', ('ü', 'ß')),
    ('%é', 'v', 1), ('%d', 'v', 2 ** 70), ('%x', 'v', -(2 ** 70)), ('%f', 'v', 2 ** 70),
    ('%s', 'v', 2 ** 70), ('%10.4s|', 'v', 'héllo wörld'), ('%d%%', 'v', True), ('%.2e', 'v', 0.0),
    ('%5%', 't', ()), ('%5%', 't', (1,)), ('%-5%|', 'v', 1), ('%(a)%', 'm', {'a': 1}),
    ('%.%', 't', (1,)), ('%(a)s %s', 'm', {'a': 1}), ('%(a)*d', 'm', {'a': 1}),
    ('%(a)s %(b)s', 'm', {'a': 1, 'b': 'x'}), ('%.*f', 't', (-3, 1.5)), ('%ld', 'v', 5), ('%hi', 'v', 5), ('%Lf', 'v', 5), ('%l', 'v', 5), ('%lld', 'v', 5),
    ('%c', 'v', 2 ** 70), ('%s=%r', 't', ('k', 'it\'s')), ('%-+6d|', 'v', 7), ('% 05d', 'v', 7), ('%#5o|', 'v', 8),
]
for _ in range(400):
    conv = random.choice('diuxXoeEfFgGs')
    spec = '%' + ''.join(random.sample('-+ #0', random.randint(0, 3)))
    if random.random() < 0.6:
        spec += str(random.randint(0, 15))
    if random.random() < 0.6:
        spec += '.' + str(random.randint(0, 12))
    spec += conv
    v = random.choice([random.randint(-10 ** 6, 10 ** 6), random.uniform(-1e5, 1e5), 0, -0.0,
                       random.random() * 10 ** random.randint(-12, 20), 2 ** 65 + 3])
    percent_cases.append(('[' + spec + ']', 'v', v))
rows = []
for fmt, mode, args in percent_cases:
    real = args
    if mode == 't':
        enc = [enc_arg(a) for a in args]
    elif mode == 'v':
        enc = [enc_arg(args)]
    else:
        enc = ['k:%s=%s' % (k, enc_arg(v)) for k, v in args.items()]
    ok, r = call(lambda: fmt % real)
    out.append('static const std::string_view kPercentArgs%d[] = {%s};' %
               (len(rows), ', '.join([c_str(e) for e in enc] + ['""sv'])))
    rows.append([c_str(fmt), "'%s'" % mode, 'kPercentArgs%d' % len(rows), 'true' if ok else 'false',
                 c_str(r)])
emit('kPercent', rows, 'PercentCase')

group('slice')
# --- slices -------------------------------------------------------------------------------------
rows = []
N = None
for length in (0, 1, 5, 10):
    for start in (N, 0, 1, 3, -1, -3, 100, -100):
        for stop in (N, 0, 2, 4, -1, -2, 100, -100):
            for step in (N, 1, 2, 3, -1, -2, -3):
                st, sp, stp = slice(start, stop, step).indices(length)
                rows.append([str(length)] + ['std::nullopt' if x is None else str(x)
                                             for x in (start, stop, step)] +
                            [str(st), str(sp), str(stp), str(len(range(st, sp, stp)))])
emit('kSlice', rows, 'SliceCase')

group('str')
# --- str methods ----------------------------------------------------------------------------------
samples = ['', 'a', 'abc', '  hello world  ', 'a,b,,c', 'one\ttwo\nthree', 'héllo wörld',
           'ÀÉÎõü ß', 'ΑΣ ΟΔΟΣ', 'ὈΔΥΣΣΕΎΣ', 'Привет Мир', 'ﬁne ŉ İstanbul', 'x\r\ny\rz\n',
           'line1\nline2\r\n\x0bline3\u2028end', 'aaa', 'abcabcabc', '日本語テキスト', 'Hello World',
           "they're bill's friends", 'ǅungla', '123', '١٢٣', '½', 'abc123', 'ab_c1', '1abc', ' \t\n',
           '\u00a0', 'MiXeD CaSe 123', '\tindented\ttext', '+42', '-7', 'αβγ', 'ΣΑΣ']
rows = []


def add(method, s, args, fn):
    ok, r = call(fn)
    rows.append([c_str(method), c_str(s)] + [c_str(a) for a in args] + [''] * 0 +
                ['nullptr'] * 0 + ['true' if ok else 'false', c_str(repr(r) if ok else r)])


def argrow(method, s, args, fn):
    pad = list(args) + ['\x00NONE'] * (3 - len(args))
    ok, r = call(fn)
    rows.append([c_str(method), c_str(s)] + [c_str(a) for a in pad] +
                ['true' if ok else 'false', c_str(repr(r) if ok else r)])


for s in samples:
    for m in ('upper', 'lower', 'casefold', 'capitalize', 'title', 'swapcase', 'isdigit',
              'isdecimal', 'isnumeric', 'isalpha', 'isalnum', 'isspace', 'isupper', 'islower',
              'istitle', 'isidentifier', 'isprintable', 'isascii', 'split', 'rsplit', 'splitlines',
              'strip', 'lstrip', 'rstrip', 'expandtabs', 'len', 'repr', 'ascii'):
        if m == 'len':
            argrow(m, s, [], lambda: len(s))
        elif m == 'repr':
            argrow(m, s, [], lambda: repr(s))
        elif m == 'ascii':
            argrow(m, s, [], lambda: ascii(s))
        else:
            argrow(m, s, [], lambda: getattr(s, m)())
    argrow('splitlines_keep', s, [], lambda: s.splitlines(True))
    for sep in (',', 'a', 'bc', ' ', 'ö', ''):
        for ms in ('-1', '0', '1', '2'):
            argrow('split', s, [sep, ms], lambda: s.split(sep, int(ms)))
            argrow('rsplit', s, [sep, ms], lambda: s.rsplit(sep, int(ms)))
        argrow('partition', s, [sep], lambda: s.partition(sep))
        argrow('rpartition', s, [sep], lambda: s.rpartition(sep))
        argrow('find', s, [sep], lambda: s.find(sep))
        argrow('rfind', s, [sep], lambda: s.rfind(sep))
        argrow('index', s, [sep], lambda: s.index(sep))
        argrow('count', s, [sep], lambda: s.count(sep))
        argrow('startswith', s, [sep], lambda: s.startswith(sep))
        argrow('endswith', s, [sep], lambda: s.endswith(sep))
        argrow('replace', s, [sep, '<>', '-1'], lambda: s.replace(sep, '<>'))
        argrow('replace', s, [sep, 'Ω', '2'], lambda: s.replace(sep, 'Ω', 2))
        argrow('strip', s, [sep], lambda: s.strip(sep) if sep else s)
        for st, en in (('1', '\x00NONE'), ('-3', '\x00NONE'), ('2', '5'), ('0', '-1'), ('5', '2'),
                       ('20', '\x00NONE'), ('-100', '100')):
            stv = int(st)
            env = None if en == '\x00NONE' else int(en)
            argrow('find', s, [sep, st, en], lambda: s.find(sep, stv, env))
            argrow('rfind', s, [sep, st, en], lambda: s.rfind(sep, stv, env))
            argrow('count', s, [sep, st, en], lambda: s.count(sep, stv, env))
            argrow('startswith', s, [sep, st, en], lambda: s.startswith(sep, stv, env))
            argrow('endswith', s, [sep, st, en], lambda: s.endswith(sep, stv, env))
    argrow('split', s, ['\x00NONE', '1'], lambda: s.split(None, 1))
    argrow('rsplit', s, ['\x00NONE', '1'], lambda: s.rsplit(None, 1))
    argrow('split', s, ['\x00NONE', '0'], lambda: s.split(None, 0))
    argrow('rsplit', s, ['\x00NONE', '0'], lambda: s.rsplit(None, 0))
    for w in ('0', '5', '12', '13'):
        argrow('center', s, [w], lambda: s.center(int(w)))
        argrow('center', s, [w, 'é'], lambda: s.center(int(w), 'é'))
        argrow('ljust', s, [w, '*'], lambda: s.ljust(int(w), '*'))
        argrow('rjust', s, [w], lambda: s.rjust(int(w)))
        argrow('zfill', s, [w], lambda: s.zfill(int(w)))
    argrow('expandtabs', s, ['4'], lambda: s.expandtabs(4))
    argrow('expandtabs', s, ['0'], lambda: s.expandtabs(0))
    for st, sp, stp in ((1, None, None), (None, 3, None), (-3, None, None), (None, None, -1),
                        (None, None, 2), (5, 1, -2), (1, 100, 3), (-100, -1, None)):
        argrow('slice', s, [str(st) if st is not None else '\x00NONE',
                            str(sp) if sp is not None else '\x00NONE',
                            str(stp) if stp is not None else '\x00NONE'],
               lambda: s[st:sp:stp])
# Random strings over scripts with case, digits, marks and spaces exercise the Unicode tables.
ranges = [(0x20, 0x7E), (0xA0, 0x24F), (0x370, 0x3FF), (0x400, 0x52F), (0x530, 0x58F),
          (0x660, 0x669), (0x1E00, 0x1FFF), (0x2000, 0x206F), (0x2160, 0x2188), (0x24B6, 0x24E9),
          (0x2C00, 0x2C7F), (0xA640, 0xA69F), (0xFB00, 0xFB06), (0xFF10, 0xFF5A), (0x10400, 0x1044F),
          (0x1D400, 0x1D7FF), (0x1E900, 0x1E95F), (0x300, 0x36F), (0x1F600, 0x1F64F), (0x0, 0x1F)]
for _ in range(250):
    chars = []
    for _ in range(random.randint(1, 6)):
        lo, hi = random.choice(ranges)
        cp = random.randint(lo, hi)
        chars.append(chr(cp))
    s = ''.join(chars)
    for m in ('upper', 'lower', 'casefold', 'capitalize', 'title', 'swapcase', 'isdigit',
              'isdecimal', 'isnumeric', 'isalpha', 'isalnum', 'isspace', 'isupper', 'islower',
              'istitle', 'isidentifier', 'isprintable', 'split', 'strip', 'len', 'repr', 'ascii',
              'splitlines'):
        if m in ('len', 'repr', 'ascii'):
            argrow(m, s, [], lambda: {'len': len, 'repr': repr, 'ascii': ascii}[m](s))
        else:
            argrow(m, s, [], lambda: getattr(s, m)())
emit('kStrMethods', rows, 'StrMethodCase')

rows = []
for cp in range(0x80, 0x110000):
    if chr(cp).isdecimal():
        rows.append(['0x%X' % cp, str(int(chr(cp)))])
emit('kDecimalDigits', rows, 'DecimalDigitCase')

rows = []
for b in [b'', b'abc', b"it's", b'say "hi"', b'both \' and "', b'\x00\x01\x7f\x80\xff', b'\t\n\r\\',
          bytes(range(256))]:
    rows.append([c_str(b), c_str(repr(b))])
emit('kBytesRepr', rows, 'BytesReprCase')

rows = []
for s in ['', 'abc', "it's", 'say "hi"', 'both \' and "', '\x00\x1f\x7f\x80\x9f\xa0\xad', 'é日本\U0001F600',
          '\u200b\u2028\ufeff\U000e0001', '\t\n\r\\', '\ud800', 'a\u0300', '\U0010ffff', '\u0378']:
    rows.append([c_str(s), c_str(repr(s)), c_str(ascii(s))])
emit('kStrRepr', rows, 'StrReprCase')

group('utf8')
rows = []
bad_utf8 = [b'ab\xff', b'\xe6\x97a', b'\xe6\x97', b'a\xc3', b'\xed\xa0\x80', b'\xe0\x80\x80',
            b'\xf0\x80', b'\xf4\x90\x80\x80', b'\xc0\xaf', b'\xf0\x9f\x98', b'\xf0\x9fa', b'\x80',
            b'ok', b'', 'h\u00e9llo \U0001F600'.encode(), b'abcdefghijklmnop\xf5', b'\xef\xbf\xbf\xf4\x8f',
            b'\xc2\x80\xdf\xbf\xe1\x80']
for b in bad_utf8:
    try:
        b.decode()
        rows.append([c_str(b), c_str('')])
    except UnicodeDecodeError as e:
        rows.append([c_str(b), c_str(str(e))])
emit('kUtf8Decode', rows, 'Utf8DecodeCase')

group('json')
import json  # noqa: E402
rows = []
json_strings = ['', 'plain', 'a"b\\c', 'line\nbreak\ttab\r\b\f', '\x00\x1f\x7f', 'é 日 😀',
                '\u2028\u2029', '\U0010ffff', 'mixed ascii and ünïcödé text', '\ud800', '/slash/']
for st in json_strings:
    rows.append([c_str(st), c_str(json.dumps(st)), c_str(json.dumps(st, ensure_ascii=False))])
emit('kJsonQuote', rows, 'JsonQuoteCase')
rows = []
for x in floats[:200]:
    ok, r = call(lambda: json.dumps(x, allow_nan=False))
    rows.append([c_double(x), c_str(json.dumps(x)), c_str(r if ok else r.split(': ', 1)[1])])
emit('kJsonFloat', rows, 'JsonFloatCase')

outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
for name, lines in files.items():
    with open(os.path.join(outdir, 'cases_%s.inc' % name), 'w', encoding='ascii') as f:
        f.write('// Generated by tests/text/gen_cases.py with Python %s. Do not edit.\n'
                % sys.version.split()[0])
        f.write('\n'.join(lines) + '\n')
