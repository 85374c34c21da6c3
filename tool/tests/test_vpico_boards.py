"""--board and --micropython-version: the plain Pico's build, the Pico 2 W, and older MicroPython releases."""
import os
import subprocess
import sys
import unittest

TOOL = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, TOOL)
from vpico.client import PeerTestMixin  # noqa: E402

BANNER_END = b'\r\nType "help()" for more information.\r\n>>> '


class BoardsTest(PeerTestMixin, unittest.TestCase):
    def banner(self, p):
        return p.read_until(BANNER_END)

    def run_raw(self, p, code):
        p.enter_raw()
        return p.exec_raw(code)

    def test_plain_pico_has_no_network_module(self):
        p = self.start_pico("--board", "pico")
        self.assertTrue(self.banner(p).endswith(
            b"MicroPython v1.27.0 on 2025-12-10; Raspberry Pi Pico with RP2040" + BANNER_END))
        out, err = self.run_raw(p, "import network")
        self.assertEqual(out, b"")
        self.assertEqual(err, b"Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\n"
                              b"ImportError: no module named 'network'\r\n")
        out, _ = p.exec_raw("import sys, os, machine\nprint(sys.implementation._machine)\n"
                            "print(sys.implementation._build)\nprint(os.uname().machine)\n"
                            "print(machine.Pin('LED') is not None)")
        self.assertEqual(out, b"Raspberry Pi Pico with RP2040\r\nRPI_PICO\r\nRaspberry Pi Pico with RP2040\r\nTrue\r\n")
        _, err = p.exec_raw("import machine\nmachine.Pin('WL_GPIO0')")
        self.assertIn(b"ValueError: unknown named pin \"WL_GPIO0\"", err)

    def test_pico2_w_reports_rp2350_and_its_limits(self):
        p = self.start_pico("--board", "pico2_w")
        self.assertTrue(self.banner(p).endswith(b"; Raspberry Pi Pico 2 W with RP2350" + BANNER_END))
        out, err = self.run_raw(p, "import sys, os, network\nprint(sys.implementation._machine)\n"
                                   "print(sys.implementation._build)\nprint(network.hostname())\n"
                                   "print(os.statvfs('/')[2])")
        self.assertEqual(err, b"")
        self.assertEqual(out, b"Raspberry Pi Pico 2 W with RP2350\r\nRPI_PICO2_W\r\nPico2W\r\n640\r\n")
        _, err = p.exec_raw("import machine\nmachine.WDT(timeout=16778)")
        self.assertIn(b"ValueError: timeout exceeds 16777", err)

    def test_older_micropython_release(self):
        p = self.start_pico("--micropython-version", "1.19.1")
        self.assertTrue(self.banner(p).endswith(
            b"MicroPython v1.19.1 on 2025-12-10; Raspberry Pi Pico W with RP2040" + BANNER_END))
        out, err = self.run_raw(p, "import sys, os\nprint(sys.implementation.version)\n"
                                   "print(hasattr(sys.implementation, '_build'))\nprint(sys.implementation._machine)\n"
                                   "print(os.uname().release)\nprint(sys.version)")
        self.assertEqual(err, b"")
        self.assertEqual(out, b"(1, 19, 1)\r\nFalse\r\nRaspberry Pi Pico W with RP2040\r\n1.19.1\r\n"
                              b"3.4.0; MicroPython v1.19.1 on 2025-12-10\r\n")

    def test_release_before_machine_name_in_sys(self):
        p = self.raw_pico("--micropython-version", "1.18.0")
        out, err = p.exec_raw("import sys, os\nprint(hasattr(sys.implementation, '_machine'))\n"
                              "print(os.uname().machine)")
        self.assertEqual((out, err), (b"False\r\nRaspberry Pi Pico W with RP2040\r\n", b""))

    def test_default_is_the_pico_w_with_1_27(self):
        p = self.raw_pico()
        out, _ = p.exec_raw("import sys\nprint(sys.implementation)")
        self.assertEqual(out, b"(name='micropython', version=(1, 27, 0, ''), _machine='Raspberry Pi Pico W with "
                              b"RP2040', _mpy=4870, _build='RPI_PICO_W')\r\n")

    def test_bad_values_are_usage_errors(self):
        for args in (["--board", "pico3"], ["--micropython-version", "1.27"], ["--micropython-version", "x"]):
            r = subprocess.run([os.path.join(TOOL, "virtual-pico")] + args, capture_output=True, timeout=30)
            self.assertEqual(r.returncode, 2, args)
            self.assertIn(b"virtual-pico: error: argument", r.stderr)


if __name__ == "__main__":
    unittest.main()
