"""Fake hardware modules for the firmware tests: plain source that runs on CPython and on real MicroPython, so the
same fakes serve the CPython unit tests (make_module) and the MicroPython runs (written to its filesystem).

- FAKE_NETWORK: network.WLAN with a scripted status sequence, its MAC and RSSI
- FAKE_MACHINE: Pin, ADC, unique_id, reset_cause, WDT (counts its feeds), Timer (records what it arms)
- FAKE_DHT: dht.DHT22/DHT11 answering a script of readings or exceptions
- FAKE_SSL: MicroPython's ssl API over a (fake) socket
- micropython_gc(): CPython's gc plus MicroPython's mem_free()/mem_alloc()
"""

FAKE_NETWORK = '''
STA_IF = 0
calls = []
script = [3]      # statuses returned by successive status() calls after connect(); the last repeats
ip = '192.168.4.23'
_pos = [0]
_cur = [0]


def reset(statuses):
    del calls[:]
    script[:] = statuses
    _pos[0] = 0
    _cur[0] = 0


def country(code):
    calls.append(('country', code))


def hostname(name):
    calls.append(('hostname', name))


class _WLAN:
    def active(self, flag=None):
        calls.append(('active', flag))
        return True

    def config(self, *args, **kw):
        if args == ('mac',):
            return b'\\x28\\xcd\\xc1\\xa1\\xb2\\xc3'
        calls.append(('config', kw))

    def connect(self, ssid, key=None):
        calls.append(('connect', ssid, key))
        _pos[0] = 0

    def disconnect(self):
        calls.append(('disconnect',))
        _cur[0] = 0

    def status(self, param=None):
        if param == 'rssi':
            return -48
        i = _pos[0]
        _cur[0] = script[i] if i < len(script) else script[-1]
        _pos[0] = i + 1
        return _cur[0]

    def isconnected(self):
        return _cur[0] == 3

    def ifconfig(self):
        return (ip, '255.255.255.0', '192.168.4.1', '192.168.4.1')


_wlan = _WLAN()


def WLAN(iface):
    return _wlan
'''

FAKE_MACHINE = '''
pins = []
PWRON_RESET = 1
WDT_RESET = 3
cause = [PWRON_RESET]
wdt = []           # the timeout of each WDT made
feeds = [0]        # how often it was fed (a count: the heap harness feeds for hours of virtual time)


class Pin:
    IN = 0
    OUT = 1
    OPEN_DRAIN = 2
    PULL_UP = 1
    PULL_DOWN = 2

    def __init__(self, pin_id, mode=-1, pull=-1):
        self.pin_id = pin_id
        self.mode = mode
        self.pull = pull
        self.values = []
        pins.append(self)

    def value(self, v=None):
        if v is not None:
            self.values.append(v)


class ADC:
    raw = 14000   # about 26 C with the RP2040 formula

    def __init__(self, channel):
        self.channel = channel

    def read_u16(self):
        return ADC.raw


def unique_id():
    return b'\\xe6\\x61\\x41\\x03\\xe7\\xa1\\xb2\\xc3'


def reset_cause():
    return cause[0]


class WDT:
    def __init__(self, id=0, timeout=5000):
        wdt.append(timeout)

    def feed(self):
        feeds[0] += 1


class Timer:
    PERIODIC = 1
    ONE_SHOT = 0
    armed = []     # (period, callback) of the running timers

    def __init__(self, id=-1):
        self.period = None

    def init(self, period=-1, mode=PERIODIC, callback=None):
        self.period = period
        Timer.armed.append((period, callback))

    def deinit(self):
        self.period = None
'''

FAKE_DHT = '''
script = []        # per measure(): a (temperature, humidity) tuple or an exception instance
default = [None]   # the outcome once script is empty: None = no answer (OSError 110), or a tuple
measured_at = []   # clock.ticks_ms() at each measure(); set to None to keep no record (heap measurements)
clock = None


class _Base:
    def __init__(self, pin):
        self.pin = pin
        self._t = None
        self._h = None

    def measure(self):
        if measured_at is not None:
            measured_at.append(clock.ticks_ms() if clock is not None else None)
        outcome = script.pop(0) if script else (default[0] or OSError(110))
        if isinstance(outcome, Exception):
            raise outcome
        self._t, self._h = outcome

    def temperature(self):
        return self._t

    def humidity(self):
        return self._h


class DHT22(_Base):
    pass


class DHT11(_Base):
    pass
'''


# MicroPython's ssl API over a (fake) socket: the SSLSocket has read()/write() only, and read() gives None when it
# would block; it has no settimeout(), so the client sets the timeout on the raw socket.
FAKE_SSL = '''
PROTOCOL_TLS_CLIENT = 0
CERT_NONE = 0
CERT_REQUIRED = 2


class SSLSocket:
    def __init__(self, raw):
        self.raw = raw

    def write(self, data):
        self.raw.sendall(data)
        return len(data)

    def read(self, n):
        try:
            return self.raw.recv(n)
        except OSError as e:
            if e.args[0] == 11:
                return None
            raise

    def close(self):
        self.raw.close()


class SSLContext:
    def __init__(self, protocol):
        self.verify_mode = CERT_NONE
        self.hostnames = []  # server_hostname of each wrap_socket()

    def load_verify_locations(self, cafile=None, cadata=None):
        pass

    def wrap_socket(self, sock, server_hostname=None):
        self.hostnames.append(server_hostname)
        return SSLSocket(sock)
'''


def make_module(name, source):
    import types
    module = types.ModuleType(name)
    exec(compile(source, '<fake %s>' % name, 'exec'), module.__dict__)
    return module


def micropython_gc():
    """CPython's gc plus MicroPython's mem_free()/mem_alloc() (fixed figures), for firmware run under CPython."""
    import gc
    module = make_module('gc', 'def mem_free():\n    return 150000\n\n\ndef mem_alloc():\n    return 30000\n')
    for name in dir(gc):
        if not name.startswith('_'):
            setattr(module, name, getattr(gc, name))
    return module
