"""firmware/wifi.py under CPython with a fake `network` module and a virtual clock."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import firmware_fixtures as fx  # noqa: E402


class WifiTest(unittest.TestCase):
    def setUp(self):
        self.net = fx.make_module('network', fx.FAKE_NETWORK)
        self.wifi = fx.load_firmware('wifi', {'network': self.net})
        self.clock = fx.FakeClock()
        self.wifi.time = self.clock  # virtual time: a 20 s timeout takes no real time
        self.lines = []

    def connect(self, statuses, ssid='Lab', password='secretpass', **kw):
        self.net.reset(statuses)
        return self.wifi.connect(ssid, password, log=self.lines.append, **kw)

    def fail(self, statuses, **kw):
        with self.assertRaises(self.wifi.WifiError) as cm:
            self.connect(statuses, **kw)
        return cm.exception

    def test_success_order_and_lines(self):
        ip = self.connect([1, 1, 2, 3], country='DE', hostname='pico-lab')
        self.assertEqual(ip, '192.168.4.23')
        self.assertEqual(self.lines, ["[wifi] connecting to 'Lab' (timeout 20 s)",
                                      '[wifi] connected, ip 192.168.4.23'])
        names = [c[0] for c in self.net.calls]
        # country and hostname must be set before the interface is activated
        self.assertEqual(names[:5], ['country', 'hostname', 'active', 'config', 'connect'])
        self.assertEqual(self.net.calls[0], ('country', 'DE'))
        self.assertEqual(self.net.calls[1], ('hostname', 'pico-lab'))
        self.assertEqual(self.net.calls[2], ('active', True))
        self.assertEqual(self.net.calls[3], ('config', {'pm': 0xa11140}))  # power saving off
        self.assertEqual(self.net.calls[4], ('connect', 'Lab', 'secretpass'))
        self.assertTrue(all(ms <= 200 for ms in self.clock.sleeps))

    def test_defaults_country_xx_and_no_hostname(self):
        self.connect([3])
        self.assertIn(('country', 'XX'), self.net.calls)
        self.assertFalse([c for c in self.net.calls if c[0] == 'hostname'])

    def test_open_network_passes_no_key(self):
        self.connect([3], password=None)
        self.assertIn(('connect', 'Lab', None), self.net.calls)

    def test_old_firmware_without_country_or_hostname(self):
        del self.net.country
        del self.net.hostname
        self.assertEqual(self.connect([3], hostname='x'), '192.168.4.23')

    def test_wrong_password(self):
        e = self.fail([1, 1, -3])
        self.assertEqual(e.status, -3)
        self.assertEqual(self.lines[-1], "[wifi] FAILED: wrong password for 'Lab' (status -3). "
                                         "Fix: check the Wi-Fi password and flash again.")
        self.assertLess(self.clock.now_ms - 1000, 2000)  # fails at once, no waiting for the timeout

    def test_network_not_found(self):
        e = self.fail([-2])
        self.assertEqual(e.status, -2)
        self.assertTrue(self.lines[-1].startswith("[wifi] FAILED: network 'Lab' not found (status -2). Fix: "))

    def test_connect_fail(self):
        e = self.fail([-1])
        self.assertTrue(self.lines[-1].startswith("[wifi] FAILED: connection to 'Lab' failed (status -1). Fix: "))
        self.assertEqual(str(e), self.lines[-1][len('[wifi] FAILED: '):])

    def test_own_timeout_when_driver_retries_forever(self):
        # The CYW43 keeps status 1 forever on a wrong password: our deadline must end it.
        e = self.fail([1], timeout_s=20)
        self.assertEqual(e.status, 1)
        self.assertEqual(self.lines[0], "[wifi] connecting to 'Lab' (timeout 20 s)")
        self.assertTrue(self.lines[-1].startswith("[wifi] FAILED: no answer from 'Lab' within 20 s (status 1). Fix: "))
        elapsed = self.clock.now_ms - 1000
        self.assertGreaterEqual(elapsed, 20000)
        self.assertLess(elapsed, 20500)
        self.assertTrue(all(ms <= 200 for ms in self.clock.sleeps))  # Ctrl-C lands quickly
        self.assertIn(('disconnect',), self.net.calls)  # stop the endless background retries

    def test_timeout_while_waiting_for_dhcp(self):
        self.fail([1, 2], timeout_s=5)
        self.assertTrue(self.lines[-1].startswith(
            "[wifi] FAILED: joined 'Lab' but got no IP address within 5 s (status 2)"), self.lines)

    def test_timeout_with_link_down(self):
        self.fail([0], timeout_s=5)
        self.assertIn('(status 0). Fix: ', self.lines[-1])

    def test_every_status_has_words_and_failures_have_a_fix(self):
        for st in (0, 1, 2, 3, -1, -2, -3):
            self.assertNotEqual(self.wifi.status_words(st), 'unknown status', st)
            if st != 3:
                message, fix = self.wifi.explain(st, 'Lab', 20)
                self.assertIn("'Lab'", message)
                self.assertTrue(fix.endswith('.'), fix)
        self.assertEqual(self.wifi.status_words(3), 'connected')
        self.assertEqual(self.wifi.status_words(-3), 'wrong password')
        self.assertEqual(self.wifi.status_words(-2), 'network not found')
        self.assertEqual(self.wifi.status_words(99), 'unknown status')

    def test_is_up_ip_and_rssi(self):
        self.net.reset([0])
        self.assertFalse(self.wifi.is_up())
        self.assertIsNone(self.wifi.ip())    # no link: no address and no signal (the health report says null)
        self.assertIsNone(self.wifi.rssi())
        self.net.script[:] = [1, 1, 3]  # what the next join will see
        ticks = []
        self.assertEqual(self.wifi.connect('Lab', 'secretpass', log=self.lines.append, tick=lambda: ticks.append(1)),
                         '192.168.4.23')
        self.assertTrue(self.wifi.is_up())
        self.assertEqual(len(ticks), 1)  # one poll saw 'joining': the watchdog was fed there
        self.assertEqual((self.wifi.ip(), self.wifi.rssi()), ('192.168.4.23', -48))

    def test_a_long_join_feeds_the_watchdog_at_every_poll(self):
        self.net.reset([1])
        ticks = []
        with self.assertRaises(self.wifi.WifiError):
            self.wifi.connect('Lab', 'pw', timeout_s=20, log=self.lines.append, tick=lambda: ticks.append(1))
        # 20 s of polls every 200 ms, each with a feed: no gap longer than one poll
        self.assertGreaterEqual(len(ticks), 20000 // self.wifi.POLL_MS - 1)

    def test_is_up_false_when_network_raises(self):
        def broken(iface):
            raise OSError('no radio')
        self.net.WLAN = broken
        self.assertFalse(self.wifi.is_up())


if __name__ == '__main__':
    unittest.main()
