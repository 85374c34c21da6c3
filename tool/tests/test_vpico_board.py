"""Board peripherals: hard reset and watchdog, ADC temperature, pins, unique_id, DHT sensor."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from vpico.client import PeerTestMixin  # noqa: E402

BANNER_END = b'Type "help()" for more information.\r\n>>> '


class ResetTest(PeerTestMixin, unittest.TestCase):
    def test_machine_reset_replugs_port_and_runs_main(self):
        p = self.raw_pico(files={"main.py": "import machine\nprint('main after reset', machine.reset_cause())\n"})
        p.write(b"import machine\nmachine.reset()\x04")
        p.wait_gone()
        p.reopen(timeout=5)
        out = p.read_until(BANNER_END)
        self.assertTrue(out.startswith(b"main after reset 3\r\nMicroPython v1.27.0"), out)   # WDT_RESET
        self.assertTrue(os.readlink(p.link).startswith("/dev/pts/"))    # a new pty (number may be reused)
        p.enter_raw()
        self.assertEqual(p.exec_raw("print('alive')"), (b"alive\r\n", b""))

    def test_watchdog(self):
        p = self.raw_pico(files={"main.py": "print('booted')\n"})
        _, err = p.exec_raw("from machine import WDT\nWDT(timeout=8389)")
        self.assertTrue(err.endswith(b"ValueError: timeout exceeds 8388\r\n"), err)
        out, err = p.exec_raw("w = WDT(timeout=300)\nfor i in range(4):\n  __import__('time').sleep_ms(100)\n"
                              "  w.feed()\nprint('fed')")
        self.assertEqual((out, err), (b"fed\r\n", b""))
        p.wait_gone(timeout=30)     # idle at the REPL nobody feeds it: reset ~300 ms later
        p.reopen()
        self.assertTrue(p.read_until(BANNER_END).startswith(b"booted\r\n"))


class PeripheralTest(PeerTestMixin, unittest.TestCase):
    def test_adc_core_temperature_round_trip(self):
        p = self.raw_pico("--internal-temp", "31.5")
        out, err = p.exec_raw("import machine\nadc = machine.ADC(4)\nassert machine.ADC.CORE_TEMP == 4\n"
                              "for i in range(20):\n  v = adc.read_u16() * 3.3 / 65535\n"
                              "  print(27 - (v - 0.706) / 0.001721)")
        self.assertEqual(err, b"")
        temps = [float(x) for x in out.split()]
        self.assertEqual(len(temps), 20)
        for t in temps:      # +-0.3 noise plus half a 12-bit step (0.47 degC per LSB)
            self.assertAlmostEqual(t, 31.5, delta=0.6)

    def test_pins_and_unique_id(self):
        p = self.raw_pico("--board-id", "e6614103e7a1b2c3")
        self.assertEqual(p.exec_raw("import machine\nprint(machine.unique_id().hex())")[0],
                         b"e6614103e7a1b2c3\r\n")
        out, err = p.exec_raw("from machine import Pin\nled = Pin('LED', Pin.OUT)\nled.on()\nprint(led.value())\n"
                              "b = Pin(14, Pin.IN, Pin.PULL_UP)\nprint(b.value(), Pin(15, Pin.IN).value())")
        self.assertEqual((out, err), (b"1\r\n1 1\r\n", b""))        # GP15: idle-high DHT data line
        for name in ("GP23", "GP24", "GP25", "GP29"):
            _, err = p.exec_raw("Pin(%r)" % name)
            self.assertTrue(err.endswith(b'ValueError: unknown named pin "%s"\r\n' % name.encode()), err)
        _, err = p.exec_raw("Pin(30)")
        self.assertTrue(err.endswith(b"ValueError: invalid pin\r\n"), err)


class ServicesTest(PeerTestMixin, unittest.TestCase):
    def test_timer_input_and_stdin_poll(self):
        p = self.raw_pico()
        out, err = p.exec_raw("import machine, time\nticks = []\n"
                              "t = machine.Timer(period=20, callback=lambda t: ticks.append(1))\n"
                              "time.sleep_ms(150)\nt.deinit()\nprint(len(ticks) >= 3)")
        self.assertEqual((out, err), (b"True\r\n", b""))
        p.write(b"import select, sys\np = select.poll()\np.register(sys.stdin, select.POLLIN)\n"
                b"print(p.poll(0))\nprint('ask')\nprint(input('name? '))\x04")
        self.assertEqual(p.read_until(b"name? "), b"OK[]\r\nask\r\nname? ")
        p.write(b"pico\r")
        self.assertEqual(p.read_until(b"\x04>"), b"pico\r\npico\r\n\x04\x04>")

    def test_clock_starts_2021_and_ntp_needs_wifi(self):
        p = self.raw_pico()
        out, err = p.exec_raw("import time, ntptime\nprint(time.localtime()[:3])\n"
                              "try:\n  ntptime.settime()\nexcept OSError as e:\n  print(e)")
        self.assertEqual((out, err), (b"(2021, 1, 1)\r\n-2\r\n", b""))


class DhtTest(PeerTestMixin, unittest.TestCase):
    def test_dht22_values_and_staleness(self):
        p = self.raw_pico("--dht22", "23.4,55.5")
        out, err = p.exec_raw("import dht, machine\nd = dht.DHT22(machine.Pin(15))\nd.measure()\n"
                              "print(d.temperature(), d.humidity())\nd.measure()\nprint(d.temperature(), d.humidity())")
        self.assertEqual(err, b"")
        first, second = [tuple(map(float, line.split())) for line in out.decode().splitlines()]
        self.assertAlmostEqual(first[0], 23.4, delta=0.21)
        self.assertAlmostEqual(first[1], 55.5, delta=0.21)
        self.assertEqual(first, second)           # read again within 2 s: the same (stale) data

    def test_dht_absent_or_wrong_pin_times_out(self):
        p = self.raw_pico("--dht22-absent")
        _, err = p.exec_raw("import dht, machine\ndht.DHT22(machine.Pin(15)).measure()")
        self.assertTrue(err.endswith(b"OSError: [Errno 110] ETIMEDOUT\r\n"), err)
        out, _ = p.exec_raw("try:\n  dht.DHT22(machine.Pin(15)).measure()\nexcept OSError as e:\n  print(e.args[0], e.errno)")
        self.assertEqual(out, b"110 110\r\n")

    def test_dht11_whole_numbers_on_other_pin(self):
        p = self.raw_pico("--dht11", "21.6,40", "--dht-pin", "2")
        _, err = p.exec_raw("import dht, machine\ndht.DHT11(machine.Pin(15)).measure()")
        self.assertTrue(err.endswith(b"OSError: [Errno 110] ETIMEDOUT\r\n"), err)
        out, err = p.exec_raw("s = dht.DHT11(machine.Pin(2))\ns.measure()\nprint(s.temperature(), s.humidity())")
        t, h = out.split()
        self.assertIn(int(t), (21, 22))
        self.assertIn(int(h), (40, 41, 39))

    def test_checksum_errors(self):
        p = self.raw_pico("--dht22-fail-rate", "1")
        _, err = p.exec_raw("import dht, machine\ndht.DHT22(machine.Pin(15)).measure()")
        self.assertTrue(err.endswith(b"Exception: checksum error\r\n"), err)


if __name__ == "__main__":
    unittest.main()
