"""machine module of a Pico W (rp2 port), simulated; --board pico / pico2_w change what the data says.

Pins follow ports/rp2 machine_pin.c: ints 0-29 and CPU names GPIOn always resolve (Pin(25) works on a
real Pico W too, but GP23/24/25/29 belong to the CYW43 Wi-Fi chip, so the *board* names 'GP23', 'GP24',
'GP25', 'GP29' do not exist: ValueError('unknown named pin "GP25"')). 'LED' is the Wi-Fi chip's
WL_GPIO0 (EXT_GPIO0), not GPIO25 as on the plain Pico. The board names, the LED and the watchdog's
longest timeout come from pinouts/<board>.json (vpico/profile.py).
"""
import random as _random

from . import _ctx
from .. import profile as _profile

__all__ = ["Pin", "Signal", "ADC", "PWM", "WDT", "RTC", "Timer", "unique_id", "reset", "soft_reset",
           "reset_cause", "freq", "idle", "lightsleep", "deepsleep", "bootloader", "disable_irq",
           "enable_irq", "time_pulse_us", "PWRON_RESET", "WDT_RESET", "mem8", "mem16", "mem32"]

PWRON_RESET = 1
WDT_RESET = 3


def _pin_id(id):
    if isinstance(id, Pin):
        return id.id
    if isinstance(id, str):
        names = _profile.current().pin_names()
        if id in names:
            return names[id]
        raise ValueError('unknown named pin "%s"' % id)
    if isinstance(id, int) and 0 <= id < 30:
        return id
    raise ValueError("invalid pin")


class Pin:
    IN, OUT, OPEN_DRAIN, ALT = 0, 1, 2, 3
    PULL_UP, PULL_DOWN = 1, 2
    IRQ_FALLING, IRQ_RISING = 4, 8
    ALT_SPI, ALT_UART, ALT_I2C, ALT_PWM, ALT_SIO = 1, 2, 3, 4, 5

    def __init__(self, id, mode=None, pull=None, *, value=None, alt=None, **kwargs):
        self.id = _pin_id(id)
        st = _ctx.board.pin_state(self.id)
        self._st = st
        if self.id in _profile.current().reserved:
            _ctx.board.log("warning: Pin(%d) is used by the board itself (pinouts/%s.json)"
                           % (self.id, _profile.current().board))
        if mode is not None or pull is not None or value is not None:
            self.init(mode, pull, value=value)

    def init(self, mode=None, pull=None, *, value=None, alt=None, **kwargs):
        if mode is not None:
            if mode not in (0, 1, 2, 3):
                raise ValueError("invalid pin mode")
            self._st["mode"] = mode
        if pull is not None or mode is not None:
            self._st["pull"] = pull
        if value is not None:
            self._st["value"] = 1 if value else 0

    def value(self, x=None):
        if x is not None:
            self._st["value"] = 1 if x else 0
            return None
        st = self._st
        if st["mode"] in (Pin.OUT, Pin.OPEN_DRAIN):
            return st["value"]
        if _ctx.board.dht_line_high(self.id):
            return 1                      # the sensor's pull-up keeps its data line high when idle
        return 1 if st["pull"] == Pin.PULL_UP else 0

    __call__ = value

    def on(self):
        self.value(1)

    def off(self):
        self.value(0)

    high = on
    low = off

    def toggle(self):
        self._st["value"] ^= 1

    def mode(self, mode=None):
        if mode is None:
            return self._st["mode"]
        self.init(mode)

    def pull(self, pull=None):
        if pull is None:
            return self._st["pull"]
        self._st["pull"] = pull

    def irq(self, handler=None, trigger=IRQ_FALLING | IRQ_RISING, hard=False):
        self._st["irq"] = handler       # never fires: nothing drives inputs in the simulator
        return None

    def __repr__(self):
        name = "EXT_GPIO%d" % (self.id - 30) if self.id >= 30 else "GPIO%d" % self.id
        mode = {0: "IN", 1: "OUT", 2: "OPEN_DRAIN", 3: "ALT"}.get(self._st["mode"], "IN")
        pull = {1: ", pull=PULL_UP", 2: ", pull=PULL_DOWN"}.get(self._st["pull"], "")
        return "Pin(%s, mode=%s%s)" % (name, mode, pull)


class Signal:
    def __init__(self, pin, *args, invert=False, **kwargs):
        self._pin = pin if isinstance(pin, Pin) else Pin(pin, *args, **kwargs)
        self._invert = bool(invert)

    def value(self, x=None):
        if x is None:
            return self._pin.value() ^ self._invert
        self._pin.value(bool(x) ^ self._invert)

    __call__ = value

    def on(self):
        self.value(1)

    def off(self):
        self.value(0)


def _temp_to_u16(temp_c):
    """Inverse of T = 27 - (V - 0.706) / 0.001721 with V = raw * 3.3 / 65535, through a 12-bit ADC."""
    volts = 0.706 - (temp_c - 27.0) * 0.001721
    raw12 = max(0, min(4095, int(round(volts / 3.3 * 4095))))
    return (raw12 << 4) | (raw12 >> 8)        # how rp2 scales 12-bit samples to read_u16()


class ADC:
    CORE_TEMP = 4

    def __init__(self, id, **kwargs):
        if isinstance(id, Pin):
            id = id.id
        if isinstance(id, str):
            id = _pin_id(id)
        if id in (26, 27, 28, 29):
            id -= 26
        if not isinstance(id, int) or not 0 <= id <= 4:
            raise ValueError("invalid pin")
        self.channel = id

    def read_u16(self):
        if self.channel == 4:
            return _temp_to_u16(_ctx.board.config.internal_temp + _random.uniform(-0.3, 0.3))
        if self.channel == 3:
            return _temp_volts(5.0 / 3)          # VSYS/3 with USB power
        return _random.randint(200, 700)          # floating input picks up noise

    def __repr__(self):
        return "<ADC channel=%d>" % self.channel


def _temp_volts(v):
    raw12 = int(round(v / 3.3 * 4095))
    return (raw12 << 4) | (raw12 >> 8)


class PWM:
    def __init__(self, dest, *, freq=None, duty_u16=None, duty_ns=None, invert=False):
        self._pin = dest if isinstance(dest, Pin) else Pin(dest)
        self._freq, self._duty = freq or 1000, duty_u16 or 0

    def freq(self, value=None):
        if value is None:
            return self._freq
        self._freq = int(value)

    def duty_u16(self, value=None):
        if value is None:
            return self._duty
        self._duty = int(value)

    def deinit(self):
        self._duty = 0


class WDT:
    """ports/rp2/machine_wdt.c: feed() is all there is; nothing in MicroPython stops it again."""

    def __init__(self, id=0, timeout=5000):
        if id != 0:
            raise ValueError("WDT(%d) doesn't exist" % id)
        timeout = _int_truncated(timeout)           # a uint32_t there: a negative timeout is huge
        longest = _profile.current().wdt_max_ms
        if timeout > longest:
            raise ValueError("timeout exceeds %d" % longest)
        _ctx.board.watchdog.start(timeout)

    def feed(self):
        _ctx.board.watchdog.feed()


def _int_truncated(x):
    """mp_obj_get_int_truncated: ints (and bools) wrap to 32 bits, anything else is a TypeError."""
    if isinstance(x, int):
        return int(x) & 0xFFFFFFFF
    raise TypeError("can't convert %s to int" % type(x).__name__)


class _Mem:
    """machine.mem8/16/32 (extmod/machine_mem.c): raw loads and stores at an address. Only the watchdog
    block is modelled (vpico/watchdog.py); other addresses read 0 and ignore writes, where a real board
    reads the register or hard-faults on an unmapped address."""

    def __init__(self, size):
        self._size = size

    def _addr(self, index):
        addr = _int_truncated(index)
        if addr & (self._size - 1):
            raise ValueError("address %08x is not aligned to %d bytes" % (addr, self._size))
        return addr

    def __getitem__(self, index):
        value = _ctx.board.mem_read(self._addr(index), self._size)
        # mp_obj_new_int() of the uint32_t on a 32-bit port: bit 31 set reads back negative
        return value - (1 << 32) if self._size == 4 and value & 0x80000000 else value

    def __setitem__(self, index, value):
        addr = self._addr(index)
        _ctx.board.mem_write(addr, self._size, _int_truncated(value) & ((1 << 8 * self._size) - 1))

    def __delitem__(self, index):
        raise TypeError("'mem' object doesn't support item deletion")

    def __repr__(self):
        return "<%d-bit memory>" % (8 * self._size)


mem8, mem16, mem32 = _Mem(1), _Mem(2), _Mem(4)


class RTC:
    def datetime(self, dt=None):
        from . import mptime
        if dt is None:
            y, mo, d, h, mi, s, wd, yd = mptime.gmtime()
            return (y, mo, d, wd, h, mi, s, 0)
        y, mo, d, wd, h, mi, s = dt[:7]
        import calendar
        import time
        _ctx.board.rtc_offset = calendar.timegm((y, mo, d, h, mi, s, 0, 0, 0)) - time.time()


from .mptimer import Timer  # noqa: E402  (kept in its own module for size)


def unique_id():
    return _ctx.board.config.board_id


def reset():
    _ctx.board.hard_reset_now()


def soft_reset():
    raise SystemExit


def reset_cause():
    return _ctx.board.reset_cause


_freq = [125_000_000]


def freq(hz=None, *args):
    if hz is None:
        return _freq[0]
    _freq[0] = int(hz)


def idle():
    import time
    time.sleep(0.001)


def lightsleep(ms=None):
    import time
    time.sleep((ms or 0) / 1000)


def deepsleep(ms=None):
    lightsleep(ms)
    _ctx.board.hard_reset_now()


def bootloader():
    # BOOTSEL mode: the port vanishes and a drive appears (--bootsel DIR); without a drive to play, a power cycle
    _ctx.board.enter_bootloader()


def disable_irq():
    return 0


def enable_irq(state=0):
    return None


def time_pulse_us(pin, pulse_level, timeout_us=1000000):
    return -2        # timed out waiting for the pulse: nothing drives simulated inputs
