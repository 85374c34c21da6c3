"""firmware/diagnostics.py under CPython: the health report's fields, its uptime across ticks_ms() wraps, and the
reset cause by name."""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import firmware_fixtures as fx  # noqa: E402

BOARD = 'e6614103e7a1b2c3'
FIELDS = ['uptime_s', 'rssi_dbm', 'ip', 'heap_free', 'heap_used', 'reset_cause', 'firmware', 'micropython',
          'wifi_reconnects', 'mqtt_reconnects', 'sensor_failures']


class RecordingClient:
    def __init__(self):
        self.published = []

    def publish(self, topic, msg, retain=False, qos=0):
        self.published.append((topic, msg, retain, qos))


def load(cause=1, **settings):
    app, fakes = fx.load_app(**settings)
    fakes['machine'].cause[0] = cause
    return fx.load_firmware('diagnostics', fakes), app, fakes


class DiagnosticsTest(unittest.TestCase):
    def test_retained_json_with_every_field(self):
        diag, app, fakes = load()
        fakes['network'].reset([3])
        fakes['network'].WLAN(0).status()  # the link is up
        app.stats['mqtt_reconnects'] = 2
        client = RecordingClient()
        diag.publish(client)
        topic, msg, retain, qos = client.published[0]
        self.assertEqual((topic, retain, qos), ('pico/%s/diagnostics' % BOARD, True, 1))
        doc = json.loads(msg)
        self.assertEqual(list(doc), FIELDS)
        self.assertEqual((doc['rssi_dbm'], doc['ip'], doc['reset_cause'], doc['firmware'], doc['mqtt_reconnects']),
                         (-48, '192.168.4.23', 'power-on', '0.1.0', 2))
        self.assertRegex(doc['micropython'], r'^\d+\.\d+\.\d+$')
        self.assertTrue(all(isinstance(doc[k], int) for k in ('uptime_s', 'heap_free', 'heap_used')))

    def test_without_a_link_rssi_and_ip_are_null(self):
        diag, _, fakes = load()
        fakes['network'].reset([0])
        doc = json.loads(diag.document())
        self.assertEqual((doc['rssi_dbm'], doc['ip']), (None, None))

    def test_reset_cause_by_name(self):
        self.assertEqual(load(cause=3)[0].RESET_CAUSE, 'watchdog')
        self.assertEqual(load(cause=99)[0].RESET_CAUSE, 'unknown (99)')

    def test_uptime_keeps_counting_when_ticks_ms_wraps(self):
        diag, _, _ = load()
        period = 1 << 30  # MicroPython's ticks_ms() wraps here

        class WrappingClock:
            now = period - 5000

            def ticks_ms(self):
                return self.now % period

            def ticks_diff(self, a, b):
                return ((a - b + period // 2) % period) - period // 2
        clock = WrappingClock()
        diag.time = clock
        diag._uptime[:] = [0, clock.ticks_ms()]
        for _ in range(3 * 24 * 60):  # three days of one report a minute
            clock.now += 60000
            up = diag.uptime_s()
        self.assertEqual(up, 3 * 24 * 3600)

    def test_texts_are_json_escaped(self):
        diag, _, _ = load(FIRMWARE_VERSION='1.0 "beta" \\ x')
        self.assertEqual(json.loads(diag.document())['firmware'], '1.0 "beta" \\ x')


if __name__ == '__main__':
    unittest.main()
