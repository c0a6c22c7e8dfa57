#!/usr/bin/env python3
"""Runs one Core binding test script and compares its stdout with the expected file.

usage: run_case.py RUNNER SCRIPT [--pg]

The script runs from its own folder. With --pg it runs against ORMSH_TEST_PG_URL (passed as
DATABASE_URL) and NAME.pg.out is used when present; without that variable the test is skipped
(exit 77). Echo timestamps and timings differ on every run, so both sides are masked first.
"""
import os
import re
import subprocess
import sys

MASKS = [
    (re.compile(r'^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} ', re.M), '<ts> '),
    (re.compile(r'\[generated in [0-9.e-]+s\]'), '[generated in <t>]'),
    (re.compile(r'\[cached since [0-9.e-]+s ago\]'), '[cached since <t> ago]'),
    (re.compile(r'\[no key [0-9.e-]+s\]'), '[no key <t>]'),
]


def mask(text):
    for pattern, repl in MASKS:
        text = pattern.sub(repl, text)
    return text


def main():
    args = [a for a in sys.argv[1:] if a != '--pg']
    pg = '--pg' in sys.argv[1:]
    runner, script = args
    expected_path = script[:-len('.py')] + '.out'
    env = dict(os.environ)
    env.pop('DATABASE_URL', None)
    if pg:
        url = os.environ.get('ORMSH_TEST_PG_URL')
        if not url:
            print('ORMSH_TEST_PG_URL is not set: skipped')
            return 77
        env['DATABASE_URL'] = url
        pg_expected = script[:-len('.py')] + '.pg.out'
        if os.path.exists(pg_expected):
            expected_path = pg_expected
    with open(expected_path, encoding='utf-8') as f:
        expected = mask(f.read())
    proc = subprocess.run([runner, os.path.basename(script)], cwd=os.path.dirname(script) or '.',
                          env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    actual = mask(proc.stdout.decode('utf-8', 'replace'))
    if proc.returncode != 0 or actual != expected:
        print('exit status:', proc.returncode)
        print('--- stderr ---')
        print(proc.stderr.decode('utf-8', 'replace')[-4000:])
        exp_lines, act_lines = expected.splitlines(), actual.splitlines()
        for i in range(max(len(exp_lines), len(act_lines))):
            e = exp_lines[i] if i < len(exp_lines) else '<end>'
            a = act_lines[i] if i < len(act_lines) else '<end>'
            if e != a:
                print('first difference at line %d:\n  expected: %r\n  actual:   %r' % (i + 1, e, a))
                break
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
