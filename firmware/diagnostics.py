# diagnostics.py - the board's health report: a retained JSON document on TOPIC_DIAGNOSTICS, published right after
# each connect and then every DIAGNOSTICS_INTERVAL_S. app.py imports this module only when that is not 0.
#
# {"uptime_s": 3600, "rssi_dbm": -48, "ip": "192.168.4.23", "heap_free": 150000, "heap_used": 30000,
#  "reset_cause": "power-on", "firmware": "0.1.0", "micropython": "1.27.0",
#  "wifi_reconnects": 0, "mqtt_reconnects": 1, "sensor_failures": 2}
#
# rssi_dbm and ip are null without a link. reset_cause is why the board last started: power-on, watchdog (on rp2
# also machine.reset(), which restarts the chip through its watchdog), hard reset, deep sleep or soft reset.
import gc
import time
import machine
import settings
import wifi
import app

# machine.reset_cause() values by name: the numbers differ between ports, the names do not (docs/library/machine.rst).
CAUSES = (('PWRON_RESET', 'power-on'), ('WDT_RESET', 'watchdog'), ('HARD_RESET', 'hard reset'),
          ('DEEPSLEEP_RESET', 'deep sleep'), ('SOFT_RESET', 'soft reset'))


def reset_cause():
    cause = machine.reset_cause()
    for name, words in CAUSES:
        if getattr(machine, name, None) == cause:
            return words
    return 'unknown (%d)' % cause


RESET_CAUSE = reset_cause()
# Uptime in ms, summed from ticks_ms() differences: ticks_ms() wraps after 2**30 ms (12.4 days) on MicroPython,
# and a board on a shelf runs for months. Updated at every report, far more often than ticks_ms() wraps.
_uptime = [time.ticks_ms(), time.ticks_ms()]


def uptime_s():
    now = time.ticks_ms()
    _uptime[0] += time.ticks_diff(now, _uptime[1])
    _uptime[1] = now
    return _uptime[0] // 1000


def _text(s):
    """A JSON string literal for our own short texts (versions, an IP address)."""
    return '"%s"' % s.replace('\\', '\\\\').replace('"', '\\"') if s is not None else 'null'


def document():
    gc.collect()  # free and used heap as the firmware needs it, not as garbage happens to lie around
    rssi = wifi.rssi()
    # Built by hand like the readings: the same text on MicroPython and CPython, and no json module needed.
    return ('{"uptime_s": %d, "rssi_dbm": %s, "ip": %s, "heap_free": %d, "heap_used": %d, "reset_cause": %s, '
            '"firmware": %s, "micropython": %s, "wifi_reconnects": %d, "mqtt_reconnects": %d, '
            '"sensor_failures": %d}') % (
        uptime_s(), 'null' if rssi is None else '%d' % rssi, _text(wifi.ip()), gc.mem_free(), gc.mem_alloc(),
        _text(RESET_CAUSE), _text(settings.FIRMWARE_VERSION), _text(app.MICROPYTHON),
        app.stats['wifi_reconnects'], app.stats['mqtt_reconnects'], app.stats['sensor_failures'])


def publish(client):
    client.publish(app.TOPIC_DIAGNOSTICS, document(), retain=True, qos=app.RETAINED_QOS)
