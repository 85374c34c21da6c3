"""sys.stdin / sys.stdout of the virtual Pico as on rp2 (shared/runtime/sys_stdio_mphal.c): the text stdin turns CR
into LF, .buffer is byte-transparent, and with Ctrl-C disabled a 0x03 is data; with it enabled, a KeyboardInterrupt."""
import hashlib
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from vpico.client import PeerTestMixin  # noqa: E402

EVERY_BYTE = bytes(range(256)) + b"\x03" * 64 + b"\x04" * 64 + b"\x0d" * 64 + b"\r\n\x03\x04\x01\x02\x05A\x01"


def start_exec(p, code):
    """Sends a classic raw exec and returns once the board accepted it (its program now runs)."""
    p.write(code.encode() + b"\x04")
    assert p.read_exact(2) == b"OK"


def finish_exec(p, timeout=10.0):
    out = p.read_until(b"\x04", timeout)[:-1]
    err = p.read_until(b"\x04", timeout)[:-1]
    p.read_until(b">", timeout)
    return out, err


class StdinTest(PeerTestMixin, unittest.TestCase):
    def test_the_buffer_takes_every_byte_value_while_ctrl_c_is_disabled(self):
        p = self.raw_pico()
        start_exec(p, "import sys, micropython, hashlib, binascii\nmicropython.kbd_intr(-1)\nb = bytearray(%d)\n"
                      "sys.stdout.write('R')\nn = sys.stdin.buffer.readinto(memoryview(b))\nmicropython.kbd_intr(3)\n"
                      "print(n, binascii.hexlify(hashlib.sha256(b).digest()).decode())\n" % len(EVERY_BYTE))
        self.assertEqual(p.read_exact(1), b"R")
        p.write(EVERY_BYTE)
        out, err = finish_exec(p)
        self.assertEqual(err, b"")
        self.assertEqual(out, b"%d %s\r\n" % (len(EVERY_BYTE), hashlib.sha256(EVERY_BYTE).hexdigest().encode()))

    def test_the_text_stdin_turns_cr_into_lf(self):
        p = self.raw_pico()
        start_exec(p, "import sys\nsys.stdout.write('R')\nprint(repr(sys.stdin.read(4)))\n"
                      "b = bytearray(2)\nsys.stdin.readinto(b)\nprint(repr(bytes(b)))\nprint(repr(sys.stdin.readline()))\n")
        self.assertEqual(p.read_exact(1), b"R")
        p.write(b"a\rb\n\r\rx\r")
        out, err = finish_exec(p)
        self.assertEqual(err, b"")
        self.assertEqual(out, b"'a\\nb\\n'\r\nb'\\n\\n'\r\n'x\\n'\r\n")

    def test_a_ctrl_c_in_the_data_interrupts_a_reader_that_left_it_enabled(self):
        p = self.raw_pico()
        start_exec(p, "import sys\nsys.stdout.write('R')\nb = bytearray(8)\nsys.stdin.buffer.readinto(b)\n")
        self.assertEqual(p.read_exact(1), b"R")
        p.write(b"abc\x03")
        out, err = finish_exec(p)
        self.assertIn(b"KeyboardInterrupt", err)

    def test_a_timer_that_gives_ctrl_c_back_lets_the_next_host_stop_a_stuck_reader(self):
        p = self.raw_pico()
        start_exec(p, "import sys, micropython, machine\nmicropython.kbd_intr(-1)\n"
                      "t = machine.Timer(mode=machine.Timer.ONE_SHOT, period=300, callback=lambda t: "
                      "micropython.kbd_intr(3))\nsys.stdout.write('R')\nsys.stdin.buffer.readinto(bytearray(100))\n")
        self.assertEqual(p.read_exact(1), b"R")
        p.write(b"\r\x03\r\x03")                  # swallowed as data while Ctrl-C is disabled
        out, err = b"", b""
        for _ in range(50):                       # a host that keeps sending Ctrl-C, as picotool does
            p.write(b"\r\x03")
            try:
                out, err = finish_exec(p, timeout=0.2)
                break
            except TimeoutError:
                continue
        self.assertIn(b"KeyboardInterrupt", err)

    def test_stdout_buffer_writes_raw_bytes(self):
        p = self.raw_pico()
        out, err = p.exec_raw("import sys\nsys.stdout.buffer.write(b'a\\nb')\nsys.stdout.write('c\\nd')\n"
                              "print(sys.stdin.buffer is sys.stdout.buffer)\n")
        self.assertEqual((out, err), (b"a\nbc\r\ndTrue\r\n", b""))

    def test_a_build_without_the_buffer_has_no_buffer_attribute(self):
        p = self.raw_pico("--no-stdio-buffer")
        out, err = p.exec_raw("import sys\nsys.stdin.buffer\n")
        self.assertIn(b"AttributeError", err)


if __name__ == "__main__":
    unittest.main()
