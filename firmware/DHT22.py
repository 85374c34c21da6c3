# DHT22.py - DHT22 / DHT11 sensor wrapper around MicroPython's frozen `dht` driver.
#
# The file keeps the name DHT22.py because the students' tutorial uses it; it handles the DHT11 too.
#   s = DHT22.Sensor('dht22', 15)
#   r = s.read()          # (temperature_c, humidity_pct) or None; s.last_error says why
import time
import machine
import dht

# kind: (minimum ms between reads, t_min, t_max, h_min, h_max)
# Reading faster than the minimum gives stale values or checksum errors (DHT22: one read per 2 s,
# DHT11: one per second). Ranges are the datasheet ranges: anything outside is a bad read.
KINDS = {
    'dht22': (2000, -40, 80, 0, 100),
    'dht11': (1000, 0, 50, 20, 90),
}

ETIMEDOUT = 110  # the C driver raises OSError(ETIMEDOUT) when the sensor does not answer

ERR_TIMEOUT = 'timeout: no answer from the sensor (wiring? pull-up?)'
ERR_CHECKSUM = 'checksum error'
ERR_IMPLAUSIBLE = 'implausible value'


class Sensor:
    def __init__(self, kind, pin_number, idle=None):
        kind = str(kind).lower()
        if kind not in KINDS:
            raise ValueError("sensor kind must be 'dht22' or 'dht11', not %r" % kind)
        self.kind = kind
        self.pin_number = pin_number
        self.idle = idle  # called while waiting for the sensor (the firmware feeds its watchdog there)
        self.min_interval_ms, self.t_min, self.t_max, self.h_min, self.h_max = KINDS[kind]
        # The rp2 driver drives the line open-drain and enables no pull-up. The internal pull-up
        # (~50 kOhm) is weak but helps a bare sensor; a module with its own 4.7-10 kOhm is better.
        pin = machine.Pin(pin_number, machine.Pin.IN, machine.Pin.PULL_UP)
        self._dev = dht.DHT22(pin) if kind == 'dht22' else dht.DHT11(pin)
        # The sensor needs time after power-up too: count creation as the last access.
        self._last_ms = time.ticks_ms()
        self.last_error = None

    def _wait_turn(self):
        """Sleep the rest of the minimum interval instead of reading early."""
        left = self.min_interval_ms - time.ticks_diff(time.ticks_ms(), self._last_ms)
        while left > 0:
            step = left if left < 100 else 100  # short slices: Ctrl-C lands quickly
            if self.idle is not None:
                self.idle()
            time.sleep_ms(step)
            left -= step

    def _read_once(self):
        self._wait_turn()
        try:
            self._dev.measure()
            t = self._dev.temperature()
            h = self._dev.humidity()
        except OSError as e:
            code = e.args[0] if e.args else None
            if code == ETIMEDOUT:
                self.last_error = ERR_TIMEOUT
            else:
                self.last_error = 'sensor I/O error %s' % (code,)
            return None
        except Exception as e:  # the frozen driver raises Exception('checksum error')
            text = str(e)
            self.last_error = ERR_CHECKSUM if 'checksum' in text else (text or type(e).__name__)
            return None
        finally:
            self._last_ms = time.ticks_ms()
        if t is None or h is None or not (self.t_min <= t <= self.t_max) \
                or not (self.h_min <= h <= self.h_max):
            self.last_error = '%s: %s C / %s %%RH is outside the %s range %d..%d C, %d..%d %%RH' % (
                ERR_IMPLAUSIBLE, t, h, self.kind, self.t_min, self.t_max, self.h_min, self.h_max)
            return None
        self.last_error = None
        return (t, h)

    def read(self, retry=True):
        """(temperature in C, relative humidity in %) or None; one retry after the minimum interval.

        retry=False when the caller's cycle is too short to wait the sensor's minimum interval again.
        """
        result = self._read_once()
        if result is None and retry:
            result = self._read_once()
        return result
