"""firmware/hadiscovery.py under CPython: the discovery documents for each setting, checked against the keys Home
Assistant accepts, and the birth message.

The retained documents on a real broker, and their re-publication after Home Assistant's birth message, are
checked on the virtual Pico in test_firmware_vpico.py."""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import firmware_fixtures as fx  # noqa: E402

BOARD = 'e6614103e7a1b2c3'  # FAKE_MACHINE.unique_id() in hex

# The keys Home Assistant's MQTT discovery accepts in what we send, by their abbreviation
# (homeassistant/components/mqtt/abbreviations.py: ABBREVIATIONS, DEVICE_ABBREVIATIONS, ORIGIN_ABBREVIATIONS) and the
# options of an MQTT sensor (homeassistant/components/mqtt/sensor.py, PLATFORM_SCHEMA_MODERN, with the
# availability and device options of mixins.py / entity.py). 'p' (platform) exists only inside 'cmps'.
SENSOR_KEYS = {'name', 'uniq_id', 'stat_t', 'dev_cla', 'unit_of_meas', 'stat_cla', 'sug_dsp_prc', 'exp_aft',
               'val_tpl', 'ent_cat', 'avty_t', 'dev', 'o'}
COMPONENT_KEYS = SENSOR_KEYS - {'dev', 'o', 'avty_t'} | {'p'}
DEVICE_KEYS = {'ids', 'cns', 'name', 'mf', 'mdl', 'hw', 'sw', 'sn'}
ORIGIN_KEYS = {'name', 'sw', 'url'}
# Device classes and units Home Assistant's sensor component pairs (homeassistant/components/sensor/const.py,
# DEVICE_CLASS_UNITS), and the state classes it knows.
UNITS = {'temperature': '°C', 'humidity': '%', 'signal_strength': 'dBm', 'duration': 's', 'data_size': 'B'}
STATE_CLASSES = {'measurement', 'total', 'total_increasing'}


class RecordingClient:
    def __init__(self):
        self.published = []
        self.subscribed = []
        self.on_message = None

    def publish(self, topic, msg, retain=False, qos=0):
        self.published.append((topic, json.loads(msg), retain, qos))

    def subscribe(self, topic, qos=0):
        self.subscribed.append((topic, qos))


def load(**settings):
    app, fakes = fx.load_app(**settings)
    ha = fx.load_firmware('hadiscovery', fakes)
    ha.print = lambda *a: None
    return ha


def publish(**settings):
    ha = load(**settings)
    printed = []
    ha.print = printed.append
    client = RecordingClient()
    ha.publish(client)
    return client.published, printed


def check_sensor(test, config, keys):
    test.assertLessEqual(set(config), keys, 'keys Home Assistant does not know')
    test.assertEqual(UNITS[config['dev_cla']], config['unit_of_meas'])
    if 'stat_cla' in config:
        test.assertIn(config['stat_cla'], STATE_CLASSES)
    test.assertTrue(config['uniq_id'].startswith(BOARD + '_'))
    test.assertIsInstance(config['exp_aft'], int)


class DeviceDiscoveryTest(unittest.TestCase):
    def test_one_retained_document_for_the_board(self):
        published, printed = publish()
        self.assertEqual(len(published), 1)
        topic, doc, retain, qos = published[0]
        self.assertEqual((topic, retain, qos), ('homeassistant/device/%s/config' % BOARD, True, 1))
        self.assertEqual(printed, ['[mqtt] Home Assistant discovery published under ' + topic])
        self.assertEqual(set(doc), {'dev', 'o', 'avty_t', 'cmps'})
        self.assertEqual(doc['o'], {'name': 'picotool', 'sw': '0.1.0'})
        self.assertLessEqual(set(doc['o']), ORIGIN_KEYS)
        self.assertEqual(doc['avty_t'], 'pico/%s/status' % BOARD)
        dev = doc['dev']
        self.assertLessEqual(set(dev), DEVICE_KEYS)
        self.assertEqual((dev['ids'], dev['sn'], dev['name'], dev['mf']),
                         ([BOARD], BOARD, 'Pico W b2c3', 'Raspberry Pi'))
        self.assertEqual(dev['cns'], [['mac', '28:cd:c1:a1:b2:c3']])
        self.assertRegex(dev['sw'], r'^0\.1\.0 \(MicroPython \d+\.\d+\.\d+\)$')

    def test_components_readings_and_health(self):
        cmps = publish()[0][0][1]['cmps']
        self.assertEqual(list(cmps), ['temperature', 'humidity', 'internal', 'rssi', 'uptime', 'heap_free'])
        for key, c in cmps.items():
            check_sensor(self, c, COMPONENT_KEYS)
            self.assertEqual((c['p'], c['uniq_id']), ('sensor', BOARD + '_' + key))
        for key in ('temperature', 'humidity', 'internal'):
            self.assertEqual((cmps[key]['stat_cla'], cmps[key]['sug_dsp_prc'], cmps[key]['exp_aft']),
                             ('measurement', 1, 30))  # three 10 s intervals
            self.assertNotIn('val_tpl', cmps[key])     # plain payloads need no template
        self.assertEqual(cmps['temperature']['stat_t'], 'pico/temperature/dht22')
        self.assertEqual(cmps['internal']['ent_cat'], 'diagnostic')
        self.assertNotIn('ent_cat', cmps['temperature'])
        for key, field in (('rssi', 'rssi_dbm'), ('uptime', 'uptime_s'), ('heap_free', 'heap_free')):
            self.assertEqual((cmps[key]['stat_t'], cmps[key]['val_tpl'], cmps[key]['ent_cat'], cmps[key]['exp_aft']),
                             ('pico/%s/diagnostics' % BOARD, '{{ value_json.%s }}' % field, 'diagnostic', 180))

    def test_what_is_off_is_not_announced(self):
        cmps = publish(SENSOR_TYPE=None, DIAGNOSTICS_INTERVAL_S=0)[0][0][1]['cmps']
        self.assertEqual(list(cmps), ['internal'])

    def test_json_payloads_and_odd_intervals(self):
        cmps = publish(PAYLOAD_FORMAT='json', PUBLISH_INTERVAL_S=2.5)[0][0][1]['cmps']
        self.assertEqual(cmps['humidity']['val_tpl'], '{{ value_json.value }}')
        self.assertEqual(cmps['humidity']['exp_aft'], 8)  # 7.5 s, rounded up

    def test_identity_is_the_board_not_the_client_id_or_name(self):
        doc = publish(MQTT_CLIENT_ID='kitchen', DEVICE_NAME='Kitchen {id}')[0][0][1]
        self.assertEqual(doc['dev']['ids'], [BOARD])
        self.assertEqual(doc['dev']['name'], 'Kitchen ' + BOARD)


class ComponentDiscoveryTest(unittest.TestCase):
    def test_one_document_per_sensor_with_the_device_in_each(self):
        published, printed = publish(HA_DISCOVERY_MODE='component', HA_DISCOVERY_PREFIX='ha')
        keys = ('temperature', 'humidity', 'internal', 'rssi', 'uptime', 'heap_free')
        self.assertEqual([p[0] for p in published], ['ha/sensor/%s_%s/config' % (BOARD, k) for k in keys])
        self.assertEqual(printed, ['[mqtt] Home Assistant discovery published under ha/sensor/'])
        for _, doc, retain, qos in published:
            self.assertEqual((retain, qos), (True, 1))
            check_sensor(self, doc, SENSOR_KEYS)
            self.assertEqual(doc['dev']['ids'], [BOARD])
            self.assertEqual(doc['avty_t'], 'pico/%s/status' % BOARD)


class BirthMessageTest(unittest.TestCase):
    def test_listen_subscribes_to_the_prefix_status(self):
        ha = load(HA_DISCOVERY_PREFIX='ha')
        client = RecordingClient()
        ha.listen(client)
        self.assertEqual(client.subscribed, [('ha/status', 0)])
        self.assertIs(client.on_message, ha.on_message)

    def test_only_a_fresh_online_asks_for_discovery_again(self):
        ha = load()
        for topic, msg, retained in ((b'homeassistant/status', b'offline', False),
                                     (b'homeassistant/status', b'online', True),
                                     (b'other/status', b'online', False)):
            ha.on_message(topic, msg, retained)
            self.assertFalse(ha.wanted, (topic, msg, retained))
        ha.on_message(b'homeassistant/status', b'online', False)
        self.assertTrue(ha.wanted)
        ha.publish(RecordingClient())
        self.assertFalse(ha.wanted)


if __name__ == '__main__':
    unittest.main()
