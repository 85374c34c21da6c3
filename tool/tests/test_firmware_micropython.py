"""The firmware modules on REAL MicroPython v1.27 (the npm webassembly build, run by node).

1. Every firmware/*.py must compile with MicroPython's own compiler (CPython accepts more syntax).
2. The modules must also *behave* on MicroPython: a check script drives DHT22.py, wifi.py, picomqtt.py (its
   packets round-trip: CONNECT, PUBLISH, SUBSCRIBE/SUBACK, incoming PUBLISH and our PUBACK), app.py, mqtterrors.py,
   tlscontext.py, hadiscovery.py, diagnostics.py and statusled.py with the shared fake modules (and a scripted fake
   socket / fake TLS socket), because MicroPython differs from CPython in exceptions, bytes and socket APIs.

Needs node and tool/node_modules (`npm ci` in tool/, which pins the package to 1.27.0), or the
path of micropython.mjs in $PICOTOOL_MICROPYTHON_MJS.
"""
import glob
import json
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import firmware_fixtures as fx  # noqa: E402
from micropython_node import MJS, run_node  # noqa: E402

FAKE_SOCKET = '''
AF_INET = 2
SOCK_STREAM = 1
SOCK_DGRAM = 2
queued = []      # bytes a new socket will "receive" (the broker's answers)
made = []


def getaddrinfo(host, port, *args):
    return [(AF_INET, SOCK_STREAM, 6, '', (host, port))]


class socket:
    def __init__(self, af=AF_INET, kind=SOCK_STREAM, proto=0):
        self.rx = b''.join(queued)
        del queued[:]
        self.sent = b''
        self.timeouts = []
        self.timeout = None
        self.eof = False
        self.fail = None  # an errno to raise from recv (e.g. an mbedTLS code)
        self.closed = False
        made.append(self)

    def settimeout(self, t):
        self.timeouts.append(t)
        self.timeout = t

    def connect(self, addr):
        self.addr = addr

    def sendall(self, data):
        self.sent += bytes(data)

    def recv(self, n):
        if self.fail is not None:
            raise OSError(self.fail)
        if not self.rx:
            if self.eof:
                return b''
            raise OSError(11 if self.timeout == 0 else 110)
        data = self.rx[:n]
        self.rx = self.rx[n:]
        return data

    def close(self):
        self.closed = True
'''

CHECK = r'''
import sys
sys.path.insert(0, '/fake')
sys.path.insert(0, '/fw')
import dht
import network
import socket
import ssl
import DHT22
import wifi
import mqttpacket
import picomqtt

def check(name, ok):
    print(('PASS ' if ok else 'FAILED ') + name)

class Clock:
    def __init__(self):
        self.now = 1000
        self.sleeps = []
    def ticks_ms(self):
        return self.now
    def ticks_diff(self, a, b):
        return a - b
    def sleep_ms(self, ms):
        self.sleeps.append(ms)
        self.now += ms

# ---- DHT22.py
c = Clock()
DHT22.time = c
dht.clock = c
dht.script[:] = [OSError(110), (21.5, 40.0)]
s = DHT22.Sensor('dht22', 15)
check('dht retry after 2 s', s.read() == (21.5, 40.0) and dht.measured_at[1] - dht.measured_at[0] >= 2000)
dht.script[:] = [OSError(110), OSError(110)]
check('dht timeout reason', s.read() is None and s.last_error == DHT22.ERR_TIMEOUT)
dht.script[:] = [Exception('checksum error'), Exception('checksum error')]
check('dht checksum reason', s.read() is None and s.last_error == 'checksum error')
dht.script[:] = [(99.0, 50.0), (20.0, 101.0)]
check('dht implausible', s.read() is None and s.last_error.startswith('implausible value'))
s11 = DHT22.Sensor('dht11', 2)
dht.script[:] = [(25, 55)]
check('dht11 ok', s11.read() == (25, 55))
check('dht sleeps sliced', max(c.sleeps) <= 100)

# ---- wifi.py
wifi.time = Clock()
lines = []
network.reset([1, 2, 3])
check('wifi connect', wifi.connect('Lab', 'pw', 'DE', 'pico', 20, lines.append) == '192.168.4.23'
      and lines[-1] == '[wifi] connected, ip 192.168.4.23'
      and [x[0] for x in network.calls][:5] == ['country', 'hostname', 'active', 'config', 'connect'])
network.reset([1, -3])
try:
    wifi.connect('Lab', 'pw', log=lines.append)
    check('wifi wrong password raises', False)
except wifi.WifiError as e:
    check('wifi wrong password line', e.status == -3 and lines[-1] ==
          "[wifi] FAILED: wrong password for 'Lab' (status -3). Fix: check the Wi-Fi password and flash again.")
network.reset([1])
try:
    wifi.connect('Lab', 'pw', timeout_s=20, log=lines.append)
    check('wifi timeout raises', False)
except wifi.WifiError as e:
    check('wifi own timeout', e.status == 1 and wifi.time.now - 1000 >= 20000
          and lines[-1].startswith("[wifi] FAILED: no answer from 'Lab' within 20 s (status 1). Fix: "))
check('wifi is_up false after failure', not wifi.is_up())

# ---- picomqtt.py with a scripted socket
check('varint', mqttpacket.encode_length(321) == b'\xc1\x02' and mqttpacket.encode_length(0) == b'\x00')
it = iter(b'\xff\xff\x7f')
check('varint decode', mqttpacket.decode_length(lambda: next(it)) == 2097151)
CONNACK_OK = b'\x20\x02\x00\x00'
socket.queued.append(CONNACK_OK)
m = picomqtt.MQTTClient('cid', 'broker.lan', 1883, user='u', password='pw', keepalive=60)
m.set_last_will('s', 'offline', retain=True, qos=1)
check('connect', m.connect(timeout_s=5) == 0 and m.is_connected())
raw = socket.made[-1]
body = (b'\x00\x04MQTT\x04\xee\x00\x3c\x00\x03cid\x00\x01s\x00\x07offline\x00\x01u\x00\x02pw')
check('connect bytes', raw.sent == bytes([0x10, len(body)]) + body)
check('connect addr + timeout', raw.addr == ('broker.lan', 1883) and raw.timeouts[0] == 5)
raw.sent = b''
m.publish('t/x', '°C', retain=True)
check('publish qos0 retain utf8', raw.sent == b'\x31\x08\x00\x03t/x\xc2\xb0C')
m.poll()
check('poll idle', m.is_connected())
m.ping()
raw.sent = b''
raw.rx = b'\xd0\x00' + b'\x40\x02\x00\x01'  # PINGRESP first, then the PUBACK for packet id 1
m.publish(b't/y', b'1', qos=1)
check('publish qos1 waits for puback', raw.sent == b'\x32\x08\x00\x03t/y\x00\x011' and m._ping_sent is None)
raw.rx = b'\x40\x02\x00\x07'  # a PUBACK for someone else, then the link dies
raw.eof = True
try:
    m.publish('t/z', '2', qos=1)
    check('eof raises', False)
except picomqtt.MQTTError as e:
    check('eof -> connection closed by broker', 'connection closed by broker' in str(e) and not m.is_connected())
socket.queued.append(b'\x20\x02\x00\x05')
try:
    picomqtt.MQTTClient('c', 'h', user='u', password='secret').connect()
    check('refused raises', False)
except picomqtt.MQTTError as e:
    check('connack 5 human', e.code == 5 and 'not authorised' in str(e) and 'secret' not in str(e))

# SUBSCRIBE / SUBACK / incoming PUBLISH (Home Assistant's birth message)
check('subscribe bytes', picomqtt.subscribe_packet(7, 'homeassistant/status', 1)
      == b'\x82\x19\x00\x07\x00\x14homeassistant/status\x01')
check('parse publish qos0', picomqtt.parse_publish(0x30, b'\x00\x03a/bonline') == (b'a/b', b'online', 0, None, False))
check('parse publish qos1 retained', picomqtt.parse_publish(0x33, b'\x00\x03a/b\x12\x34\xc2\xb0C')
      == (b'a/b', b'\xc2\xb0C', 1, 0x1234, True))
try:
    picomqtt.parse_publish(0x32, b'\x00\x09a')
    check('malformed publish raises', False)
except picomqtt.MQTTError:
    check('malformed publish is an MQTTError', True)
socket.queued.append(CONNACK_OK)
sub = picomqtt.MQTTClient('sub', 'broker.lan', 1883)
got = []
sub.on_message = lambda t, m, r: got.append((t, m, r))
sub.connect(timeout_s=5)
raw = socket.made[-1]
raw.sent = b''
raw.rx = b'\x90\x03\x00\x01\x00'  # SUBACK for packet 1, granted QoS 0
sub.subscribe('ha/status')
check('subscribe sent, suback read', raw.sent == picomqtt.subscribe_packet(1, 'ha/status', 0) and sub.is_connected())
raw.sent = b''
raw.rx = b'\x32\x13\x00\x09ha/status\x01\x02online'  # QoS 1 delivery, packet id 0x0102
sub.poll()
check('incoming qos1 delivered and acknowledged', got == [(b'ha/status', b'online', False)]
      and raw.sent == b'\x40\x02\x01\x02')
raw.rx = b'\x90\x03\x00\x02\x80'  # SUBACK failure
try:
    sub.subscribe('x/#')
    check('refused subscription raises', False)
except picomqtt.MQTTError as e:
    check('refused subscription', 'refused the subscription' in str(e))
big = b'x' * 3000
raw.rx = b'\x30' + mqttpacket.encode_length(len(big) + 5) + b'\x00\x03a/b' + big + b'\x30\x07\x00\x03a/bok'
del got[:]
sub.poll()
check('huge message dropped, next one kept', got == [(b'a/b', b'ok', False)] and sub.is_connected())

# TLS path: MicroPython's SSLSocket has no settimeout/recv/sendall
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
socket.queued.append(CONNACK_OK)
t = picomqtt.MQTTClient('tls', 'broker.lan', 8883, ssl_context=ctx)
t.connect(timeout_s=3)
raw = socket.made[-1]
check('tls server_hostname', ctx.hostnames == ['broker.lan'])
t.poll()
check('tls poll would-block via raw settimeout', raw.timeouts[-2:] == [0, 3] and t.is_connected())
raw.sent = b''
raw.rx = b'\x40\x02\x00\x01'
t.publish('a', 'b', qos=1)
check('tls publish qos1', raw.sent == b'\x32\x06\x00\x01a\x00\x01b')
t.disconnect()
check('tls disconnect', raw.sent.endswith(b'\xe0\x00') and raw.closed and not t.is_connected())
socket.queued.append(CONNACK_OK)
t.connect()
socket.made[-1].fail = -0x7280  # MBEDTLS_ERR_SSL_CONN_EOF: the broker went away
try:
    t.poll()
    check('tls eof raises', False)
except picomqtt.MQTTError as e:
    check('tls eof -> connection closed by broker', 'connection closed by broker' in str(e) and not t.is_connected())

# ---- app.py and the modules it imports when settings turn them on (settings: DHT11, JSON, TLS without CA, HA)
import app
check('payload never -0.0', app.payload(-0.04, '°C') == '{"value": 0.0, "unit": "°C"}'
      and app.payload(-0.06, '%') == '{"value": -0.1, "unit": "%"}')
check('rp2 receive timeout (ETIMEDOUT) is no answer', app.explain(OSError(110)).startswith('no answer from broker'))
check('posix receive timeout (EAGAIN) is no answer', app.explain(OSError(11)).startswith('no answer from broker'))
check('lwip refused connect', app.explain(OSError(104)).startswith('broker 192.168.1.11:8883 refused'))
check('connack 5 explained', app.explain(picomqtt.MQTTError('x', 5)).startswith('broker rejected the login'))
import tlscontext
printed = []
tlscontext.print = printed.append
tlscontext.context()
tlscontext.context()
check('tls warning once per boot', printed == [tlscontext.NOT_VERIFIED])
import hadiscovery
import json


class Recorder:
    def __init__(self):
        self.sent = []

    def publish(self, topic, msg, retain=False, qos=0):
        self.sent.append((topic, json.loads(msg), retain, qos))


rec = Recorder()
hadiscovery.print = printed.append
hadiscovery.publish(rec)
doc = rec.sent[0][1]
check('ha device discovery topic', [m[0] for m in rec.sent] == ['homeassistant/device/e6614103e7a1b2c3/config']
      and rec.sent[0][2] is True and rec.sent[0][3] == 1)
check('ha device discovery document', doc['cmps']['temperature']['unit_of_meas'] == '°C'
      and doc['cmps']['humidity']['dev_cla'] == 'humidity' and doc['cmps']['humidity']['exp_aft'] == 30
      and doc['cmps']['humidity']['val_tpl'] == '{{ value_json.value }}' and doc['o']['name'] == 'picotool'
      and doc['dev']['ids'] == ['e6614103e7a1b2c3'] and doc['dev']['cns'] == [['mac', '28:cd:c1:a1:b2:c3']]
      and doc['dev']['mdl'] and doc['dev']['sw'].startswith('0.1.0 (MicroPython 1.27'))
hadiscovery.on_message(b'homeassistant/status', b'online', False)
check('ha birth message asks for discovery again', hadiscovery.wanted)
import diagnostics
health = json.loads(diagnostics.document())
check('diagnostics document', health['reset_cause'] == 'power-on' and health['heap_free'] > 0
      and health['heap_used'] > 0 and health['micropython'].startswith('1.27') and health['rssi_dbm'] is None)
import machine
import statusled
statusled.show('connecting')
check('status led blinks on a timer', statusled._timer.period == 500)
statusled.show('connected')
check('status led on', statusled._timer.period is None and statusled._pin.values[-1] == 1)
check('app backoff', all(500 <= app.backoff_ms(0) <= 1000 for _ in range(20))
      and all(5000 <= app.backoff_ms(9) <= 10000 for _ in range(20)))
check('app identity', app.NAME == 'Lab sensor' and app.TOPIC_STATUS == 'home/lab/status')
print('CHECKS-END')
'''


def firmware_files():
    files = sorted(glob.glob(os.path.join(fx.FIRMWARE, '*.py')))
    names = [os.path.basename(p) for p in files]
    for expected in ('picomqtt.py', 'mqttpacket.py', 'wifi.py', 'DHT22.py'):
        assert expected in names, expected
    return files


class MicroPythonTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        files = {}
        for path in firmware_files():
            with open(path, encoding='utf-8') as f:
                files['/fw/' + os.path.basename(path)] = f.read()
        files['/fake/network.py'] = fx.FAKE_NETWORK
        files['/fake/machine.py'] = fx.FAKE_MACHINE
        files['/fake/dht.py'] = fx.FAKE_DHT
        files['/fake/socket.py'] = FAKE_SOCKET
        files['/fake/ssl.py'] = fx.FAKE_SSL
        with open(os.path.join(fx.REPO, 'src', 'test', 'resources', 'golden', 'dht11-json-auth-tls', 'settings.py'),
                  encoding='utf-8') as f:
            files['/fw/settings.py'] = f.read()
        files['/check.py'] = CHECK
        job = {'dirs': ['/fw', '/fake'], 'files': files,
               'compile': sorted(p for p in files if p.startswith('/fw/')), 'run': '/check.py'}
        cls.lines = run_node(job)

    def test_version_is_1_27(self):
        with open(os.path.join(os.path.dirname(MJS), 'package.json')) as f:
            self.assertEqual(json.load(f)['version'], '1.27.0')

    def test_every_firmware_file_compiles(self):
        for path in firmware_files():
            name = '/fw/' + os.path.basename(path)
            self.assertIn('COMPILED ' + name, self.lines, '\n'.join(self.lines))

    def test_modules_behave_on_micropython(self):
        text = '\n'.join(self.lines)
        self.assertIn('RUN-DONE', self.lines, text)
        self.assertIn('CHECKS-END', self.lines, text)
        failed = [line for line in self.lines if line.startswith('FAILED ') or line.startswith('STDERR')]
        self.assertEqual(failed, [], text)
        passed = [line for line in self.lines if line.startswith('PASS ')]
        should_have_raised = re.findall(r"^\s*check\('[^']*', False\)$", CHECK, re.M)
        expected = CHECK.count("check('") - len(should_have_raised)
        self.assertEqual(len(passed), expected, text)

    def test_compiler_rejects_what_micropython_lacks(self):
        # Guard that the referee really is MicroPython's compiler: CPython accepts a match statement.
        lines = run_node({'dirs': [], 'files': {'/m.py': 'match 1:\n    case 1:\n        pass\n'},
                          'compile': ['/m.py'], 'run': None})
        self.assertTrue(any(line.startswith('SYNTAXERROR /m.py') for line in lines), lines)


if __name__ == '__main__':
    unittest.main()
