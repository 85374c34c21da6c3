"""firmware/DHT22.py under CPython with fake `machine`/`dht` modules and a virtual clock."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import firmware_fixtures as fx  # noqa: E402


class SensorTest(unittest.TestCase):
    def setUp(self):
        self.machine = fx.make_module('machine', fx.FAKE_MACHINE)
        self.dht = fx.make_module('dht', fx.FAKE_DHT)
        self.mod = fx.load_firmware('DHT22', {'machine': self.machine, 'dht': self.dht})
        self.clock = fx.FakeClock()
        self.mod.time = self.clock
        self.dht.clock = self.clock

    def sensor(self, kind='dht22', outcomes=(), pin=15):
        self.dht.script[:] = list(outcomes)
        return self.mod.Sensor(kind, pin)

    def test_reads_and_uses_driver_and_pin(self):
        s = self.sensor('dht22', [(23.14, 45.0)])
        self.assertEqual(s.read(), (23.14, 45.0))
        self.assertIsNone(s.last_error)
        self.assertIsInstance(s._dev, self.dht.DHT22)
        pin = self.machine.pins[-1]
        self.assertEqual((pin.pin_id, pin.pull), (15, self.machine.Pin.PULL_UP))
        self.assertIsInstance(self.sensor('DHT11', [(20, 50)], pin=2)._dev, self.dht.DHT11)

    def test_first_read_waits_for_power_up_interval(self):
        s = self.sensor('dht22', [(20.0, 50.0)])
        start = self.clock.now_ms
        s.read()
        self.assertGreaterEqual(self.dht.measured_at[0] - start, 2000)

    def test_two_second_pacing_waits_instead_of_reading_early(self):
        s = self.sensor('dht22', [(20.0, 50.0), (20.1, 50.1), (20.2, 50.2)])
        s.read()
        self.clock.advance(500)   # the caller comes back too early
        s.read()
        self.clock.advance(5000)  # the caller comes back late: no extra wait
        before = len(self.clock.sleeps)
        s.read()
        t = self.dht.measured_at
        self.assertGreaterEqual(t[1] - t[0], 2000)
        self.assertEqual(len(self.clock.sleeps), before)
        self.assertTrue(all(ms <= 100 for ms in self.clock.sleeps))  # Ctrl-C lands quickly

    def test_dht11_one_second_interval(self):
        s = self.sensor('dht11', [(21, 40), (22, 41)])
        s.read()
        s.read()
        t = self.dht.measured_at
        self.assertGreaterEqual(t[1] - t[0], 1000)
        self.assertLess(t[1] - t[0], 2000)

    def test_retry_once_after_interval(self):
        s = self.sensor('dht22', [OSError(110), (19.5, 60.0)])
        self.assertEqual(s.read(), (19.5, 60.0))
        t = self.dht.measured_at
        self.assertEqual(len(t), 2)
        self.assertGreaterEqual(t[1] - t[0], 2000)

    def test_timeout_twice_gives_none_and_reason(self):
        s = self.sensor('dht22', [OSError(110), OSError(110), (20.0, 50.0)])
        self.assertIsNone(s.read())
        self.assertEqual(s.last_error, 'timeout: no answer from the sensor (wiring? pull-up?)')
        self.assertEqual(len(self.dht.measured_at), 2)  # exactly one retry
        self.assertEqual(s.read(), (20.0, 50.0))
        self.assertIsNone(s.last_error)

    def test_checksum_error(self):
        s = self.sensor('dht22', [Exception('checksum error'), Exception('checksum error')])
        self.assertIsNone(s.read())
        self.assertEqual(s.last_error, 'checksum error')

    def test_other_oserror(self):
        s = self.sensor('dht22', [OSError(5), OSError(5)])
        self.assertIsNone(s.read())
        self.assertIn('5', s.last_error)

    def test_implausible_values_rejected(self):
        bad22 = [(85.0, 50.0), (-41.0, 50.0), (20.0, 100.5), (20.0, -1.0), (None, 50.0)]
        for reading in bad22:
            s = self.sensor('dht22', [reading, reading])
            self.assertIsNone(s.read(), reading)
            self.assertTrue(s.last_error.startswith('implausible value'), s.last_error)
        bad11 = [(-1, 50), (51, 50), (20, 19), (20, 91)]
        for reading in bad11:
            s = self.sensor('dht11', [reading, reading])
            self.assertIsNone(s.read(), reading)
            self.assertTrue(s.last_error.startswith('implausible value'), s.last_error)

    def test_range_edges_accepted(self):
        for reading in [(-40.0, 0.0), (80.0, 100.0)]:
            self.assertEqual(self.sensor('dht22', [reading]).read(), reading)
        for reading in [(0, 20), (50, 90)]:
            self.assertEqual(self.sensor('dht11', [reading]).read(), reading)

    def test_implausible_then_good_on_retry(self):
        s = self.sensor('dht22', [(150.0, 50.0), (21.0, 50.0)])
        self.assertEqual(s.read(), (21.0, 50.0))

    def test_unknown_kind(self):
        with self.assertRaises(ValueError):
            self.mod.Sensor('bme280', 15)

class SensorFactsTest(unittest.TestCase):
    """DHT22.py is a standalone driver (the tutorial imports it), so it keeps its own table; it must say what the
    board data says (pinouts/sensors.json), which the validator and verify read."""

    def test_the_table_matches_the_board_data(self):
        import json
        with open(os.path.join(fx.REPO, 'pinouts', 'sensors.json'), encoding='utf-8') as f:
            data = {s['id']: s for s in json.load(f)['sensors']}
        dht = fx.load_firmware('DHT22', {'machine': fx.make_module('machine', fx.FAKE_MACHINE),
                                         'dht': fx.make_module('dht', fx.FAKE_DHT)})
        self.assertEqual(set(dht.KINDS), set(data))
        for kind, (interval, t_min, t_max, h_min, h_max) in dht.KINDS.items():
            s = data[kind]
            self.assertEqual((interval, t_min, t_max, h_min, h_max),
                             (s['minReadIntervalMs'], s['temperatureC']['min'], s['temperatureC']['max'],
                              s['humidityPercent']['min'], s['humidityPercent']['max']), kind)


if __name__ == '__main__':
    unittest.main()
