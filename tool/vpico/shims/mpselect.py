"""select / uselect: MicroPython's poll() returns the registered *objects*, and sys.stdin (the serial
port; also sys.stdin.buffer) can be polled too - firmware uses that to read commands without blocking."""
import select as _select
import time as _time

from . import _ctx

__all__ = ["poll", "select", "POLLIN", "POLLOUT", "POLLERR", "POLLHUP"]

POLLIN, POLLOUT, POLLERR, POLLHUP = 0x1, 0x4, 0x8, 0x10
select = _select.select


class _Poll:
    def __init__(self):
        self._objs = {}          # id(obj) -> [obj, mask]

    def register(self, obj, eventmask=POLLIN | POLLOUT):
        self._objs[id(obj)] = [obj, eventmask]

    def unregister(self, obj):
        self._objs.pop(id(obj), None)

    def modify(self, obj, eventmask):
        if id(obj) not in self._objs:
            raise OSError(2)
        self._objs[id(obj)][1] = eventmask

    def _ready(self, wait_s):
        board = _ctx.board
        host = _select.poll()
        fds = {}
        out = []
        for obj, mask in self._objs.values():
            if obj in (board.stdin, board.stdout, getattr(board.stdin, "buffer", board.stdin)):
                ev = (POLLIN if mask & POLLIN and board.input.pending() else 0) | (mask & POLLOUT)
                if ev:
                    out.append((obj, ev))
                continue
            fd = obj.fileno()
            fds[fd] = obj
            host.register(fd, mask & (POLLIN | POLLOUT))
        if out or not fds:
            if not out and wait_s:
                _time.sleep(wait_s)
            return out
        return [(fds[fd], ev) for fd, ev in host.poll(wait_s * 1000)]

    def poll(self, timeout=-1):
        deadline = None if timeout is None or timeout < 0 else _time.monotonic() + timeout / 1000
        while True:
            left = 0.01 if deadline is None else max(0.0, min(0.01, deadline - _time.monotonic()))
            ready = self._ready(left)
            if ready or (deadline is not None and _time.monotonic() >= deadline):
                return ready

    def ipoll(self, timeout=-1, flags=0):
        return iter(self.poll(timeout))


def poll():
    return _Poll()
