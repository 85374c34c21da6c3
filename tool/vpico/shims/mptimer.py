"""machine.Timer: software timers whose callbacks run on a helper thread (stopped at soft reset)."""
import threading as _threading

from . import _ctx
from ..serialport import helper_thread


class Timer:
    ONE_SHOT, PERIODIC = 0, 1

    def __init__(self, id=-1, *, mode=PERIODIC, period=-1, freq=None, tick_hz=1000, callback=None):
        self._thread = None
        self._stop = _threading.Event()
        if callback is not None:
            self.init(mode=mode, period=period, freq=freq, tick_hz=tick_hz, callback=callback)

    def init(self, *, mode=PERIODIC, period=-1, freq=None, tick_hz=1000, callback=None):
        self.deinit()
        if freq is not None:
            interval = 1.0 / freq
        else:
            interval = max(period, 0) / float(tick_hz)
        self._stop = _threading.Event()
        stop, board = self._stop, _ctx.board

        def run():
            while not stop.wait(interval):
                try:
                    callback(self)
                except Exception as e:            # printed like an uncaught scheduled callback
                    board.print_exception(e)
                if mode == Timer.ONE_SHOT:
                    return

        board.register_resource(self)
        self._thread = helper_thread(run, "machine.Timer")

    def deinit(self):
        self._stop.set()

    close = deinit
