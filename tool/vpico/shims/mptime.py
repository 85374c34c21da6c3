"""time / utime: CPython's time plus MicroPython's ticks_* and sleep_ms/sleep_us.

ticks_* count from board power-on and wrap at 2**30 like MicroPython's small-int ticks
(MICROPY_PY_TIME_TICKS_PERIOD). Sleeps are real sleeps: a Ctrl-C from the host interrupts them
because the board delivers KeyboardInterrupt with a signal, which wakes time.sleep().
time() is an int, as on rp2 (no float time there); localtime()/gmtime() are MicroPython 8-tuples.
"""
import time as _t

from . import _ctx

__all__ = ["sleep", "sleep_ms", "sleep_us", "ticks_ms", "ticks_us", "ticks_cpu", "ticks_diff",
           "ticks_add", "time", "time_ns", "localtime", "gmtime", "mktime", "monotonic",
           "perf_counter", "struct_time"]

TICKS_PERIOD = 1 << 30
TICKS_MAX = TICKS_PERIOD - 1
TICKS_HALFPERIOD = TICKS_PERIOD >> 1
CPU_HZ = 125_000_000

monotonic = _t.monotonic
perf_counter = _t.perf_counter
struct_time = _t.struct_time


def _since_boot():
    return _t.monotonic() - _ctx.board.boot_monotonic


def sleep(seconds):
    if seconds > 0:
        _t.sleep(seconds)
    else:
        _t.sleep(0)


def sleep_ms(ms):
    sleep(ms / 1000.0)


def sleep_us(us):
    sleep(us / 1_000_000.0)


def ticks_ms():
    return int(_since_boot() * 1000) & TICKS_MAX


def ticks_us():
    return int(_since_boot() * 1_000_000) & TICKS_MAX


def ticks_cpu():
    return int(_since_boot() * CPU_HZ) & TICKS_MAX


def ticks_diff(end, start):
    return ((end - start + TICKS_HALFPERIOD) & TICKS_MAX) - TICKS_HALFPERIOD


def ticks_add(ticks, delta):
    return (ticks + delta) & TICKS_MAX


def _now():
    return _t.time() + _ctx.board.rtc_offset


def time():
    return int(_now())


def time_ns():
    return int(_now() * 1_000_000_000)


def _tuple8(st):
    return (st.tm_year, st.tm_mon, st.tm_mday, st.tm_hour, st.tm_min, st.tm_sec, st.tm_wday, st.tm_yday)


def gmtime(secs=None):
    return _tuple8(_t.gmtime(_now() if secs is None else secs))


def localtime(secs=None):
    # the board has no time zone: localtime == gmtime, like MicroPython on rp2
    return gmtime(secs)


def mktime(tup):
    import calendar
    y, mo, d, h, mi, s = tup[:6]
    return int(calendar.timegm((y, mo, d, h, mi, s, 0, 0, 0)))


# the rest of CPython's time module (strftime, monotonic_ns, ...) for convenience; the MicroPython
# names above keep MicroPython's behaviour
for _name in dir(_t):
    if not _name.startswith("_") and _name not in globals():
        globals()[_name] = getattr(_t, _name)
        __all__.append(_name)
