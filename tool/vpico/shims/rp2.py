"""rp2 module: dht_readinto (used by dht), country (deprecated alias), bootsel_button, stubs."""
import time as _time

from . import _ctx
from ..errors import MpOSError

__all__ = ["dht_readinto", "country", "bootsel_button", "Flash", "PIO", "StateMachine", "asm_pio"]


def dht_readinto(pin, buf):
    pin_id = getattr(pin, "id", pin)
    if not isinstance(pin_id, int):
        raise ValueError("invalid pin")
    _time.sleep(0.005)                       # start pulse + 40 bits take a few ms on the real wire
    _ctx.board.dht.readinto(pin_id, buf)


def country(code=None):
    from . import network
    return network.country(code)


def bootsel_button():
    return 0


class Flash:
    def __init__(self):
        raise MpOSError(19)      # ENODEV: the simulator has no raw flash block device


class PIO:
    def __init__(self, id):
        raise NotImplementedError("PIO is not simulated")


StateMachine = PIO


def asm_pio(*args, **kwargs):
    def wrap(fn):
        return fn
    return wrap
