"""Heap use of the firmware on the real MicroPython VM (webassembly build, 32-bit like the RP2040).

The firmware runs unchanged on MicroPython v1.27 in node against fakes: Wi-Fi that is up, a DHT that answers,
a scripted broker behind a fake socket (CONNACK, PUBACK, PINGRESP) and a fake clock whose sleep_ms advances
virtual time at once (the webassembly build has no sockets, and its time.sleep busy-waits). The harness takes
app.main's steps itself (import, sensor, Wi-Fi, connect, run) and stops run() at each checkpoint, keeping the
client and sensor alive, so that gc.collect() can run at the top level (this build collects nowhere else) and
gc.mem_alloc() counts everything the running firmware keeps. Figures are bytes above a baseline taken after
the fakes were imported: the real socket, ssl, network, machine and dht modules are built in or frozen and cost
(almost) no heap.

What this does not see: mbedTLS's own buffers (a real TLS session allocates tens of KB on the heap; the fake ssl
allocates none), lwIP's buffers (outside the MicroPython heap on a Pico W) and float boxing differences (the
webassembly build uses double precision floats, rp2 single precision).

Used by tests/test_firmware_heap.py (upper bounds) and bench/firmware-heap (the before/after table).
"""
import os
import subprocess

from micropython_node import REPO, run_node
import firmware_fixtures as fx

# (label, golden variant): the rendered settings.py/main.py of src/test/resources/golden/<variant>/.
VARIANTS = (('default', 'default'), ('no sensor', 'no-sensor-open-wifi'), ('TLS+JSON+HA', 'dht11-json-auth-tls'))
CHECKPOINTS_S = (60, 600)  # virtual seconds of publishing at which the heap is recorded

# A broker behind socket.socket: answers each packet the client sends (CONNACK, PINGRESP, PUBACK, SUBACK) and keeps
# nothing else.
FAKE_BROKER_SOCKET = '''
AF_INET = 2
SOCK_STREAM = 1
CONNACK_OK = b'\\x20\\x02\\x00\\x00'
PINGRESP = b'\\xd0\\x00'


def getaddrinfo(host, port, *args):
    return [(AF_INET, SOCK_STREAM, 6, '', (host, port))]


def answer(pkt):
    kind = pkt[0] & 0xF0
    if kind == 0x10:
        return CONNACK_OK
    if kind == 0xC0:
        return PINGRESP
    if kind == 0x30 and pkt[0] & 0x06:  # PUBLISH at QoS 1: PUBACK with the packet id that follows the topic
        i = 1
        while pkt[i] & 0x80:
            i += 1
        i += 1
        at = i + 2 + (pkt[i] << 8 | pkt[i + 1])
        return b'\\x40\\x02' + bytes(pkt[at:at + 2])
    if kind == 0x80:  # SUBSCRIBE: SUBACK with its packet id, QoS 0 granted
        i = 1
        while pkt[i] & 0x80:
            i += 1
        return b'\\x90\\x03' + bytes(pkt[i + 1:i + 3]) + b'\\x00'
    return b''


class socket:
    def __init__(self, af=AF_INET, kind=SOCK_STREAM, proto=0):
        self.rx = b''
        self.timeout = None

    def settimeout(self, t):
        self.timeout = t

    def connect(self, addr):
        pass

    def sendall(self, data):
        self.rx += answer(data)

    def recv(self, n):
        if not self.rx:
            raise OSError(11 if self.timeout == 0 else 110)
        data = self.rx[:n]
        self.rx = self.rx[n:]
        return data

    def close(self):
        pass
'''

# The firmware's own steps (as app.main takes them) from the top level, so that the heap can be collected between
# them: this webassembly build collects only between top-level calls, where no C stack holds roots. Each step ends
# by asking for a collection; the next one reads gc.mem_alloc() first. client and sensor stay alive in globals,
# as they do in app.main. The clock stops run() at a checkpoint by raising KeyboardInterrupt, as Ctrl-C does.
HARNESS = (
    '''
import gc
import sys
sys.path.insert(0, '/fake')
import network, machine, dht, socket, ssl
dht.default[0] = (21.5, 40.0)
dht.measured_at = None


class Clock:
    """time for the firmware: sleeping advances virtual time, up to the next checkpoint."""

    def __init__(self):
        self.now = 0
        self.stop_at = None

    def ticks_ms(self):
        return self.now

    def ticks_diff(self, a, b):
        return a - b

    def ticks_add(self, a, b):
        return a + b

    def localtime(self, secs=None):
        return (2025, 6, 1, 12, 0, 0, 6, 152)

    def sleep(self, s):
        self.sleep_ms(int(s * 1000))

    def sleep_ms(self, ms):
        self.now += ms
        if self.stop_at is not None and self.now >= self.stop_at:
            raise KeyboardInterrupt


clock = sys.modules['time'] = Clock()
gc.collect()
''',
    '''
BASE = gc.mem_alloc()
print('BASE %d' % BASE)
sys.path.insert(0, '/flash')
import ENTRY as fw
gc.collect()
''',
    '''
print('HEAP import %d' % (gc.mem_alloc() - BASE))
import settings
if hasattr(fw, 'make_sensor'):
    sensor = fw.make_sensor()
elif settings.SENSOR_TYPE:  # main.py before app.py built the sensor inside main()
    import DHT22
    sensor = DHT22.Sensor(settings.SENSOR_TYPE, settings.SENSOR_PIN)
else:
    sensor = None
if getattr(settings, 'STATUS_LED', False):  # what app.main does before it connects
    import statusled
    fw._led = statusled
    fw.led('connecting')
if hasattr(fw, 'start_watchdog'):
    fw.start_watchdog()
fw.join_wifi()
client = fw.connect_mqtt()


def publish_until(seconds):
    clock.stop_at = seconds * 1000
    try:
        fw.run(client, sensor)
    except KeyboardInterrupt:
        pass
    gc.collect()
''',
)
STEP = '''
print('HEAP LABEL %d' % (gc.mem_alloc() - BASE))
publish_until(SECONDS)
'''
LAST_STEP = '''
print('HEAP LABEL %d' % (gc.mem_alloc() - BASE))
client.close()
print('MODULES ' + ' '.join(sorted(sys.modules)))
'''


def harness(entry, checkpoints_s):
    """The harness scripts, in order, for the entry module ('app', or 'main' before app.py existed)."""
    steps = [step.replace('ENTRY', entry) for step in HARNESS]
    label = 'connected'
    for seconds in checkpoints_s:
        steps.append(STEP.replace('LABEL', label).replace('SECONDS', str(seconds)))
        label = '%ds' % seconds
    steps.append(LAST_STEP.replace('LABEL', label))
    return steps


def device_files(variant, rev=None):
    """{name: text} of the device files for a golden variant: firmware/*.py plus the rendered settings.py and
    main.py, from the work tree or, with rev, as they were at that git revision."""
    golden = 'src/test/resources/golden/' + variant
    if rev is None:
        names = [n for n in os.listdir(fx.FIRMWARE) if n.endswith('.py')]
        files = {n: _read(os.path.join(fx.FIRMWARE, n)) for n in names}
        for n in ('settings.py', 'main.py'):
            files[n] = _read(os.path.join(REPO, golden, n))
        return files
    listing = _git('ls-tree', '--name-only', rev, 'firmware/').split()
    files = {os.path.basename(p): _git('show', '%s:%s' % (rev, p)) for p in listing if p.endswith('.py')}
    for n in ('settings.py', 'main.py'):
        files[n] = _git('show', '%s:%s/%s' % (rev, golden, n))
    return files


def measure(files, checkpoints_s=CHECKPOINTS_S):
    """Run the device files on MicroPython; returns {'base': bytes, 'heap': {label: bytes above base}, with labels
    'import', 'connected' and '<N>s' after N virtual seconds of publishing,
    'modules': [...], 'published': count of [pub] lines, 'output': all lines}."""
    entry = 'app' if 'app.py' in files else 'main'  # before app.py, main.py guarded main() by __name__
    job_files = {'/flash/' + name: text for name, text in files.items()}
    job_files.update({'/fake/network.py': fx.FAKE_NETWORK, '/fake/machine.py': fx.FAKE_MACHINE,
                      '/fake/dht.py': fx.FAKE_DHT, '/fake/socket.py': FAKE_BROKER_SOCKET, '/fake/ssl.py': fx.FAKE_SSL})
    steps = []
    for i, step in enumerate(harness(entry, checkpoints_s)):
        steps.append('/step%d.py' % i)
        job_files[steps[-1]] = step
    lines = run_node({'dirs': ['/flash', '/fake'], 'files': job_files, 'compile': [], 'run': steps}, timeout=120)
    result = {'base': None, 'heap': {}, 'modules': [], 'output': lines,
              'published': sum(1 for line in lines if line.startswith('[pub] '))}
    for line in lines:
        words = line.split()
        if line.startswith('BASE '):
            result['base'] = int(words[1])
        elif line.startswith('HEAP '):
            result['heap'][words[1]] = int(words[2])
        elif line.startswith('MODULES '):
            result['modules'] = words[1:]
    if 'RUN-DONE' not in lines or len(result['heap']) != 2 + len(checkpoints_s):
        raise AssertionError('the firmware did not run to the last checkpoint on MicroPython:\n'
                             + '\n'.join(lines[-40:]))
    return result


def _read(path):
    with open(path, encoding='utf-8') as f:
        return f.read()


def _git(*args):
    return subprocess.run(['git', '-C', REPO] + list(args), check=True, capture_output=True,
                          timeout=30).stdout.decode('utf-8')
