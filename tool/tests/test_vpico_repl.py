"""REPL protocol of the virtual Pico, byte by byte (serial-protocol.md sections 1-3)."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from vpico.client import PeerTestMixin  # noqa: E402

BANNER = (b'MicroPython v1.27.0 on 2025-12-10; Raspberry Pi Pico W with RP2040\r\n'
          b'Type "help()" for more information.\r\n>>> ')
RAW_BANNER = b"raw REPL; CTRL-B to exit\r\n>"


class FriendlyReplTest(PeerTestMixin, unittest.TestCase):
    def test_power_on_banner(self):
        p = self.start_pico()
        self.assertEqual(p.read_until(b">>> "), BANNER)

    def test_echo_and_expression_repr(self):
        p = self.start_pico()
        p.read_until(b">>> ")
        p.write(b"x = 6*7\r")
        self.assertEqual(p.read_until(b">>> "), b"x = 6*7\r\n>>> ")
        p.write(b"x\r")
        self.assertEqual(p.read_until(b">>> "), b"x\r\n42\r\n>>> ")
        p.write(b"'a' + 'b'\r")
        self.assertEqual(p.read_until(b">>> "), b"'a' + 'b'\r\n'ab'\r\n>>> ")

    def test_ctrl_c_and_half_line(self):
        p = self.start_pico()
        p.read_until(b">>> ")
        p.write(b"\x03")
        self.assertEqual(p.read_until(b">>> "), b"\r\n>>> ")
        p.write(b"abc\x03")
        self.assertEqual(p.read_until(b">>> "), b"abc\r\n>>> ")

    def test_empty_line_rule(self):
        """Ctrl-A/B/D on a non-empty line do nothing; \\r first makes them count (what hosts do)."""
        p = self.start_pico()
        p.read_until(b">>> ")
        p.write(b"1+1\x01\x02\x04")
        p.write(b"\r")
        self.assertEqual(p.read_until(b">>> "), b"1+1\r\n2\r\n>>> ")
        p.write(b"\x01")
        self.assertEqual(p.read_until(b">"), b"\r\n" + RAW_BANNER)

    def test_traceback_format(self):
        p = self.start_pico()
        p.read_until(b">>> ")
        p.write(b"1/0\r")
        self.assertEqual(p.read_until(b">>> "),
                         b'1/0\r\nTraceback (most recent call last):\r\n  File "<stdin>", line 1, in <module>\r\n'
                         b"ZeroDivisionError: divide by zero\r\n>>> ")

    def test_compound_statement_and_paste_mode(self):
        p = self.start_pico()
        p.read_until(b">>> ")
        p.write(b"for i in range(2):\r")
        self.assertEqual(p.read_until(b"... "), b"for i in range(2):\r\n... ")
        p.write(b"  print(i)\r\r")
        self.assertTrue(p.read_until(b">>> ").endswith(b"\r\n0\r\n1\r\n>>> "))
        p.write(b"\x05")
        self.assertEqual(p.read_until(b"=== "), b"\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ")
        p.write(b"a = 2\rprint(a * 21)\r\x04")
        self.assertTrue(p.read_until(b">>> ").endswith(b"=== \r\n42\r\n>>> "))

    def test_ctrl_b_prints_banner(self):
        p = self.start_pico()
        p.read_until(b">>> ")
        p.write(b"\x02")
        self.assertEqual(p.read_until(b">>> "), b"\r\n" + BANNER)

    def test_friendly_ctrl_d_runs_boot_and_main(self):
        p = self.start_pico(files={"boot.py": "print('boot ran')\n", "main.py": "print('main ran')\n"})
        self.assertEqual(p.read_until(b">>> "), b"boot ran\r\nmain ran\r\n" + BANNER)
        p.write(b"\x04")
        self.assertEqual(p.read_until(b">>> "),
                         b"\r\nMPY: soft reboot\r\nboot ran\r\nmain ran\r\n" + BANNER)

    def test_exception_in_boot_skips_main(self):
        p = self.start_pico(files={"boot.py": "print('boot')\nraise ValueError('bad boot')\n",
                                   "main.py": "print('main ran')\n"})
        out = p.read_until(b">>> ")
        self.assertIn(b'File "boot.py", line 2, in <module>\r\nValueError: bad boot\r\n', out)
        self.assertNotIn(b"main ran", out)


class RawReplTest(PeerTestMixin, unittest.TestCase):
    def test_enter_from_friendly(self):
        p = self.start_pico()
        p.read_until(b">>> ")
        p.write(b"\r\x03\r\x01")
        self.assertTrue(p.read_until(RAW_BANNER).endswith(b"\r\n" + RAW_BANNER))

    def test_ctrl_a_in_raw_reprints_banner_and_clears_line(self):
        p = self.raw_pico()
        p.write(b"garbage\x01")
        self.assertEqual(p.read_until(b">"), RAW_BANNER)
        self.assertEqual(p.exec_raw("print('clean')"), (b"clean\r\n", b""))

    def test_exec_framing(self):
        p = self.raw_pico()
        p.write(b"print(1+1)\x04")
        self.assertEqual(p.read_until(b">"), b"OK2\r\n\x04\x04>")

    def test_error_framing(self):
        p = self.raw_pico()
        p.write(b"print('before')\n1/0\x04")
        self.assertEqual(p.read_until(b"\x04>"),
                         b"OKbefore\r\n\x04Traceback (most recent call last):\r\n"
                         b'  File "<stdin>", line 2, in <module>\r\nZeroDivisionError: divide by zero\r\n\x04>')
        p.write(b"x = (\x04")           # MicroPython fails at the EOF token: line 2
        self.assertEqual(p.read_until(b"\x04>"),
                         b'OK\x04Traceback (most recent call last):\r\n  File "<stdin>", line 2\r\n'
                         b"SyntaxError: invalid syntax\r\n\x04>")
        p.write(b"open('/missing.txt')\x04")
        self.assertTrue(p.read_until(b"\x04>").endswith(b"OSError: [Errno 2] ENOENT\r\n\x04>"))

    def test_ctrl_c_at_raw_prompt_only_clears_line(self):
        p = self.raw_pico()
        p.write(b"print('lost')\x03print('kept')\x04")
        self.assertEqual(p.read_until(b">"), b"OKkept\r\n\x04\x04>")

    def test_ctrl_b_leaves_raw(self):
        p = self.raw_pico()
        p.write(b"\r\x02")
        self.assertEqual(p.read_until(b">>> "), b"\r\n" + BANNER)

    def test_soft_reset_in_raw_skips_main(self):
        p = self.raw_pico(files={"boot.py": "print('boot ran')\n", "main.py": "print('main ran')\n"})
        p.exec_raw("x = 1")
        p.write(b"\x04")
        self.assertEqual(p.read_until(RAW_BANNER), b"OK\r\nMPY: soft reboot\r\nboot ran\r\n" + RAW_BANNER)
        _, err = p.exec_raw("x")
        self.assertIn(b"NameError: name 'x' isn't defined", err)     # globals cleared

    def test_system_exit_soft_reboots(self):
        p = self.raw_pico()
        p.write(b"import sys\nprint('bye')\nsys.exit()\x04")
        self.assertEqual(p.read_until(RAW_BANNER), b"OKbye\r\n\x04\x04MPY: soft reboot\r\n" + RAW_BANNER)

    def test_ctrl_c_interrupts_busy_loop(self):
        p = self.raw_pico()
        # Ctrl-C is armed when the code starts running, not when "OK" is sent: MicroPython's pyexec.c sets the
        # interrupt char in parse_compile_execute(), and a Ctrl-C that arrives before lands in stdin as a plain
        # byte (a host must wait for the program to run, or send Ctrl-C again). So wait until the loop runs.
        p.write(b"print('looping')\nwhile True:\n    pass\n\x04")
        self.assertEqual(p.read_until(b"looping\r\n"), b"OKlooping\r\n")
        p.write(b"\x03")
        out = p.read_until(b"\x04>", timeout=30)     # the loop never ends: any answer is the interrupt
        self.assertRegex(out, rb'^\x04Traceback \(most recent call last\):\r\n  File "<stdin>", line [123], '
                              rb"in <module>\r\nKeyboardInterrupt: \r\n\x04>$")

    def test_ctrl_c_interrupts_sleep_and_drops_pending_input(self):
        p = self.raw_pico()
        p.write(b"import time\nprint('sleeping')\ntime.sleep(100)\x04")
        self.assertEqual(p.read_until(b"sleeping\r\n"), b"OKsleeping\r\n")
        p.write(b"typed ahead\x03")          # TinyUSB throws away what is queued with the Ctrl-C
        out = p.read_until(b"\x04>", timeout=30)     # well inside the 100 s sleep: it was interrupted
        # On a busy machine the Ctrl-C can land while print() is still finishing, as on a board: line 2 or 3.
        self.assertRegex(out, rb'line [23], in <module>\r\nKeyboardInterrupt: \r\n\x04>$')
        self.assertEqual(p.exec_raw("print('alive')"), (b"alive\r\n", b""))

    def test_kbd_intr_disables_ctrl_c(self):
        p = self.raw_pico()
        p.write(b"import micropython, time\nmicropython.kbd_intr(-1)\nprint('armed')\nt=time.ticks_ms()\n"
                b"while time.ticks_diff(time.ticks_ms(), t) < 400: pass\nprint('done')\x04")
        self.assertEqual(p.read_until(b"armed\r\n"), b"OKarmed\r\n")
        p.write(b"\x03")                          # ignored by the program: it is a normal byte now
        self.assertEqual(p.read_until(b"\x04\x04>"), b"done\r\n\x04\x04>")


if __name__ == "__main__":
    unittest.main()
