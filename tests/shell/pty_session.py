"""A small pexpect-like driver for the ormsh binary in a real pseudo-terminal.

Every wait has a timeout, so a hang fails the test instead of blocking the suite; the timeouts
are generous because the sanitizer build on a loaded two-core machine is slow to answer.
"""
import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time

ANSI = re.compile(r'\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]|\r')


class Timeout(AssertionError):
    pass


class PtySession:
    def __init__(self, argv, env=None, cwd=None, columns=120, rows=40):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            if cwd:
                os.chdir(cwd)
            os.execve(argv[0], argv, env if env is not None else os.environ)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack('HHHH', rows, columns, 0, 0))
        self.raw = b''
        self.consumed = 0  # position in text() up to which expect() has matched
        self.exit_status = None

    def text(self):
        return ANSI.sub('', self.raw.decode('utf-8', 'replace'))

    def _read(self, timeout):
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            data = b''
        if not data:
            raise EOFError('ormsh closed the terminal')
        self.raw += data
        return True

    def expect(self, pattern, timeout=30):
        """Waits for `pattern` (a regex) in the output after the previous match."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while True:
            match = regex.search(self.text(), self.consumed)
            if match:
                self.consumed = match.end()
                return match
            left = deadline - time.monotonic()
            if left <= 0:
                raise Timeout('timed out waiting for %r; output since last match:\n%s'
                              % (pattern, self.text()[self.consumed:]))
            try:
                self._read(min(left, 0.2))
            except EOFError:
                match = regex.search(self.text(), self.consumed)
                if match:
                    self.consumed = match.end()
                    return match
                raise Timeout('ormsh exited while waiting for %r; output:\n%s'
                              % (pattern, self.text()[self.consumed:]))

    def prompt(self, timeout=30):
        return self.expect(r'>>> $', timeout)

    def send(self, text):
        os.write(self.fd, text.encode())

    def sendline(self, line):
        self.send(line + '\r')

    def run(self, line, timeout=30):
        """Types a line and waits for the next primary prompt; returns what came between."""
        start = self.consumed
        self.sendline(line)
        self.expect(r'>>> $', timeout)
        return self.text()[start:self.consumed]

    def wait(self, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                self._read(0.1)
            except EOFError:
                pass
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.exit_status = os.waitstatus_to_exitcode(status)
                return self.exit_status
        self.kill()
        raise Timeout('ormsh did not exit; output:\n' + self.text()[self.consumed:])

    def kill(self):
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except OSError:
            pass
