"""network module for the Pico W's CYW43 (extmod/network_cyw43.c, extmod/modnetwork.c), simulated.

status() codes are the raw CYW43 link states. Timelines after connect() (from --wifi / --wifi-down):
  right credentials:   1 (join) -> 2 (noip, DHCP) at 0.25 s -> 3 (up) at 0.5 s
  wrong password:      1 -> -3 (badauth) at 1.0 s
  unknown SSID / down: 1 -> -2 (nonet) at 1.5 s
Without any --wifi option every SSID/password is accepted. The real driver keeps retrying for ever
after -2/-3 (status may flip back to 1); the simulator settles instead so firmware tests are stable.
Association survives a soft reset (mod_network_deinit does nothing on rp2); a hard reset drops it.
"""
import time as _time

from . import _ctx
from ..errors import MpOSError

__all__ = ["WLAN", "STA_IF", "AP_IF", "STAT_IDLE", "STAT_CONNECTING", "STAT_CONNECT_FAIL",
           "STAT_NO_AP_FOUND", "STAT_WRONG_PASSWORD", "STAT_GOT_IP", "country", "hostname",
           "ipconfig"]

STA_IF, AP_IF = 0, 1
STAT_IDLE, STAT_CONNECTING, STAT_CONNECT_FAIL = 0, 1, -1
STAT_NO_AP_FOUND, STAT_WRONG_PASSWORD, STAT_GOT_IP = -2, -3, 3
LINK_NOIP = 2
_STATUS_NAMES = {0: "down", 1: "join", 2: "noip", 3: "up", -1: "fail", -2: "nonet", -3: "badauth"}
STA_IFCONFIG = ("192.168.4.23", "255.255.255.0", "192.168.4.1", "192.168.4.1")
AP_IFCONFIG = ("192.168.4.1", "255.255.255.0", "192.168.4.1", "192.168.4.1")
NO_IFCONFIG = ("0.0.0.0", "0.0.0.0", "0.0.0.0", "0.0.0.0")
HOSTNAME_MAX_LEN = 32
EPERM = 1


class Radio:
    """Board-level CYW43 state (one per power cycle)."""

    def __init__(self, hostname="PicoW"):
        self.country = "XX"
        self.hostname = hostname      # MICROPY_PY_NETWORK_HOSTNAME_DEFAULT of the board (pinouts/*.json)
        self.ifaces = {STA_IF: self._iface(), AP_IF: self._iface()}

    @staticmethod
    def _iface():
        return {"active": False, "ssid": None, "t0": None, "outcome": None, "static": None,
                "pm": WLAN.PM_PERFORMANCE, "key": None, "channel": 6}

    def sta_status(self):
        st = self.ifaces[STA_IF]
        if not st["active"] or st["t0"] is None:
            return STAT_IDLE
        dt = _time.monotonic() - st["t0"]
        if st["outcome"] == "ok":
            return STAT_CONNECTING if dt < 0.25 else LINK_NOIP if dt < 0.5 else STAT_GOT_IP
        if st["outcome"] == "badauth":
            return STAT_CONNECTING if dt < 1.0 else STAT_WRONG_PASSWORD
        return STAT_CONNECTING if dt < 1.5 else STAT_NO_AP_FOUND

    def sta_up(self):
        return self.sta_status() == STAT_GOT_IP


def _radio():
    return _ctx.board.radio


def _judge(ssid, key):
    cfg = _ctx.board.config
    if cfg.wifi_down:
        return "nonet"
    if cfg.wifi_ssid is None:
        return "ok"                              # no --wifi: accept anything
    if ssid != cfg.wifi_ssid:
        return "nonet"
    if cfg.wifi_password in (None, "") or (key or "") == cfg.wifi_password:
        return "ok"
    return "badauth"


class WLAN:
    PM_NONE = 0x10            # cyw43_pm_value(NO_POWERSAVE, 10, 0, 0, 0)
    PM_PERFORMANCE = 0xA11142  # cyw43_pm_value(PM2, 200, 1, 1, 10), the default
    PM_POWERSAVE = 0x11       # cyw43_pm_value(PM1, 10, 0, 0, 0)
    IF_STA, IF_AP = STA_IF, AP_IF
    SEC_OPEN, SEC_WPA_WPA2 = 0, 0x00400004

    def __init__(self, interface_id=STA_IF):
        if interface_id not in (STA_IF, AP_IF):
            raise ValueError("invalid interface")
        self._if = interface_id
        self._st = _radio().ifaces[interface_id]

    def active(self, is_active=None):
        if is_active is None:
            return self._st["active"]
        self._st["active"] = bool(is_active)
        if not is_active:
            self._st["t0"] = None

    def connect(self, ssid=None, key=None, *, bssid=None, security=None, channel=None, auth=None):
        if self._if != STA_IF:
            raise MpOSError(EPERM)
        if not self._st["active"]:
            raise MpOSError(EPERM)                 # cyw43_wifi_join refuses while the STA is down
        if ssid is None:
            raise TypeError("ssid required")
        self._st.update(ssid=str(ssid), t0=_time.monotonic(), outcome=_judge(str(ssid), key))
        _ctx.board.log("wlan: connect %r -> %s" % (ssid, self._st["outcome"]))

    def disconnect(self):
        self._st["t0"] = None

    def status(self, param=None):
        if param is None:
            return _radio().sta_status() if self._if == STA_IF else (3 if self._st["active"] else 0)
        if param == "rssi":
            if not self.isconnected():
                raise MpOSError(EPERM)
            return -48
        if param == "stations":
            return []
        raise ValueError("unknown status param")

    def isconnected(self):
        if self._if == AP_IF:
            return False
        return _radio().sta_up()

    def ifconfig(self, config=None):
        if config is not None:
            if config == "dhcp":
                self._st["static"] = None
            else:
                self._st["static"] = tuple(config)
            return None
        if self._if == AP_IF:
            return AP_IFCONFIG if self._st["active"] else NO_IFCONFIG
        if not self.isconnected():
            return self._st["static"] or NO_IFCONFIG
        return self._st["static"] or STA_IFCONFIG

    def ipconfig(self, *args, **kwargs):
        if args and args[0] == "addr4":
            ip, mask = self.ifconfig()[:2]
            return (ip, mask)
        if args and args[0] == "dhcp4":
            return self._st["static"] is None
        return None

    def config(self, *args, **kwargs):
        if args:
            p = args[0]
            if p == "mac":
                return b"\x28\xcd\xc1" + bytes(_ctx.board.config.board_id[-3:])
            if p in ("ssid", "essid"):
                return self._st["ssid"] or ("PICO" + _ctx.board.config.board_id.hex()[-4:].upper()
                                            if self._if == AP_IF else "")
            if p == "pm":
                return self._st["pm"]
            if p == "hostname":
                return _radio().hostname
            if p == "channel":
                return self._st["channel"]
            if p == "txpower":
                return 31
            if p == "security":
                return self.SEC_WPA_WPA2
            raise ValueError("unknown config param")
        for k, v in kwargs.items():
            if k == "hostname":
                hostname(v)
            elif k in ("ssid", "essid"):
                self._st["ssid"] = v
            elif k in ("key", "password"):
                self._st["key"] = v
            elif k in ("pm", "channel"):
                self._st[k] = int(v)
            elif k not in ("txpower", "security", "antenna", "monitor", "trace"):
                raise ValueError("unknown config param")

    def scan(self):
        cfg = _ctx.board.config
        nets = [(b"Neighbour-5G", b"\x3c\x84\x6a\x11\x22\x33", 36, -81, 5, 0)]
        if not cfg.wifi_down and cfg.wifi_ssid:
            nets.insert(0, (cfg.wifi_ssid.encode(), b"\x3c\x84\x6a\x01\x02\x03", 6, -52,
                            0 if not cfg.wifi_password else 5, 0))
        return nets

    def deinit(self):
        self.active(False)

    def __repr__(self):
        st = _radio().sta_status() if self._if == STA_IF else (3 if self._st["active"] else 0)
        ip = self.ifconfig()[0]
        return "<CYW43 %s %s %s>" % ("STA" if self._if == STA_IF else "AP", _STATUS_NAMES[st], ip)


def country(code=None):
    if code is None:
        return _radio().country
    if not isinstance(code, str) or len(code) != 2:
        raise ValueError("invalid country code")
    _radio().country = code


def hostname(name=None):
    if name is None:
        return _radio().hostname
    if len(name) > HOSTNAME_MAX_LEN:
        raise ValueError("hostname too long")
    _radio().hostname = name


def ipconfig(*args, **kwargs):
    if args and args[0] == "prefer":
        return 4
    return None
