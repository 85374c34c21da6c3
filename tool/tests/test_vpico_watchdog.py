"""The watchdog block behind machine.WDT and machine.mem32, a hung sensor, and a power cut at a rename."""
import os
import select
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from vpico.client import PeerTestMixin  # noqa: E402

BANNER_END = b'Type "help()" for more information.\r\n>>> '
CTRL = 0x40058000          # RP2040 WATCHDOG_BASE, CTRL at offset 0 (datasheet section 4.7)
ENABLE_BIT = 30


def await_log(p, text, timeout=10.0):
    """Read the board's --verbose log (stderr) until `text` shows up."""
    deadline, seen = time.monotonic() + timeout, b""
    while text not in seen:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([p.proc.stderr], [], [], left)[0]:
            raise AssertionError("no %r in the board's log: %r" % (text, seen))
        seen += os.read(p.proc.stderr.fileno(), 4096)


class WatchdogTest(PeerTestMixin, unittest.TestCase):
    def test_the_api_cannot_stop_it_and_it_resets_an_idle_board(self):
        p = self.raw_pico(files={"main.py": "import machine\nprint('cause', machine.reset_cause())\n"})
        out, err = p.exec_raw("import machine\nw = machine.WDT(timeout=400)\n"
                              "print([n for n in dir(w) if not n.startswith('_')])")
        self.assertEqual((out, err), (b"['feed']\r\n", b""))
        p.wait_gone()                          # nobody feeds it at the raw prompt
        p.reopen()
        self.assertTrue(p.read_until(BANNER_END).startswith(b"cause 3\r\n"))      # machine.WDT_RESET

    def test_clearing_enable_in_watchdog_ctrl_disarms_it(self):
        p = self.raw_pico()
        out, err = p.exec_raw("import machine, time\nw = machine.WDT(timeout=300)\nv = machine.mem32[%d]\n"
                              "print(v >> %d & 1)\nmachine.mem32[%d] = v & ~(1 << %d)\ntime.sleep_ms(800)\n"
                              "print(machine.mem32[%d] >> %d & 1)" % (CTRL, ENABLE_BIT, CTRL, ENABLE_BIT, CTRL,
                                                                       ENABLE_BIT))
        self.assertEqual((out, err), (b"1\r\n0\r\n", b""))     # 800 ms after the 300 ms it had left
        self.assertEqual(p.exec_raw("print('alive')"), (b"alive\r\n", b""))

    def test_setting_enable_again_resumes_the_paused_count(self):
        p = self.raw_pico()
        p.write(b"import machine\nmachine.WDT(timeout=300)\nmachine.mem32[%d] = 0\n"
                b"machine.mem32[%d] = 1 << %d\x04" % (CTRL, CTRL + 0x2000, ENABLE_BIT))   # the SET alias
        p.wait_gone()

    def test_mem32_behaves_as_extmod_machine_mem(self):
        p = self.raw_pico()
        cases = {"machine.mem32[3]": b"ValueError: address 00000003 is not aligned to 4 bytes",
                 "machine.mem16[1]": b"ValueError: address 00000001 is not aligned to 2 bytes",
                 "machine.mem32[1.5]": b"TypeError: can't convert float to int",
                 "machine.mem32['a']": b"TypeError: can't convert str to int",
                 "del machine.mem32[4]": b"TypeError: 'mem' object doesn't support item deletion"}
        for code, error in cases.items():
            _, err = p.exec_raw("import machine\n" + code)
            self.assertTrue(err.endswith(error + b"\r\n"), (code, err))
        scratch0 = CTRL + 0x0C
        out, err = p.exec_raw("import machine\nprint(machine.mem32, machine.mem8)\nmachine.mem32[%d] = 0x80000001\n"
                              "print(machine.mem32[%d], machine.mem8[%d])\nprint(machine.mem32[0x20000000])"
                              % (scratch0, scratch0, scratch0))
        # bit 31 reads back negative (mp_obj_new_int of a uint32_t on a 32-bit port); unmodelled memory reads 0
        self.assertEqual((out, err), (b"<32-bit memory> <8-bit memory>\r\n-2147483647 1\r\n0\r\n", b""))

    def test_a_zero_timeout_resets_at_once(self):
        p = self.raw_pico()
        p.write(b"import machine\nmachine.WDT(timeout=0)\x04")
        p.wait_gone()


class HungSensorTest(PeerTestMixin, unittest.TestCase):
    def test_ctrl_c_cannot_end_a_hung_read_but_the_watchdog_can(self):
        p = self.raw_pico("--dht22-hang", "--verbose",
                          files={"main.py": "import machine\nprint('cause', machine.reset_cause())\n"})
        p.write(b"import dht, machine\nmachine.WDT(timeout=1500)\nprint('reading')\n"
                b"dht.DHT22(machine.Pin(15)).measure()\x04")
        self.assertEqual(p.read_until(b"reading\r\n"), b"OKreading\r\n")
        await_log(p, b"a call into C hangs")
        p.write(b"\x03")                             # stays pending: the C code never returns to the VM
        p._fill(0.3)
        self.assertEqual(bytes(p.buf), b"")
        p.wait_gone()
        p.reopen()
        self.assertTrue(p.read_until(BANNER_END).startswith(b"cause 3\r\n"))


class PowerCutTest(PeerTestMixin, unittest.TestCase):
    def test_the_power_goes_right_after_the_nth_rename(self):
        p = self.raw_pico("--power-cut-after-renames", "2", files={"a": "1", "c": "2", "e": "3"})
        p.write(b"import os\nos.rename('a', 'b')\nos.rename('c', 'd')\nos.rename('e', 'f')\nprint('after')\x04")
        p.wait_gone()
        self.assertEqual(sorted(os.listdir(p.fs)), ["b", "d", "e"])
        self.assertNotIn(b"after", bytes(p.buf))
        p.proc.wait(10)
        self.assertEqual(p.proc.returncode, -9)    # SIGKILL: like pulling the plug, nothing was cleaned up


if __name__ == "__main__":
    unittest.main()
