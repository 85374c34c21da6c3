"""The virtual Pico's cost model: how long the serial link and the REPL take (tool/virtual-pico --cost-model).

Off by default. It exists so that picotool's flash can be tuned without a board; its figures are a model built
from measurements on rp2 firmware (see CostModel), not a measurement of this simulator.
"""
import threading
import time


class CostModel:
    """How long the serial link and the REPL take on a board (the --cost-model flags). A model with defaults from
    figures measured on rp2 firmware (issue 11; /work/shared/reference/wave2-facts.md section 2), not a measurement:

    - serial_bytes_per_s: host -> board bytes reach the board's stdin at most this fast (66 KB/s: what
      sys.stdin.buffer.readinto() took in); the reader stops taking bytes meanwhile, so the host's writes block,
      as USB flow control makes them;
    - exec_delay_ms: each raw REPL exec starts this much later (an empty exec took 10-15 ms in plain raw REPL);
    - paste_window_ms: raw-paste's answer to the request and every window credit reach the host this much later
      (raw-paste carried code at about 16 KB/s, an empty raw-paste exec took 20-30 ms).
    All zero (the default) is the plain simulator: no delays.
    """
    DEFAULTS = {"serial_bytes_per_s": 66000, "exec_delay_ms": 12, "paste_window_ms": 14}

    def __init__(self, serial_bytes_per_s=0, exec_delay_ms=0, paste_window_ms=0):
        self.serial_bytes_per_s = serial_bytes_per_s
        self.exec_delay_s = exec_delay_ms / 1000.0
        self.paste_window_s = paste_window_ms / 1000.0

    def describe(self):
        return "%d bytes/s, exec delay %d ms, raw-paste window round trip %d ms" % (
            self.serial_bytes_per_s, self.exec_delay_s * 1000, self.paste_window_s * 1000)

    @staticmethod
    def pause(seconds):
        if seconds > 0:
            time.sleep(seconds)


class Pacer:
    """Hands the board its input no faster than CostModel.serial_bytes_per_s, in slices of about 2 ms.

    Time is kept on a schedule (a slice arrives when the one before it has), so a late wake-up is caught up
    instead of lowering the rate; a link that was idle starts a new schedule.
    """
    SLICE_S = 0.002
    IDLE_S = 0.02

    def __init__(self, feed, bytes_per_s, clock=time.monotonic, sleep=time.sleep):
        self._feed = feed
        self._rate = bytes_per_s
        self._clock = clock
        self._sleep = sleep
        self._next = 0.0
        self._lock = threading.Lock()

    def feed(self, data):
        if not self._rate:
            self._feed(data)
            return
        step = max(1, int(self._rate * self.SLICE_S))
        with self._lock:
            for i in range(0, len(data), step):
                chunk = data[i:i + step]
                now = self._clock()
                start = self._next if now - self._next < self.IDLE_S else now
                self._next = start + len(chunk) / self._rate
                if self._next > now:
                    self._sleep(self._next - now)
                self._feed(chunk)
