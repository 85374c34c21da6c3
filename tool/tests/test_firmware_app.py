"""firmware/app.py under CPython: payload text, readings and the sensor set-up, with fake hardware modules.

The whole loop (Wi-Fi, broker, will, discovery, reconnects, Ctrl-C) runs against real brokers in
test_firmware_main.py; this file pins the small decisions inside it.
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import firmware_fixtures as fx  # noqa: E402


def load_app(**settings):
    net = fx.make_module('network', fx.FAKE_NETWORK)
    fakes = {'settings': fx.fake_settings(**settings), 'machine': fx.make_module('machine', fx.FAKE_MACHINE),
             'network': net, 'wifi': fx.load_firmware('wifi', {'network': net}),
             'picomqtt': fx.load_firmware('picomqtt')}
    return fx.load_firmware('app', fakes)


class RecordingClient:
    def __init__(self):
        self.published = []

    def publish(self, topic, msg, retain=False, qos=0):
        self.published.append((topic, msg, retain, qos))


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


if __name__ == '__main__':
    unittest.main()
