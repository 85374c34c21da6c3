"""tool/micropython-repl: the real MicroPython v1.27 REPL (webassembly) on a pty, byte-exact framing.

Needs node and `npm ci --prefix tool`; without them these tests fail (they do not skip).
"""
import os
import re
import select
import shutil
import signal
import subprocess
import tempfile
import time
import tty
import unittest

TOOL = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAUNCHER = os.path.join(TOOL, "micropython-repl")
MP_PACKAGE = os.path.join(TOOL, "node_modules", "@micropython", "micropython-webassembly-pyscript")
TIMEOUT_S = 10
RAW_BANNER = b"raw REPL; CTRL-B to exit\r\n>"
FRIENDLY_PROMPT = b'Type "help()" for more information.\r\n>>> '


def require_node_modules():
    if shutil.which("node") is None:
        raise AssertionError("node is not installed: install Node.js 20, then run `npm ci --prefix tool`")
    if not os.path.isdir(MP_PACKAGE):
        raise AssertionError("%s is missing: run `npm ci --prefix tool`" % MP_PACKAGE)


class ReplTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        require_node_modules()

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.link = os.path.join(self.tmp.name, "ttyMP")
        self.proc = subprocess.Popen([LAUNCHER, "--link", self.link], stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True)
        self.addCleanup(self.stop)
        self.ready = self.proc.stdout.readline()
        self.assertEqual(self.ready, "micropython-repl: ready on %s\n" % self.link)
        self.fd = os.open(self.link, os.O_RDWR | os.O_NOCTTY)
        self.addCleanup(os.close, self.fd)
        tty.setraw(self.fd)
        self.buf = b""

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc.stdout.close()

    def send(self, data):
        os.write(self.fd, data)

    def _fill(self, deadline, what):
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([self.fd], [], [], left)[0]:
            self.fail("timed out waiting for %s; received %r" % (what, self.buf))
        self.buf += os.read(self.fd, 4096)

    def read_until(self, suffix, timeout=TIMEOUT_S):
        """Everything up to and including the first occurrence of suffix."""
        deadline = time.monotonic() + timeout
        while suffix not in self.buf:
            self._fill(deadline, repr(suffix))
        end = self.buf.index(suffix) + len(suffix)
        out, self.buf = self.buf[:end], self.buf[end:]
        return out

    def read_exact(self, n, timeout=TIMEOUT_S):
        deadline = time.monotonic() + timeout
        while len(self.buf) < n:
            self._fill(deadline, "%d bytes" % n)
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def enter_raw(self):
        """What mpremote sends first: Ctrl-C, then Ctrl-A, each after a \\r."""
        self.send(b"\r\x03\r\x01")
        self.read_until(RAW_BANNER)
        self.assertEqual(self.buf, b"")

    def exec_raw(self, code):
        self.send(code + b"\x04")
        return self.read_until(b"\x04>")   # the second \x04 and the prompt end every exec

    def test_ready_line_and_link(self):
        self.assertTrue(os.path.islink(self.link))
        self.assertTrue(re.fullmatch(r"/dev/pts/\d+", os.readlink(self.link)), os.readlink(self.link))
        self.send(b"\r\x02")    # Ctrl-B on an empty line: the friendly banner
        out = self.read_until(FRIENDLY_PROMPT)
        self.assertIn(b"MicroPython v1.27.0 on ", out)

    def test_raw_exec_framing(self):
        self.enter_raw()
        self.assertEqual(self.exec_raw(b"print(1+1)"), b"OK2\r\n\x04\x04>")
        self.assertEqual(self.exec_raw(b"import sys\nsys.stdout.write('a\\nb')\nprint()\nx = 5"),
                         b"OKa\r\nb\r\n\x04\x04>")
        self.assertEqual(self.exec_raw(b"print(x * 2)"), b"OK10\r\n\x04\x04>")

    def test_raw_traceback_framing(self):
        self.enter_raw()
        self.assertEqual(self.exec_raw(b"x = 1\n1/0"),
                         b'OK\x04Traceback (most recent call last):\r\n  File "<stdin>", line 2, in <module>\r\n'
                         b"ZeroDivisionError: divide by zero\r\n\x04>")
        self.assertEqual(self.exec_raw(b"def f(:"),
                         b'OK\x04Traceback (most recent call last):\r\n  File "<stdin>", line 1\r\n'
                         b"SyntaxError: invalid syntax\r\n\x04>")
        self.assertEqual(self.exec_raw(b"print('still alive')"), b"OKstill alive\r\n\x04\x04>")

    def test_raw_paste_request_is_declined(self):
        self.enter_raw()
        self.send(b"\x05A\x01")
        self.assertEqual(self.read_exact(3), b"R\x00>")
        # nothing else follows: the next exec's answer starts right with OK
        self.assertEqual(self.exec_raw(b"print(3)"), b"OK3\r\n\x04\x04>")

    def test_soft_reset_clears_state_and_keeps_files(self):
        self.enter_raw()
        self.exec_raw(b"x = 1\nf = open('kept.txt', 'w')\nf.write('flash')\nf.close()")
        self.send(b"\x04")      # Ctrl-D on an empty raw line
        self.assertEqual(self.read_until(RAW_BANNER), b"OK\r\nMPY: soft reboot\r\n" + RAW_BANNER)
        self.assertEqual(self.exec_raw(b"print('x' in globals(), open('kept.txt').read())"),
                         b"OKFalse flash\r\n\x04\x04>")

    def test_friendly_soft_reset_runs_main_py(self):
        self.enter_raw()
        self.exec_raw(b"f = open('main.py', 'w')\nf.write('print(\"main here\")\\n1/0\\n')\nf.close()")
        self.send(b"\r\x02")    # Ctrl-B: back to the friendly REPL
        self.read_until(FRIENDLY_PROMPT)
        self.send(b"\x04")      # Ctrl-D on an empty friendly line
        out = self.read_until(FRIENDLY_PROMPT)
        self.assertTrue(out.startswith(
            b'\r\nMPY: soft reboot\r\nmain here\r\nTraceback (most recent call last):\r\n'
            b'  File "main.py", line 2, in <module>\r\nZeroDivisionError: divide by zero\r\n'
            b"MicroPython v1.27.0 on "), out)

    def test_hashlib_binascii_os(self):
        self.enter_raw()
        code = (b"import hashlib, binascii, os\nf = open('/x', 'wb')\nf.write(b'abc')\nf.close()\n"
                b"print(binascii.hexlify(hashlib.sha256(open('/x', 'rb').read()).digest()).decode())\n"
                b"st = os.stat('/x')\nprint(len(st), st[6])")
        self.assertEqual(self.exec_raw(code),
                         b"OKba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\r\n10 3\r\n\x04\x04>")

    def test_sigterm_removes_link(self):
        self.enter_raw()
        self.proc.send_signal(signal.SIGTERM)
        self.assertEqual(self.proc.wait(TIMEOUT_S), 0)
        self.assertFalse(os.path.lexists(self.link))


if __name__ == "__main__":
    unittest.main()
