"""gc module with MicroPython's mem_free()/mem_alloc()/threshold()."""
import gc as _gc

from . import _ctx
from .mpmicro import HEAP_TOTAL

__all__ = ["collect", "enable", "disable", "isenabled", "mem_free", "mem_alloc", "threshold"]

enable = _gc.enable
disable = _gc.disable
isenabled = _gc.isenabled
_threshold = [-1]


def collect():
    _gc.collect(0)
    return None


def mem_alloc():
    return _ctx.board.mem_alloc()


def mem_free():
    return HEAP_TOTAL - _ctx.board.mem_alloc()


def threshold(amount=None):
    if amount is None:
        return _threshold[0]
    _threshold[0] = int(amount)

for _name in dir(_gc):                      # plus CPython's gc functions
    if not _name.startswith("_") and _name not in globals():
        globals()[_name] = getattr(_gc, _name)
        __all__.append(_name)
