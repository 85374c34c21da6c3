"""The rendered main.py end to end under CPython: fake Wi-Fi/sensor/ADC, REAL mosquitto brokers.

The main.py files are the renderer's golden files (src/test/resources/golden/<variant>/, kept equal to
the template output by the Java FirmwareRendererTest), run with the real firmware/ modules. All devices
start together in setUpClass, so the 2 s start-up grace delays overlap.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import firmware_fixtures as fx  # noqa: E402

BOARD = 'e6614103e7a1b2c3'  # FAKE_MACHINE.unique_id() in hex
CID = 'pico-' + BOARD
BOARD_CA = '0000000000000ca0'
STATUS = 'pico/%s/status' % BOARD


# ---- a rendered main.py running as a device process -------------------------------------------
GOLDEN = os.path.join(fx.REPO, 'src', 'test', 'resources', 'golden')

DEVICE_RUNNER = '''
# Runs a rendered main.py under CPython the way the virtual Pico does: fake network/machine/dht,
# MicroPython time functions, the device directory as the working directory and first on sys.path.
import json, os, runpy, sys
sys.path.insert(0, %(tests)r)
import firmware_fixtures as fx
fx.install_time_shims()
fx.install_os_shims()
net = fx.make_module('network', fx.FAKE_NETWORK)
net.reset(json.loads(os.environ.get('WIFI_SCRIPT', '[1, 2, 3]')))
machine = fx.make_module('machine', fx.FAKE_MACHINE)
if os.environ.get('BOARD_ID'):  # boards on one broker need ids of their own, as real boards have
    machine.unique_id = lambda: bytes.fromhex(os.environ['BOARD_ID'])
dht = fx.make_module('dht', fx.FAKE_DHT)
if os.environ.get('DHT_MODE', 'ok') == 'ok':
    dht.script[:] = [(23.14, 45.0)] * 10000
sys.modules.update(network=net, machine=machine, dht=dht, gc=fx.micropython_gc())
device = sys.argv[1]
os.chdir(device)
sys.path.insert(0, device)
runpy.run_path(os.path.join(device, 'main.py'), run_name='__main__')
'''


class Device:
    """A rendered main.py (from the golden files) running in a subprocess; stdout lines collect in .lines.
    overrides are appended to settings.py; env sets WIFI_SCRIPT (statuses), DHT_MODE ('ok' or 'fail') and BOARD_ID
    (16 hex digits; FAKE_MACHINE's by default)."""

    def __init__(self, variant, overrides=None, env=None, files=None):
        src = os.path.join(GOLDEN, variant)
        if not os.path.exists(os.path.join(src, 'main.py')):
            raise AssertionError('rendered main.py missing at %s: the Java golden-file test writes it '
                                 '(./mvnw test -Dgolden.update=true)' % src)
        self.dir = tempfile.mkdtemp(prefix='picotool-device-')
        for name in ('main.py', 'settings.py'):
            shutil.copy(os.path.join(src, name), self.dir)
        for name in os.listdir(fx.FIRMWARE):
            if name.endswith('.py'):
                shutil.copy(os.path.join(fx.FIRMWARE, name), self.dir)
        for name, path in (files or {}).items():
            shutil.copy(path, os.path.join(self.dir, name))
        with open(os.path.join(self.dir, 'settings.py'), 'a', encoding='utf-8') as f:
            f.write('\n# test overrides\n')
            for key, value in (overrides or {}).items():
                f.write('%s = %r\n' % (key, value))
        runner = os.path.join(self.dir, '_runner.py')
        with open(runner, 'w') as f:
            f.write(DEVICE_RUNNER % {'tests': os.path.dirname(os.path.abspath(__file__))})
        full_env = dict(os.environ, PYTHONUNBUFFERED='1', PYTHONIOENCODING='utf-8', **(env or {}))
        self.proc = subprocess.Popen([sys.executable, runner, self.dir], stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, env=full_env)
        self.lines = []
        threading.Thread(target=self._reader, daemon=True).start()

    def _reader(self):
        for raw in self.proc.stdout:
            self.lines.append(raw.decode('utf-8', 'replace').rstrip('\n'))

    def wait_line(self, prefix, timeout_s=10.0, count=1):
        """The count-th line starting with prefix (waits for it)."""
        def found():
            hits = [line for line in self.lines if line.startswith(prefix)]
            return hits[count - 1] if len(hits) >= count else None
        return fx.wait_until(found, timeout_s, '%r (x%d) from the device; it printed:\n%s'
                          % (prefix, count, '\n'.join(self.lines)))

    def interrupt(self, timeout_s=5.0):
        """Ctrl-C as a host tool sends it; returns the exit code."""
        if self.proc.poll() is None:
            self.proc.send_signal(2)  # SIGINT -> KeyboardInterrupt
        return self.proc.wait(timeout_s)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(5)
        self.proc.stdout.close()
        shutil.rmtree(self.dir, ignore_errors=True)


class MainTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.plain = fx.Mosquitto()
        cls.secure = fx.Mosquitto(users={'pico': 'mqtt-pw'}, tls=True)
        fast = {'MQTT_HOST': '127.0.0.1', 'PUBLISH_INTERVAL_S': 1}
        local = dict(fast, MQTT_PORT=cls.plain.port)
        tls = dict(fast, MQTT_PORT=cls.secure.port)
        d = cls.devices = {}
        d['default'] = Device('default', local)
        d['tls_unverified'] = Device('dht11-json-auth-tls', dict(tls, MQTT_CLIENT_ID='lab-noca'))
        d['tls_verified'] = Device('dht11-json-auth-tls', dict(tls, MQTT_CLIENT_ID='lab-ca', MQTT_CA_FILE='ca.der'),
                                   files={'ca.der': cls.secure.pki['ca_der']}, env={'BOARD_ID': BOARD_CA})
        d['tls_wrong_ca'] = Device('dht11-json-auth-tls', dict(tls, MQTT_CLIENT_ID='lab-bad', MQTT_CA_FILE='ca.der'),
                                   files={'ca.der': cls.secure.pki['other_ca_der']})
        d['bad_login'] = Device('dht11-json-auth-tls', dict(tls, MQTT_CLIENT_ID='lab-pw', MQTT_PASSWORD='nope'))
        d['no_sensor'] = Device('no-sensor-open-wifi', dict(local, MQTT_CLIENT_ID='nosensor'),
                                env={'BOARD_ID': '00000000000000a1'})
        d['dht_fails'] = Device('default', dict(local, MQTT_CLIENT_ID='dhtfail'),
                                env={'DHT_MODE': 'fail', 'BOARD_ID': '00000000000000a2'})
        d['wrong_wifi'] = Device('default', local, env={'WIFI_SCRIPT': '[1, 1, -3]'})
        d['broker_down'] = Device('default', dict(local, MQTT_PORT=fx.free_port(), MQTT_CLIENT_ID='down'))

    @classmethod
    def tearDownClass(cls):
        for dev in cls.devices.values():
            dev.stop()
        cls.plain.stop()
        cls.secure.stop()

    def test_default_variant_lines_topics_and_will(self):
        dev = self.devices['default']
        dev.wait_line('[pub] pico/humidity/dht22', 12, count=2)
        self.assertEqual(dev.lines[:6], [
            '[picotool] firmware 0.1.0 starting, board ' + BOARD,
            '[picotool] watchdog on: the board restarts if the firmware hangs for 8000 ms',
            "[wifi] connecting to 'Lab' (timeout 20 s)",
            '[wifi] connected, ip 192.168.4.23',
            "[mqtt] connecting to 127.0.0.1:%d as '%s'" % (self.plain.port, CID),
            '[mqtt] connected'])
        pubs = [line for line in dev.lines if line.startswith('[pub] ')]
        self.assertEqual(pubs[:3], ['[pub] pico/temperature/internal 27.6', '[pub] pico/temperature/dht22 23.1',
                                    '[pub] pico/humidity/dht22 45.0'])
        self.assertEqual(fx.retained(self.plain, STATUS), 'online')
        doc = json.loads(fx.retained(self.plain, 'homeassistant/device/%s/config' % BOARD))
        self.assertEqual(doc['avty_t'], STATUS)
        self.assertEqual((doc['dev']['ids'], doc['dev']['name']), ([BOARD], 'Pico W b2c3'))
        self.assertEqual([(c['uniq_id'], c['stat_t'], c['dev_cla'], c['unit_of_meas']) for c in doc['cmps'].values()][:3],
                         [(BOARD + '_temperature', 'pico/temperature/dht22', 'temperature', '°C'),
                          (BOARD + '_humidity', 'pico/humidity/dht22', 'humidity', '%'),
                          (BOARD + '_internal', 'pico/temperature/internal', 'temperature', '°C')])
        health = json.loads(fx.retained(self.plain, 'pico/%s/diagnostics' % BOARD))
        self.assertEqual((health['ip'], health['mqtt_reconnects'], health['reset_cause']),
                         ('192.168.4.23', 0, 'power-on'))
        # Ctrl-C from a host tool must get through at once, and the broker then publishes the will.
        self.assertNotEqual(dev.interrupt(), 0)
        self.assertIn('KeyboardInterrupt', dev.lines[-1])
        fx.wait_until(lambda: fx.retained(self.plain, STATUS) == 'offline', 5, 'the offline will')

    def test_tls_auth_json_without_ca_warns(self):
        dev = self.devices['tls_unverified']
        dev.wait_line('[pub] home/lab/humidity', 12)
        self.assertIn('[mqtt] WARNING: TLS without a CA file: the broker is NOT verified (set a CA to fix)', dev.lines)
        self.assertIn("[wifi] connecting to 'Lab' (timeout 20 s)", dev.lines)
        self.assertIn('[pub] home/lab/temperature {"value": 23.1, "unit": "°C"}', dev.lines)
        self.assertIn('[pub] home/lab/humidity {"value": 45.0, "unit": "%"}', dev.lines)

    def test_tls_with_ca_verifies_and_publishes(self):
        dev = self.devices['tls_verified']
        dev.wait_line('[pub] home/lab/humidity', 12)
        self.assertFalse([line for line in dev.lines if 'WARNING' in line or 'FAILED' in line], dev.lines)
        doc = fx.retained(self.secure, 'homeassistant/device/%s/config' % BOARD_CA, user='pico',
                          password='mqtt-pw', cafile=self.secure.pki['ca'])
        doc = json.loads(doc)
        self.assertEqual(doc['cmps']['humidity']['val_tpl'], '{{ value_json.value }}')
        self.assertEqual(doc['dev']['name'], 'Lab sensor')
        self.assertEqual(fx.retained(self.secure, 'home/lab/status', user='pico', password='mqtt-pw',
                                     cafile=self.secure.pki['ca']), 'online')

    def test_wrong_ca_is_a_clear_failure_and_retries(self):
        dev = self.devices['tls_wrong_ca']
        line = dev.wait_line('[mqtt] FAILED: ', 12)
        self.assertTrue(line.startswith('[mqtt] FAILED: TLS setup or certificate check failed ('), line)
        self.assertIn('. Fix: ', line)
        self.assertRegex(dev.wait_line('[mqtt] reconnecting in ', 5), r'in (0\.[5-9]|1\.0) s$')

    def test_bad_mqtt_password(self):
        dev = self.devices['bad_login']
        line = dev.wait_line('[mqtt] FAILED: ', 12)
        self.assertRegex(line, r'^\[mqtt\] FAILED: broker rejected the login \(CONNACK code [45]: .+\)\. '
                               r'Fix: check MQTT_USER and MQTT_PASSWORD\.$')
        self.assertNotIn('nope', '\n'.join(dev.lines))  # the password never reaches the serial log

    def test_no_sensor_open_wifi(self):
        dev = self.devices['no_sensor']
        dev.wait_line('[pub] pico/internal', 12, count=2)
        self.assertIn("[wifi] connecting to 'Café' (timeout 20 s)", dev.lines)
        self.assertFalse([line for line in dev.lines if line.startswith('[sensor]')])
        self.assertEqual({line.split()[1] for line in dev.lines if line.startswith('[pub] ')}, {'pico/internal'})

    def test_sensor_failure_skips_instead_of_publishing_garbage(self):
        dev = self.devices['dht_fails']
        self.assertEqual(dev.wait_line('[sensor] ', 12),
                         '[sensor] dht22 on GP15: read failed (timeout: no answer from the sensor (wiring? pull-up?))')
        dev.wait_line('[pub] pico/temperature/internal', 5, count=2)  # the loop goes on
        self.assertFalse([line for line in dev.lines if line.startswith('[pub] pico/temperature/dht22')
                          or line.startswith('[pub] pico/humidity/dht22')])

    def test_wrong_wifi_password_retries_forever(self):
        dev = self.devices['wrong_wifi']
        self.assertEqual(dev.wait_line('[wifi] FAILED: ', 12),
                         "[wifi] FAILED: wrong password for 'Lab' (status -3). "
                         "Fix: check the Wi-Fi password and flash again.")
        dev.wait_line('[wifi] retrying in 2 s', 5)
        dev.wait_line('[wifi] FAILED: ', 8, count=2)  # it tried again rather than exiting to the REPL
        self.assertIsNone(dev.proc.poll())

    def test_broker_down(self):
        dev = self.devices['broker_down']
        line = dev.wait_line('[mqtt] FAILED: ', 12)
        self.assertIn('refused the connection', line)
        self.assertIn('Fix: ', line)
        second = dev.wait_line('[mqtt] reconnecting in ', 8, count=2)  # backoff grows: 1 s then 2 s, half random
        self.assertRegex(second, r'in (1\.\d|2\.0) s$')
        self.assertIsNone(dev.proc.poll())


if __name__ == '__main__':
    unittest.main()
