"""firmware/hadiscovery.py under CPython: which configs it publishes for which settings.

The documents themselves are checked on a real broker in test_firmware_main.py."""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import firmware_fixtures as fx  # noqa: E402


class RecordingClient:
    def __init__(self):
        self.published = []

    def publish(self, topic, msg, retain=False, qos=0):
        self.published.append((topic, json.loads(msg), retain, qos))


def publish(client_id='pico-e661', **settings):
    ha = fx.load_firmware('hadiscovery', {'settings': fx.fake_settings(**settings)})
    printed = []
    ha.print = printed.append
    client = RecordingClient()
    ha.publish(client, client_id, 1)
    return client.published, printed


class DiscoveryTest(unittest.TestCase):
    def test_one_retained_config_per_reading(self):
        published, printed = publish()
        self.assertEqual([p[0] for p in published], ['homeassistant/sensor/pico-e661_%s/config' % what
                                                     for what in ('internal', 'temperature', 'humidity')])
        self.assertTrue(all(p[2] is True and p[3] == 1 for p in published))
        self.assertEqual(printed, ['[mqtt] Home Assistant discovery published under homeassistant/sensor/'])
        self.assertNotIn('value_template', published[0][1])

    def test_without_a_sensor_only_the_internal_temperature(self):
        published, _ = publish(SENSOR_TYPE=None, HA_DISCOVERY_PREFIX='ha')
        self.assertEqual([p[0] for p in published], ['ha/sensor/pico-e661_internal/config'])

    def test_json_payloads_get_a_value_template(self):
        published, _ = publish(PAYLOAD_FORMAT='json')
        self.assertEqual({p[1]['value_template'] for p in published}, {'{{ value_json.value }}'})

    def test_node_id_keeps_only_characters_home_assistant_allows(self):
        published, _ = publish(client_id='lab/pico #1')
        self.assertEqual(published[0][0], 'homeassistant/sensor/lab_pico__1_internal/config')
        self.assertEqual(published[0][1]['device']['identifiers'], ['lab/pico #1'])


if __name__ == '__main__':
    unittest.main()
