"""Which board and which MicroPython release the virtual Pico plays (--board, --micropython-version).

Board facts come from the repository's board data, pinouts/<board>.json, the files picotool itself reads:
the MicroPython build name, sys.implementation._machine, Wi-Fi or not, the pins the board keeps for itself,
the LED, the watchdog's longest timeout, the default hostname and the filesystem size.

What changes with the MicroPython version, from MicroPython's history:
  sys.implementation._machine   since 1.19 (micropython/micropython#8588); older: only os.uname().machine
  sys.implementation._build     since 1.25 (micropython/micropython#16843), "<BOARD>[-<VARIANT>]"
  sys.implementation.version    a 4-tuple (major, minor, micro, prerelease) since 1.22, a 3-tuple before
The banner is MicroPython's "MicroPython v<version> on <build date>; <machine>"; the build date stays the
one of the 1.27.0 release for every version (the simulator has no other build to take it from).
"""
import json
import os
import re

PINOUTS = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "pinouts")
BOARDS = ("pico_w", "pico2_w", "pico")
DEFAULT_BOARD = "pico_w"
DEFAULT_VERSION = "1.27.0"
BUILD_DATE = "2025-12-10"
COMPILER = "GNU 14.2.0 MinSizeRel"
WL_GPIO0 = 30              # the wireless chip's GPIOs follow the RP2040's 30 in MicroPython's pin table
_VERSION = re.compile(r"^(\d{1,3})\.(\d{1,3})\.(\d{1,3})$")


def parse_version(text):
    """'1.19.1' -> (1, 19, 1); ValueError for anything that is not X.Y.Z."""
    m = _VERSION.match(text or "")
    if not m:
        raise ValueError("expected a MicroPython version X.Y.Z, e.g. 1.27.0")
    return tuple(int(g) for g in m.groups())


class Profile:
    def __init__(self, board=DEFAULT_BOARD, version=DEFAULT_VERSION):
        if board not in BOARDS:
            raise ValueError("unknown board %r (known: %s)" % (board, ", ".join(BOARDS)))
        with open(os.path.join(PINOUTS, board + ".json"), encoding="utf-8") as f:
            d = json.load(f)
        self.board = board
        self.machine = d["machine"]
        self.mcu = d["mcu"]
        self.build = d["micropythonBoard"]
        self.wireless = d["wireless"]
        self.wdt_max_ms = d["watchdog"]["maxTimeoutMs"]
        self.hostname = d["defaultHostname"]
        self.fs_bytes = d["flashFilesystemBytes"]
        self.temperature_channel = d["temperatureAdcChannel"]
        self.reserved = tuple(r["gpio"] for r in d["reserved"])
        self.header_gpios = tuple(p["gpio"] for p in d["pins"] if p.get("gpio") is not None)
        self.led_gpio = d["led"]["gpio"]           # None: the LED hangs on the wireless chip (WL_GPIO0)
        self.uf2_families = frozenset(int(f, 16) for f in d["uf2FamilyIds"])
        self.bootsel_info = d["bootselInfo"]       # INFO_UF2.TXT of the chip's bootrom (vpico/bootsel.py)
        self.version = parse_version(version)
        self.version_text = "%d.%d.%d" % self.version

    def booted(self, version, machine):
        """The profile after a UF2 was installed on this (hardware) profile's board: the UF2's MicroPython version
        and, when its banner names another board on the same chip, that build (the RPI_PICO build on a Pico W has
        no network module). A Wi-Fi build on a board without the wireless chip keeps the board's own profile."""
        board = self.board
        for other in BOARDS:
            if machine is not None and other != self.board:
                p = Profile(other, self.version_text)
                if p.machine == machine and p.mcu == self.mcu and (self.wireless or not p.wireless):
                    board = other
        return Profile(board, version or self.version_text)

    def machines_on_chip(self):
        """The banner machine names of every board built on this chip."""
        return [p.machine for p in (Profile(b, self.version_text) for b in BOARDS) if p.mcu == self.mcu]

    @property
    def version_line(self):
        return "MicroPython v%s on %s" % (self.version_text, BUILD_DATE)

    @property
    def banner(self):
        return self.version_line + "; " + self.machine + "\r\nType \"help()\" for more information.\r\n"

    def implementation(self):
        """(field names, values) of sys.implementation for this release."""
        names = ["name", "version"]
        values = ["micropython", self.version + ("",) if self.version >= (1, 22, 0) else self.version]
        if self.version >= (1, 19, 0):
            names.append("_machine")
            values.append(self.machine)
        names.append("_mpy")
        values.append(0x1306)          # .mpy 6.3, native arch ARMV6M (kept for every board and release)
        if self.version >= (1, 25, 0):
            names.append("_build")
            values.append(self.build)
        return names, values

    def uname(self):
        return ("rp2", "rp2", self.version_text, "v%s on %s (%s)" % (self.version_text, BUILD_DATE, COMPILER),
                self.machine)

    def pin_names(self):
        """MicroPython's board pin names: GPn for the header GPIOs, GPIOn for every CPU pin, the LED, and on
        the Wi-Fi boards the wireless chip's WL_GPIOn/EXT_GPIOn."""
        names = {"GP%d" % n: n for n in self.header_gpios}
        names.update({"GPIO%d" % n: n for n in range(30)})
        if self.led_gpio is None:
            names.update({"WL_GPIO%d" % n: WL_GPIO0 + n for n in range(3)})
            names.update({"EXT_GPIO%d" % n: WL_GPIO0 + n for n in range(3)})
            names["LED"] = WL_GPIO0
        else:
            names["GP%d" % self.led_gpio] = self.led_gpio
            names["LED"] = self.led_gpio
        return names


def current():
    """The profile of the running board (shims call this; the default profile outside a board)."""
    from .shims import _ctx
    board = _ctx.board
    profile = getattr(getattr(board, "config", None), "profile", None)
    return profile if profile is not None else _default()


_DEFAULT = []


def _default():
    if not _DEFAULT:
        _DEFAULT.append(Profile())
    return _DEFAULT[0]
