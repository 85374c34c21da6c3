"""Registry of the modules a device program gets instead of CPython's (MicroPython names).

Each entry builds a fresh module object per soft-reboot session, so attributes a program sets on a
module vanish at soft reset as they would on the board. State that survives (Wi-Fi association,
watchdog, RTC) lives on the Board object.
"""
import importlib
import types

# name -> implementation module (relative to this package); u-prefixed aliases below
_IMPL = {
    "machine": ".machine", "network": ".network", "dht": ".dht", "rp2": ".rp2",
    "micropython": ".mpmicro", "time": ".mptime", "gc": ".mpgc", "os": ".mpos",
    "socket": ".mpsocket", "ssl": ".mpssl", "tls": ".mptls", "ntptime": ".ntptime",
    "select": ".mpselect",
}
_SESSION_BUILT = {"sys": "make_sys", "io": "make_io", "builtins": "make_builtins"}
# MicroPython's u-names for modules that are plain CPython stdlib here
_STDLIB_ALIASES = {
    "ubinascii": "binascii", "uhashlib": "hashlib", "ustruct": "struct", "ujson": "json",
    "uerrno": "errno", "urandom": "random", "ucollections": "collections",
    "ure": "re", "uheapq": "heapq", "uarray": "array", "uasyncio": "asyncio", "uzlib": "zlib",
}
_ALIASES = {"utime": "time", "uos": "os", "usocket": "socket", "ussl": "ssl", "usys": "sys",
            "uio": "io", "uselect": "select", "ubuiltins": "builtins"}


# modules a build only has on a board with the wireless chip (the plain Pico's RPI_PICO build has none)
_WIRELESS_ONLY = ("network",)


def is_shim(name):
    name = _ALIASES.get(name, name)
    if name in _WIRELESS_ONLY:
        from .. import profile
        if not profile.current().wireless:
            return False        # falls through to the flash, then ImportError: no module named 'network'
    return name in _IMPL or name in _SESSION_BUILT


def stdlib_alias(name):
    return _STDLIB_ALIASES.get(name)


def build(name, session):
    """A fresh module object for shim `name` (caller caches it per session)."""
    name = _ALIASES.get(name, name)
    if name in _SESSION_BUILT:
        from . import mpsys
        return getattr(mpsys, _SESSION_BUILT[name])(session)
    impl = importlib.import_module(_IMPL[name], __name__)
    mod = types.ModuleType(name)
    for attr in impl.__all__:
        setattr(mod, attr, getattr(impl, attr))
    return mod
