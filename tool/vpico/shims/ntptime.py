"""ntptime (frozen into the Pico W firmware): sets the RTC from NTP.

No NTP packet is sent and pool.ntp.org is not resolved: with Wi-Fi up the simulator takes the host's
clock (what NTP would give); without Wi-Fi it fails like the real module, whose getaddrinfo raises
OSError(-2).
"""
import time as _t

from . import _ctx
from ..errors import MpOSError

__all__ = ["host", "timeout", "time", "settime"]

host = "pool.ntp.org"
timeout = 1


def time():
    if not _ctx.board.radio.sta_up():
        raise MpOSError(-2)
    return int(_t.time())


def settime():
    t = time()
    _ctx.board.rtc_offset = t - _t.time()
