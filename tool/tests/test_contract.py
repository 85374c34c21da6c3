"""Protocol contract: the virtual Pico must answer like the real MicroPython v1.27 REPL.

The same checks run against two peers behind a pty:
- tool/virtual-pico: the simulator (CPython playing MicroPython, rp2 board);
- tool/micropython-repl: the REAL MicroPython v1.27 (webassembly build, event-driven REPL) run by node.
Expected bytes are shared; where the peers legitimately differ, each peer's class states its own
answer and says why (see KNOWN DIFFERENCES below). The micropython-repl peer needs `npm ci --prefix tool`.

KNOWN DIFFERENCES (asserted per peer, not hidden):
- machine name in the banner: "Raspberry Pi Pico W with RP2040" vs "JS with Emscripten";
- raw-paste: the virtual Pico answers R\\x01 + window 128 (like rp2); the webassembly REPL has no
  raw-paste, so its bridge answers R\\x00 followed by ">" (hosts fall back to classic raw mode);
- OSError text for a missing file: "[Errno 2] ENOENT" on rp2/virtual Pico; the webassembly port
  passes Emscripten's errno through, which prints as "44";
- os.stat(file)[0]: LittleFS on rp2 reports only the type bits (0x8000); Emscripten's MEMFS reports a
  full POSIX mode (0o100644). Both have the 0x8000 type bit and a 10-tuple;
- soft resets: the webassembly port has no board main loop, so its bridge prints rp2's
  "MPY: soft reboot" and re-runs the REPL itself (see tool/mpy/repl.mjs); the bytes asserted below are
  the same for both peers.
"""
import hashlib
import os
import re
import shutil
import sys
import tempfile
import unittest

TOOL = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, TOOL)
from vpico.client import Peer  # noqa: E402

RAW_BANNER = b"raw REPL; CTRL-B to exit\r\n>"
BANNER_RE = re.compile(rb'^\r\nMicroPython v1\.27\.0 on 2025-12-10; (.+)\r\nType "help\(\)" for more information\.'
                       rb'\r\n>>> $')
TB = b"Traceback (most recent call last):\r\n"

# (code, expected stderr) - identical on both peers unless a class overrides it in ERRORS_OVERRIDE
ERRORS = [
    ("1/0", TB + b'  File "<stdin>", line 1, in <module>\r\nZeroDivisionError: divide by zero\r\n'),
    ("x = (", TB + b'  File "<stdin>", line 2\r\nSyntaxError: invalid syntax\r\n'),
    ("def f():\n    return undefined_name\nf()",
     TB + b'  File "<stdin>", line 3, in <module>\r\n  File "<stdin>", line 2, in f\r\n'
          b"NameError: name 'undefined_name' isn't defined\r\n"),
    ("import no_such_module", TB + b'  File "<stdin>", line 1, in <module>\r\n'
                                   b"ImportError: no module named 'no_such_module'\r\n"),
    ("{}['key']", TB + b'  File "<stdin>", line 1, in <module>\r\nKeyError: key\r\n'),
    ("int('z')", TB + b'  File "<stdin>", line 1, in <module>\r\n'
                      b"ValueError: invalid syntax for integer with base 10: 'z'\r\n"),
    ("raise ValueError", TB + b'  File "<stdin>", line 1, in <module>\r\nValueError: \r\n'),
    ("raise OSError(110)", TB + b'  File "<stdin>", line 1, in <module>\r\nOSError: [Errno 110] ETIMEDOUT\r\n'),
    ("open('/missing.txt')", TB + b'  File "<stdin>", line 1, in <module>\r\nOSError: [Errno 2] ENOENT\r\n'),
]


class ContractMixin:
    PROGRAM = None
    MACHINE = None
    ERRORS_OVERRIDE = {}

    @classmethod
    def setUpClass(cls):
        path = os.path.join(TOOL, cls.PROGRAM)
        if not os.path.exists(path):
            raise AssertionError("%s is missing" % path)
        cls.tmp = tempfile.mkdtemp(prefix="contract-")
        cls.peer = Peer(path, os.path.join(cls.tmp, "tty"), start_timeout=60)

    @classmethod
    def tearDownClass(cls):
        cls.peer.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def setUp(self):
        p = self.peer
        p.write(b"\r\x03")
        p.drain(0.1)
        p.write(b"\r\x01")
        p.read_until(RAW_BANNER, timeout=10)

    def test_raw_repl_entry_from_friendly(self):
        p = self.peer
        p.write(b"\r\x02")
        p.read_until(b">>> ", timeout=10)
        p.write(b"\r\x03")          # \r: empty line, new prompt; Ctrl-C: new prompt
        self.assertEqual(p.read_until(b">>> \r\n>>> "), b"\r\n>>> \r\n>>> ")
        p.write(b"\r\x01")
        self.assertEqual(p.read_until(RAW_BANNER), b"\r\n>>> \r\n" + RAW_BANNER)

    def test_exec_framing(self):
        p = self.peer
        p.write(b"print(1+1)\x04")
        self.assertEqual(p.read_until(b">", timeout=10), b"OK2\r\n\x04\x04>")
        p.write(b"for i in range(3):\n    print(i, end=' ')\nprint()\x04")
        self.assertEqual(p.read_until(b">", timeout=10), b"OK0 1 2 \r\n\x04\x04>")

    def test_exception_framing(self):
        for code, expected in ERRORS:
            expected = self.ERRORS_OVERRIDE.get(code, expected)
            with self.subTest(code=code):
                self.peer.write(code.encode() + b"\x04")
                self.assertEqual(self.peer.read_until(b"\x04>", timeout=10), b"OK\x04" + expected + b"\x04>")

    def test_ctrl_b_banner(self):
        p = self.peer
        p.write(b"\x02")
        m = BANNER_RE.match(p.read_until(b">>> ", timeout=10))
        self.assertIsNotNone(m)
        self.assertEqual(m.group(1), self.MACHINE)

    def test_soft_reset_in_raw_repl(self):
        p = self.peer
        p.exec_raw("marker = 1")
        p.write(b"\x04")
        self.assertEqual(p.read_until(RAW_BANNER, timeout=10), b"OK\r\nMPY: soft reboot\r\n" + RAW_BANNER)
        _, err = p.exec_raw("marker")
        self.assertTrue(err.endswith(b"NameError: name 'marker' isn't defined\r\n"), err)

    def test_soft_reset_in_friendly_repl(self):
        p = self.peer
        p.write(b"\r\x02")
        p.read_until(b">>> ", timeout=10)
        p.write(b"\x04")
        self.assertEqual(p.read_until(b">>> ", timeout=10),
                         b"\r\nMPY: soft reboot\r\nMicroPython v1.27.0 on 2025-12-10; " + self.MACHINE +
                         b'\r\nType "help()" for more information.\r\n>>> ')

    def test_file_write_and_sha256(self):
        p = self.peer
        data = bytes(range(256)) * 3 + b"end\r\n"
        p.exec_raw("f=open('/contract.bin','wb')\nw=f.write")
        for i in range(0, len(data), 256):
            self.assertEqual(p.exec_raw("w(%r)" % data[i:i + 256]), (b"", b""))
        self.assertEqual(p.exec_raw("f.close()"), (b"", b""))
        out, err = p.exec_raw("import hashlib\nh = hashlib.sha256()\nbuf = memoryview(bytearray(256))\n"
                              "f = open('/contract.bin', 'rb')\nwhile True:\n    n = f.readinto(buf)\n"
                              "    if not n:\n        break\n    h.update(buf[:n])\nf.close()\n"
                              "print(h.digest().hex())")
        self.assertEqual((out, err), (hashlib.sha256(data).hexdigest().encode() + b"\r\n", b""))

    def test_os_stat_tuple_shape(self):
        p = self.peer
        p.exec_raw("open('/stat.txt', 'w').write('12345')")
        out, err = p.exec_raw("import os\nst = tuple(os.stat('/stat.txt'))\n"
                              "print(len(st), all(isinstance(x, int) for x in st), st[0] & 0xc000, st[6])\n"
                              "print(os.stat('/')[0] & 0xc000)")
        self.assertEqual((out, err), (b"10 True 32768 5\r\n16384\r\n", b""))


class VirtualPicoContract(ContractMixin, unittest.TestCase):
    PROGRAM = "virtual-pico"
    MACHINE = b"Raspberry Pi Pico W with RP2040"

    def test_raw_paste_request_answered_R01_window_128_by_virtual_pico(self):
        p = self.peer
        p.write(b"\x05A\x01")
        self.assertEqual(p.read_exact(5), b"R\x01\x80\x00\x01")
        p.write(b"print('pasted')\x04")
        self.assertEqual(p.read_until(b">"), b"\x04pasted\r\n\x04\x04>")


class MicroPythonReplContract(ContractMixin, unittest.TestCase):
    PROGRAM = "micropython-repl"
    MACHINE = b"JS with Emscripten"
    ERRORS_OVERRIDE = {
        "open('/missing.txt')": TB + b'  File "<stdin>", line 1, in <module>\r\nOSError: 44\r\n',
    }

    def test_raw_paste_request_answered_R00_then_prompt_by_micropython_repl(self):
        p = self.peer
        p.write(b"\x05A\x01")
        self.assertEqual(p.read_exact(3, timeout=10), b"R\x00>")
        self.assertEqual(p.exec_raw("print('classic')"), (b"classic\r\n", b""))


if __name__ == "__main__":
    unittest.main()
