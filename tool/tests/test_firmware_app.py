"""firmware/app.py under CPython: payload text, readings, the sensor set-up, the board's identity, calibration,
the reconnect backoff and the watchdog, with fake hardware modules and a virtual clock.

The whole loop (Wi-Fi, broker, will, discovery, reconnects, Ctrl-C) runs against real brokers in
test_firmware_main.py; this file pins the small decisions inside it.
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import firmware_fixtures as fx  # noqa: E402


def load_app(**settings):
    return fx.load_app(**settings)[0]


BOARD = 'e6614103e7a1b2c3'  # FAKE_MACHINE.unique_id() in hex


class RecordingClient:
    def __init__(self):
        self.published = []
        self.polls = 0

    def publish(self, topic, msg, retain=False, qos=0):
        self.published.append((topic, msg, retain, qos))

    def ping(self):
        pass

    def poll(self):
        self.polls += 1


class Stop(Exception):
    """Ends app.run() at a virtual time (run() returns only by raising)."""


class StoppingClock(fx.FakeClock):
    def __init__(self, stop_ms):
        super().__init__()
        self.stop_ms = stop_ms

    def sleep_ms(self, ms):
        super().sleep_ms(ms)
        if self.now_ms >= self.stop_ms:
            raise Stop()


class FeedRecorder:
    def __init__(self, clock):
        self.clock = clock
        self.at = [clock.now_ms]

    def feed(self):
        self.at.append(self.clock.now_ms)

    def longest_gap(self):
        return max(b - a for a, b in zip(self.at, self.at[1:] + [self.clock.now_ms]))


class PayloadTest(unittest.TestCase):
    def test_plain_one_decimal(self):
        app = load_app()
        self.assertEqual(app.payload(23.14, '°C'), '23.1')
        self.assertEqual(app.payload(-5.06, '°C'), '-5.1')
        self.assertEqual(app.payload(45, '%'), '45.0')

    def test_a_value_that_rounds_to_zero_is_0_0_never_minus_0_0(self):
        for variant in ('default', 'dht11-json-auth-tls'):
            app = load_app(variant=variant)
            for value in (-0.04, -0.0, 0.0, 0.04, -0.049):
                text = app.payload(value, '°C')
                self.assertNotIn('-0.0', text, (variant, value))
                self.assertIn('0.0', text)
            self.assertIn('-0.1', app.payload(-0.06, '°C'))  # a real negative reading keeps its sign

    def test_json_payload_is_built_by_hand(self):
        app = load_app(variant='dht11-json-auth-tls')
        self.assertEqual(app.payload(-0.04, '°C'), '{"value": 0.0, "unit": "°C"}')
        self.assertEqual(app.payload(41.66, '%'), '{"value": 41.7, "unit": "%"}')

    def test_publish_reading_prints_what_it_sent(self):
        app = load_app()
        client = RecordingClient()
        printed = []
        app.print = printed.append  # module-level print: the [pub] line
        app.publish_reading(client, 'pico/t', -0.01, '°C')
        self.assertEqual(client.published, [('pico/t', '0.0', False, 0)])
        self.assertEqual(printed, ['[pub] pico/t 0.0'])


class SensorTest(unittest.TestCase):
    def test_no_sensor_type_means_no_sensor_and_no_driver(self):
        saved = sys.modules.pop('DHT22', None)
        try:
            self.assertIsNone(load_app(SENSOR_TYPE=None).make_sensor())
            self.assertNotIn('DHT22', sys.modules)
        finally:
            if saved is not None:
                sys.modules['DHT22'] = saved

    def test_a_sensor_that_cannot_be_set_up_is_reported_on_each_read(self):
        app = load_app()
        printed = []
        app.print = printed.append
        app.read_sensor(RecordingClient(), 'cannot set up the sensor: bad pin')
        self.assertEqual(printed, ['[sensor] dht22 on GP15: read failed (cannot set up the sensor: bad pin)'])


class CalibrationTest(unittest.TestCase):
    def read_with(self, reading, **offsets):
        app = load_app(**offsets)
        app.print = lambda *a: None

        class Sensor:
            min_interval_ms = 2000
            last_error = None

            def read(self, retry=True):
                return reading
        client = RecordingClient()
        app.read_sensor(client, Sensor())
        return [m[1] for m in client.published]

    def test_offsets_are_added_before_publishing(self):
        self.assertEqual(self.read_with((23.14, 45.0), TEMPERATURE_OFFSET=-1.0, HUMIDITY_OFFSET=2.5),
                         ['22.1', '47.5'])
        self.assertEqual(self.read_with((23.14, 45.0)), ['23.1', '45.0'])

    def test_humidity_is_clamped_to_0_100_after_its_offset(self):
        self.assertEqual(self.read_with((20.0, 98.0), HUMIDITY_OFFSET=5)[1], '100.0')
        self.assertEqual(self.read_with((20.0, 1.0), HUMIDITY_OFFSET=-5)[1], '0.0')

    def test_internal_temperature_offset(self):
        plain = load_app().internal_temperature()
        self.assertAlmostEqual(load_app(INTERNAL_TEMPERATURE_OFFSET=-2.5).internal_temperature(), plain - 2.5)

    def test_failed_reads_are_counted_for_the_health_report(self):
        app = load_app()
        app.print = lambda *a: None
        app.read_sensor(RecordingClient(), 'cannot set up the sensor: bad pin')
        app.read_sensor(RecordingClient(), 'cannot set up the sensor: bad pin')
        self.assertEqual(app.stats['sensor_failures'], 2)


class IdentityTest(unittest.TestCase):
    def test_placeholders_become_this_boards_id_and_name(self):
        app = load_app(DEVICE_NAME='Kitchen {id4}', TOPIC_STATUS='pico/{id}/status',
                       TOPIC_INTERNAL='home/{name}/cpu/{id4}', TOPIC_DIAGNOSTICS='pico/{id}/diagnostics')
        self.assertEqual(app.BOARD_ID, BOARD)
        self.assertEqual(app.NAME, 'Kitchen b2c3')
        self.assertEqual(app.TOPIC_STATUS, 'pico/%s/status' % BOARD)
        self.assertEqual(app.TOPIC_INTERNAL, 'home/Kitchen b2c3/cpu/b2c3')
        self.assertEqual(app.TOPIC_TEMPERATURE, 'pico/temperature/dht22')  # the seed's topics stay as they are
        self.assertEqual(app.CLIENT_ID, 'pico-' + BOARD)

    def test_the_name_itself_may_hold_the_whole_id(self):
        self.assertEqual(load_app(DEVICE_NAME='Pico {id}').NAME, 'Pico ' + BOARD)


class BackoffTest(unittest.TestCase):
    def test_recovery_bound_is_two_intervals_or_5_s(self):
        for interval, bound in ((10, 20000), (2, 5000), (1, 5000), (3600, 7200000)):
            app = load_app(PUBLISH_INTERVAL_S=interval)
            self.assertEqual(app.RECOVERY_MS, bound, interval)
            # the longest wait leaves at least half of the bound for connecting and the first reading
            self.assertLessEqual(app.MAX_BACKOFF_MS, min(60000, bound // 2))

    def test_doubles_with_jitter_and_stays_under_the_cap(self):
        app = load_app(PUBLISH_INTERVAL_S=10)
        for failures in range(20):
            full = min(app.MAX_BACKOFF_MS, 1000 << min(failures, 7))
            waits = {app.backoff_ms(failures) for _ in range(200)}
            self.assertTrue(all(full // 2 <= w <= full for w in waits), (failures, sorted(waits)[:3]))
            self.assertGreater(len(waits), 1, 'no jitter')
        for bits, wait in ((255, 10000), (0, 5000)):  # at most half the 20 s bound, at least half of that
            app.random = fx.make_module('random', 'def getrandbits(n):\n    return %d\n' % bits)
            self.assertEqual(app.backoff_ms(30), wait)


class WatchdogTest(unittest.TestCase):
    def test_network_timeouts_fit_inside_the_watchdog(self):
        self.assertEqual(load_app(WATCHDOG_MS=8000).NET_TIMEOUT_S, 6)
        self.assertEqual(load_app(WATCHDOG_MS=4000).NET_TIMEOUT_S, 2)
        self.assertEqual(load_app(WATCHDOG_MS=0).NET_TIMEOUT_S, 10)

    def test_started_with_the_configured_timeout_or_not_at_all(self):
        app, fakes = fx.load_app(WATCHDOG_MS=7500)
        app.print = lambda *a: None
        app.start_watchdog()
        app.start_watchdog()  # once only: a running watchdog cannot be changed
        self.assertEqual(fakes['machine'].wdt, [7500])
        app, fakes = fx.load_app(WATCHDOG_MS=0)
        app.start_watchdog()
        app.feed()
        self.assertEqual(fakes['machine'].wdt, [])

    def test_sleeps_feed_every_slice(self):
        app = load_app()
        clock = fx.FakeClock()
        app.time = clock
        app._wdt = FeedRecorder(clock)
        app.sleep_ms(60000)
        self.assertLessEqual(app._wdt.longest_gap(), app.SLICE_MS)

    def publishing(self, dht_outcomes, seconds=120):
        """run() for `seconds` of virtual time with a DHT22 answering dht_outcomes; returns the feed recorder."""
        app, fakes = fx.load_app(WATCHDOG_MS=8000)
        app.print = lambda *a: None
        clock = StoppingClock(clock_start_ms() + seconds * 1000)
        dht = fx.make_module('dht', fx.FAKE_DHT)
        dht.script[:] = list(dht_outcomes)
        dht.clock = clock
        DHT22 = fx.load_firmware('DHT22', {'machine': fakes['machine'], 'dht': dht})
        DHT22.time = app.time = clock
        fakes['wifi'].time = clock
        fakes['network'].reset([3])
        fakes['network'].WLAN(0).status()  # the link is up
        sensor = DHT22.Sensor('dht22', 15, idle=app.feed)
        app._wdt = FeedRecorder(clock)
        client = RecordingClient()
        with self.assertRaises(Stop):
            app.run(client, sensor)
        return app._wdt, client

    def test_publishing_feeds_the_watchdog_far_more_often_than_it_expires(self):
        feeds, client = self.publishing([(21.0, 40.0)] * 100)
        self.assertEqual(len([m for m in client.published if m[0] == 'pico/humidity/dht22']), 12)
        self.assertLessEqual(feeds.longest_gap(), 200)

    def test_a_failing_sensor_with_retries_still_feeds_it(self):
        feeds, client = self.publishing([OSError(110)] * 100)
        self.assertFalse([m for m in client.published if m[0] == 'pico/humidity/dht22'])
        self.assertLessEqual(feeds.longest_gap(), 200)


def clock_start_ms():
    return fx.FakeClock().now_ms


if __name__ == '__main__':
    unittest.main()
