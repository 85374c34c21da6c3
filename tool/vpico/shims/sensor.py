"""The simulated DHT22 / DHT11 on the sensor pin: produces the 5 raw bytes the real sensor sends.

Decoding happens in the dht module exactly as MicroPython's drivers/dht/dht.py does, so reading a
DHT11 with dht.DHT22 gives the same nonsense as on hardware. Physics modelled:
- no sensor / wrong pin: the start pulse gets no answer -> OSError(ETIMEDOUT) (110) from dht_readinto;
- the sensor measures when it is read and hands out that measurement on the *next* read; reads closer
  than the minimum interval (2 s DHT22, 1 s DHT11) return the previous data again (stale);
- --dht22-fail-rate R: with probability R a read has a corrupted checksum byte -> "checksum error";
- --dht22-hang: the read never returns, like a driver stuck in C: Ctrl-C cannot end it, a reset can.
"""
import random
import time

from . import _ctx
from ..errors import MpOSError

ETIMEDOUT = 110


class DhtSensor:
    def __init__(self, kind, temp, hum, pin, absent=False, fail_rate=0.0, hang=False):
        self.kind = kind                  # "dht22" or "dht11"
        self.temp, self.hum = temp, hum
        self.pin = pin
        self.absent = absent
        self.fail_rate = fail_rate
        self.hang = hang
        self._last_read = None
        self._last_bytes = None

    @property
    def min_interval(self):
        return 1.0 if self.kind == "dht11" else 2.0

    def _sample(self):
        if self.kind == "dht11":
            t = int(round(self.temp + random.uniform(-0.4, 0.4)))
            h = int(round(self.hum + random.uniform(-0.4, 0.4)))
            data = [max(0, min(255, h)), 0, max(0, min(255, t)), 0]
        else:
            t = self.temp + random.uniform(-0.2, 0.2)
            h = max(0.0, min(100.0, self.hum + random.uniform(-0.2, 0.2)))
            h10, t10 = int(round(h * 10)), int(round(abs(t) * 10))
            data = [h10 >> 8, h10 & 0xFF, ((t10 >> 8) & 0x7F) | (0x80 if t < 0 else 0), t10 & 0xFF]
        data.append(sum(data) & 0xFF)
        return bytes(data)

    def line_high(self, pin):
        return not self.absent and pin == self.pin

    def readinto(self, pin, buf):
        if self.hang and pin == self.pin:
            _ctx.board.native_hang()
        if self.absent or pin != self.pin:
            raise MpOSError(ETIMEDOUT)
        now = time.monotonic()
        if self._last_bytes is None or now - self._last_read >= self.min_interval:
            self._last_bytes = self._sample()
            self._last_read = now
        data = bytearray(self._last_bytes)
        if self.fail_rate and random.random() < self.fail_rate:
            data[4] ^= 0x5A                       # a bit error on the wire
        buf[0:5] = data
