# wifi.py - join a Wi-Fi network on the Pico W with our own timeout and a human message per status.
#
# Why our own deadline: after wlan.connect() the CYW43 driver retries FOREVER, even with a wrong
# password or no access point in range, and status() may stay at 1 (joining) instead of ever
# reporting -3 or -2. So we poll status() until our deadline and then say what we last saw.
import time
import network

# wlan.status() values (raw CYW43 link status; network.STAT_* are aliases of these).
STAT_IDLE = 0            # CYW43_LINK_DOWN: link down / idle
STAT_CONNECTING = 1      # CYW43_LINK_JOIN: joining
STAT_NO_IP = 2           # CYW43_LINK_NOIP: associated, waiting for DHCP
STAT_GOT_IP = 3          # CYW43_LINK_UP: connected with an IP address
STAT_CONNECT_FAIL = -1   # CYW43_LINK_FAIL: other failure
STAT_NO_AP_FOUND = -2    # CYW43_LINK_NONET: SSID not found
STAT_WRONG_PASSWORD = -3  # CYW43_LINK_BADAUTH: authentication failed

STATUS_WORDS = {
    STAT_IDLE: 'link down (idle)',
    STAT_CONNECTING: 'joining',
    STAT_NO_IP: 'joined, waiting for an IP address (DHCP)',
    STAT_GOT_IP: 'connected',
    STAT_CONNECT_FAIL: 'connection failed',
    STAT_NO_AP_FOUND: 'network not found',
    STAT_WRONG_PASSWORD: 'wrong password',
}

# Power management word for wlan.config(pm=...): same packing as WLAN.PM_PERFORMANCE (0xa11142)
# but with mode 0 = power saving off. With power saving on, the Pico W is known to drop idle
# connections after a few minutes (micropython issue #9455), which looks like a dead MQTT link.
PM_NO_POWER_SAVE = 0xa11140

POLL_MS = 200  # status poll period; short so that Ctrl-C from a host tool lands quickly


class WifiError(Exception):
    """Joining failed. status = last wlan.status(); message/fix = human text."""

    def __init__(self, status, message, fix):
        super().__init__('%s (status %d). Fix: %s' % (message, status, fix))
        self.status = status
        self.message = message
        self.fix = fix


def status_words(status):
    return STATUS_WORDS.get(status, 'unknown status')


def explain(status, ssid, timeout_s):
    """(message, fix) for a failed join that ended with this status."""
    if status == STAT_WRONG_PASSWORD:
        return ("wrong password for '%s'" % ssid,
                'check the Wi-Fi password and flash again.')
    if status == STAT_NO_AP_FOUND:
        return ("network '%s' not found" % ssid,
                'check the SSID (case matters), that the access point is on and in range, and that '
                'it offers 2.4 GHz: the Pico W has no 5 GHz radio.')
    if status == STAT_CONNECT_FAIL:
        return ("connection to '%s' failed" % ssid,
                'power-cycle the board and the access point; check WIFI_COUNTRY allows its channel.')
    if status == STAT_NO_IP:
        return ("joined '%s' but got no IP address within %s s" % (ssid, timeout_s),
                "check that the router's DHCP server is on and has free addresses.")
    if status == STAT_CONNECTING:
        # The CYW43 keeps retrying a wrong password silently, so this is often a bad password too.
        return ("no answer from '%s' within %s s" % (ssid, timeout_s),
                'check the SSID and password (a wrong password can look like this), move the board '
                'closer to the access point, and make sure the network is 2.4 GHz.')
    if status == STAT_IDLE:
        return ("Wi-Fi link to '%s' stayed down for %s s" % (ssid, timeout_s),
                'power-cycle the board; if it persists, re-flash the MicroPython firmware.')
    return ("Wi-Fi join of '%s' ended with %s" % (ssid, status_words(status)),
            'power-cycle the board and try again.')


def _wlan():
    return network.WLAN(network.STA_IF)


def _ip(wlan):
    try:
        return wlan.ifconfig()[0]
    except Exception:  # very new firmware may drop ifconfig(); ipconfig() replaces it
        return wlan.ipconfig('addr4')[0]


def is_up():
    """True while the station interface has a link and an IP address."""
    try:
        wlan = _wlan()
        return wlan.isconnected() and wlan.status() == STAT_GOT_IP
    except Exception:
        return False


def status():
    try:
        return _wlan().status()
    except Exception:
        return STAT_IDLE


def ip():
    """The board's IP address, or None without a link."""
    try:
        return _ip(_wlan()) if is_up() else None
    except Exception:
        return None


def rssi():
    """The received signal strength in dBm (CYW43: WLAN.status('rssi')), or None without a link."""
    try:
        return _wlan().status('rssi') if is_up() else None
    except Exception:
        return None


def connect(ssid, password, country='XX', hostname=None, timeout_s=20, log=print, tick=None):
    """Join ssid and return the IP address as a string, or raise WifiError after timeout_s.
    tick() is called at every status poll (the firmware feeds its watchdog there)."""
    # Country and hostname must be set before the interface is activated (network docs).
    try:
        network.country(country or 'XX')
    except Exception:  # older firmware without network.country()
        pass
    if hostname:
        try:
            network.hostname(hostname)
        except Exception:  # older firmware: hostname stays the board default 'PicoW'
            pass
    wlan = _wlan()
    wlan.active(True)
    try:
        wlan.config(pm=PM_NO_POWER_SAVE)
    except Exception:
        pass
    log("[wifi] connecting to '%s' (timeout %s s)" % (ssid, timeout_s))
    if password:
        wlan.connect(ssid, password)
    else:
        wlan.connect(ssid)  # open network
    start = time.ticks_ms()
    st = wlan.status()
    while time.ticks_diff(time.ticks_ms(), start) < timeout_s * 1000:
        st = wlan.status()
        if st < 0 or (st == STAT_GOT_IP and wlan.isconnected()):
            break
        if tick is not None:
            tick()
        time.sleep_ms(POLL_MS)
    if st == STAT_GOT_IP and wlan.isconnected():
        ip = _ip(wlan)
        log('[wifi] connected, ip %s' % ip)
        return ip
    # Stop the driver's endless background retries before we report and back off.
    try:
        wlan.disconnect()
    except Exception:
        pass
    message, fix = explain(st, ssid, timeout_s)
    err = WifiError(st, message, fix)
    log('[wifi] FAILED: %s' % err)
    raise err


