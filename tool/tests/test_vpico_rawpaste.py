"""Raw-paste mode (serial-protocol.md section 2): handshake, window flow control, aborts."""
import os
import struct
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from vpico.client import PeerTestMixin  # noqa: E402


def raw_paste(p, data):
    """mpremote's raw_paste_write: returns ('ok', credits) or ('abrupt', credits)."""
    p.write(b"\x05A\x01")
    assert p.read_exact(2) == b"R\x01"
    window = struct.unpack("<H", p.read_exact(2))[0]
    window_remain = window
    credits = 0
    i = 0
    while i < len(data):
        while window_remain == 0 or p.buf or p._fill(0):
            b = p.read_exact(1)
            if b == b"\x01":
                window_remain += window
                credits += 1
            elif b == b"\x04":
                p.write(b"\x04")
                return "abrupt", credits
            else:
                raise AssertionError("unexpected read during raw paste: %r" % b)
        n = min(window_remain, len(data) - i)
        p.write(data[i:i + n])
        window_remain -= n
        i += n
    p.write(b"\x04")
    ack = p.read_until(b"\x04")
    credits += ack.count(b"\x01")
    assert ack.replace(b"\x01", b"") == b"\x04", ack
    return "ok", credits


def follow(p):
    out = p.read_until(b"\x04")[:-1]
    err = p.read_until(b"\x04")[:-1]
    p.read_until(b">")
    return out, err


class RawPasteTest(PeerTestMixin, unittest.TestCase):
    def test_handshake_bytes(self):
        p = self.raw_pico()
        p.write(b"\x05A\x01")
        self.assertEqual(p.read_exact(5), b"R\x01\x80\x00\x01")      # W = 128 plus one extra window
        p.write(b"print(123)\x04")
        self.assertEqual(p.read_until(b">"), b"\x04123\r\n\x04\x04>")

    def test_flow_control_1000_bytes(self):
        p = self.raw_pico()
        code = ("x = '" + "a" * 979 + "'\nprint(len(x))\n").encode()
        self.assertEqual(len(code), 1000)
        result, credits = raw_paste(p, code)
        self.assertEqual(result, "ok")
        self.assertEqual(credits, 1 + len(code) // 128)     # header credit + one per 128 bytes consumed
        self.assertEqual(follow(p), (b"979\r\n", b""))

    def test_20k_upload_throughput(self):
        p = self.raw_pico()
        lines = ["v%d = %r" % (i, "x" * 40) for i in range(420)]
        code = ("\n".join(lines) + "\nprint(len(v419))\n").encode()
        self.assertGreater(len(code), 20000)
        t0 = time.monotonic()
        self.assertEqual(raw_paste(p, code)[0], "ok")
        self.assertEqual(follow(p), (b"40\r\n", b""))
        elapsed = time.monotonic() - t0
        self.assertLess(elapsed, 10.0)
        sys.stderr.write("[raw-paste %d bytes in %.2f s = %.0f KB/s] " % (len(code), elapsed,
                                                                        len(code) / elapsed / 1000))

    def test_unknown_subcommand_gets_r00_then_prompt(self):
        p = self.raw_pico()
        p.write(b"\x05B\x01")
        self.assertEqual(p.read_exact(3), b"R\x00>")
        self.assertEqual(p.exec_raw("print('classic still works')"), (b"classic still works\r\n", b""))

    def test_ctrl_c_aborts_with_keyboard_interrupt(self):
        p = self.raw_pico()
        p.write(b"\x05A\x01")
        p.read_exact(5)
        p.write(b"print('never')\n\x03")
        self.assertEqual(p.read_until(b">"), b"\x04\x04KeyboardInterrupt: \r\n\x04>")

    def test_syntax_error_ends_paste_early(self):
        """The device compiles while data streams in: '\\x04' arrives before the host is done."""
        p = self.raw_pico()
        code = b"x = 1\ny = = 2\n" + b"z = 3\n" * 300
        result, _ = raw_paste(p, code)
        self.assertEqual(result, "abrupt")
        out, err = follow(p)
        self.assertEqual(out, b"")
        self.assertEqual(err, b'Traceback (most recent call last):\r\n  File "<stdin>", line 2\r\n'
                              b"SyntaxError: invalid syntax\r\n")
        self.assertEqual(p.exec_raw("print('next')"), (b"next\r\n", b""))

    def test_valid_programs_never_end_early(self):
        p = self.raw_pico()
        code = (b"def f(a,\n      b):\n    s = '''\nnot: code (\n'''\n    if a:\n        return b\n"
                b"    else:\n        return s\n# comment\n@staticmethod\ndef g():\n    pass\n"
                b"try:\n    pass\nexcept Exception:\n    pass\nfinally:\n    pass\n"
                b"x = [1,\n2]\ny = 1 + \\\n  2\nprint(f(1, 2), x, y)\n") * 20
        result, _ = raw_paste(p, code)
        self.assertEqual(result, "ok")
        out, err = follow(p)
        self.assertEqual(err, b"")
        self.assertEqual(out.count(b"2 [1, 2] 3\r\n"), 20)


if __name__ == "__main__":
    unittest.main()
