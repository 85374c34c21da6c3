# app.py - the picotool firmware: join Wi-Fi, connect to the MQTT broker, publish readings for ever.
#
# The same code runs on every board: every value comes from settings.py, which picotool writes. Optional
# features live in their own modules and are imported only when settings.py turns them on, so a feature that is
# off costs no RAM: DHT22.py (SENSOR_TYPE), tlscontext.py + ssl (MQTT_TLS), hadiscovery.py + json
# (HA_DISCOVERY_PREFIX), diagnostics.py (DIAGNOSTICS_INTERVAL_S), statusled.py (STATUS_LED); mqtterrors.py loads
# on the first MQTT failure. picotool reads the lines printed here: see README.md beside this file before changing
# one.
import sys
import time
import random
import binascii
import machine
import settings
import wifi
import picomqtt

BOARD_ID = binascii.hexlify(machine.unique_id()).decode()


def expand(text):
    """A name or topic of this board: {id} is the board's unique id in hex, {id4} its last 4 digits."""
    return text.replace('{id4}', BOARD_ID[-4:]).replace('{id}', BOARD_ID)


NAME = expand(settings.DEVICE_NAME)


def topic(text):
    """A topic of this board: expand(), and {name} is the device name."""
    return expand(text).replace('{name}', NAME)


TOPIC_INTERNAL = topic(settings.TOPIC_INTERNAL)
TOPIC_TEMPERATURE = topic(settings.TOPIC_TEMPERATURE)
TOPIC_HUMIDITY = topic(settings.TOPIC_HUMIDITY)
TOPIC_STATUS = topic(settings.TOPIC_STATUS)
TOPIC_DIAGNOSTICS = topic(settings.TOPIC_DIAGNOSTICS)
CLIENT_ID = settings.MQTT_CLIENT_ID or 'pico-' + BOARD_ID
MICROPYTHON = '%d.%d.%d' % sys.implementation.version[:3]
QOS = settings.MQTT_QOS
JSON_PAYLOAD = settings.PAYLOAD_FORMAT == 'json'
# Retained state (online/offline, discovery) always goes at QoS 1: MQTT 3.1.1 lets a broker drop retained QoS 0
# messages (Moquette, picotool's own broker, does), and a missing 'online' or discovery config is confusing.
RETAINED_QOS = 1
SLICE_MS = 100        # sleep granularity: Ctrl-C from a host tool must land within a fraction of a second
GRACE_MS = 2000       # start-up delay before anything blocks (see main)
INTERVAL_MS = int(settings.PUBLISH_INTERVAL_S * 1000)
# After the broker comes back, readings resume within two intervals or 5 s, whichever is longer: the reconnect
# backoff doubles (with jitter) while the broker stays away, but never beyond half of that bound.
RECOVERY_MS = max(2 * INTERVAL_MS, 5000)
MAX_BACKOFF_MS = min(60000, RECOVERY_MS // 2)
WIFI_MAX_BACKOFF_S = 60
# Every blocking network step ends within NET_TIMEOUT_S, well inside one watchdog period (fed between steps).
NET_TIMEOUT_S = max(1, min(10, (settings.WATCHDOG_MS - 2000) // 1000)) if settings.WATCHDOG_MS else 10
# Counters for the health report (diagnostics.py).
stats = {'wifi_reconnects': 0, 'mqtt_reconnects': 0, 'sensor_failures': 0}
_wdt = None
_led = None      # statusled when STATUS_LED is on
_ha = None       # hadiscovery once it is imported
_diag = None     # diagnostics when DIAGNOSTICS_INTERVAL_S is set
_joined = [0, 0]  # successful Wi-Fi joins, MQTT connects: the counts after the first are reconnects


class LinkLost(Exception):
    pass


def feed():
    """Feed the watchdog; called in every loop and between the blocking steps."""
    if _wdt is not None:
        _wdt.feed()


def start_watchdog():
    """machine.WDT: once started it cannot be stopped, and resets the board when not fed in time
    (docs/library/machine.WDT.rst). Started after the grace delay, so a Ctrl-C during it leaves none running."""
    global _wdt
    if settings.WATCHDOG_MS and _wdt is None:
        _wdt = machine.WDT(timeout=settings.WATCHDOG_MS)
        print('[picotool] watchdog on: the board restarts if the firmware hangs for %d ms' % settings.WATCHDOG_MS)


def led(state):
    """'connecting', 'connected' or 'error' on the status LED, when it is on."""
    if _led is not None:
        _led.show(state)


def sleep_ms(ms):
    """Sleep in short slices so that a KeyboardInterrupt (Ctrl-C) is handled quickly; feed the watchdog."""
    while ms > 0:
        step = SLICE_MS if ms > SLICE_MS else ms
        feed()
        time.sleep_ms(step)
        ms -= step


def backoff_ms(failures):
    """The wait before reconnect number failures + 1: 1 s doubling up to MAX_BACKOFF_MS, its upper half random so
    that boards which lost the same broker do not all come back in the same instant."""
    full = min(MAX_BACKOFF_MS, 1000 << min(failures, 7))
    return full // 2 + (full // 2) * random.getrandbits(8) // 255


def internal_temperature():
    # RP2040 sensor on ADC 4: Vbe = 0.706 V at 27 C and falls 1.721 mV per degree (RP2040 datasheet, 4.9.5).
    volts = machine.ADC(4).read_u16() * 3.3 / 65535
    return 27 - (volts - 0.706) / 0.001721 + settings.INTERNAL_TEMPERATURE_OFFSET


def payload(value, unit):
    text = '%.1f' % value
    if text == '-0.0':  # '%.1f' % -0.04 is '-0.0' on MicroPython as on CPython; a reading of zero is 0.0
        text = '0.0'
    if JSON_PAYLOAD:
        # Built by hand so the text is identical on MicroPython and CPython (key order, no \u escapes), and so
        # plain and JSON payloads need no json module.
        return '{"value": %s, "unit": "%s"}' % (text, unit)
    return text


def publish_reading(client, topic, value, unit):
    text = payload(value, unit)
    client.publish(topic, text, retain=False, qos=QOS)
    print('[pub] %s %s' % (topic, text))


def make_client():
    ctx = None
    if settings.MQTT_TLS:
        import tlscontext  # ssl and its context only when TLS is on
        ctx = tlscontext.context()
    client = picomqtt.MQTTClient(CLIENT_ID, settings.MQTT_HOST, settings.MQTT_PORT,
                                 user=settings.MQTT_USER, password=settings.MQTT_PASSWORD,
                                 keepalive=settings.MQTT_KEEPALIVE_S, ssl_context=ctx,
                                 server_hostname=settings.MQTT_HOST)
    client.tick = feed
    return client


def connect_mqtt():
    global _ha, _diag
    client = make_client()
    # The broker publishes this for us if we vanish without DISCONNECT (power loss, Wi-Fi drop).
    client.set_last_will(TOPIC_STATUS, 'offline', retain=True, qos=RETAINED_QOS)
    print("[mqtt] connecting to %s:%d as '%s'" % (settings.MQTT_HOST, settings.MQTT_PORT, CLIENT_ID))
    client.connect(timeout_s=NET_TIMEOUT_S)
    print('[mqtt] connected')
    if _joined[1]:
        stats['mqtt_reconnects'] += 1
    _joined[1] += 1
    client.publish(TOPIC_STATUS, 'online', retain=True, qos=RETAINED_QOS)
    if settings.HA_DISCOVERY_PREFIX:
        import hadiscovery  # json and the discovery code only when discovery is on
        _ha = hadiscovery
        hadiscovery.listen(client)
        hadiscovery.publish(client)
    if settings.DIAGNOSTICS_INTERVAL_S:
        import diagnostics  # the health report only when it is on
        _diag = diagnostics
        diagnostics.publish(client)
    return client


def explain(e):
    """'<human reason> (<detail>). Fix: ...' for the [mqtt] FAILED line. The explanations are long texts a healthy
    board never needs, so they are imported on the first failure only."""
    try:
        import mqtterrors
    except MemoryError:  # too little RAM left to load the texts: still say what failed, and keep going
        return 'out of memory while explaining %s: %s. Fix: the board retries.' % (type(e).__name__, e)
    return mqtterrors.explain(e, CLIENT_ID)


def run(client, sensor):
    """Publish every PUBLISH_INTERVAL_S; keep the MQTT link alive. Returns only by raising."""
    ping_ms = int(settings.MQTT_KEEPALIVE_S * 1000) // 2  # well inside the broker's 1.5 x keepalive
    diag_ms = settings.DIAGNOSTICS_INTERVAL_S * 1000
    last_pub = None
    last_ping = last_diag = time.ticks_ms()  # connect_mqtt has just sent the first health report
    while True:
        feed()
        now = time.ticks_ms()
        if not wifi.is_up():
            st = wifi.status()
            raise LinkLost('link lost (status %d: %s)' % (st, wifi.status_words(st)))
        if last_pub is None or time.ticks_diff(now, last_pub) >= INTERVAL_MS:
            last_pub = now
            publish_reading(client, TOPIC_INTERNAL, internal_temperature(), '°C')
            if sensor is not None:
                read_sensor(client, sensor)
        if _diag is not None and time.ticks_diff(now, last_diag) >= diag_ms:
            last_diag = now
            _diag.publish(client)
        if _ha is not None and _ha.wanted:  # Home Assistant (re)started: announce the sensors again
            _ha.publish(client)
        if ping_ms > 0 and time.ticks_diff(now, last_ping) >= ping_ms:
            last_ping = now
            client.ping()
        client.poll()
        time.sleep_ms(SLICE_MS)


def make_sensor():
    """None without a sensor; a DHT22.Sensor; or, when it cannot be set up, the reason as a string."""
    if not settings.SENSOR_TYPE:
        return None
    import DHT22  # outside the try: a missing driver file is a flash fault and shows as a traceback
    try:
        return DHT22.Sensor(settings.SENSOR_TYPE, settings.SENSOR_PIN, idle=feed)
    except Exception as e:
        return 'cannot set up the sensor: %s' % e


def read_sensor(client, sensor):
    label = '[sensor] %s on %s' % (settings.SENSOR_TYPE, settings.SENSOR_PIN_NAME)
    if isinstance(sensor, str):  # the sensor could not even be set up; sensor holds the reason
        stats['sensor_failures'] += 1
        print('%s: read failed (%s)' % (label, sensor))
        return
    # A retry must wait the sensor's minimum interval (2 s for a DHT22); only retry when the publish interval
    # leaves room for it, otherwise every failed read would stretch the cycle of all readings.
    reading = sensor.read(retry=INTERVAL_MS >= 2 * sensor.min_interval_ms)
    if reading is None:  # never publish garbage: skip this round
        stats['sensor_failures'] += 1
        print('%s: read failed (%s)' % (label, sensor.last_error))
        return
    # Calibration (ESPHome's offset filter), after the plausibility check of the raw reading; humidity stays 0-100.
    humidity = min(100.0, max(0.0, reading[1] + settings.HUMIDITY_OFFSET))
    publish_reading(client, TOPIC_TEMPERATURE, reading[0] + settings.TEMPERATURE_OFFSET, '°C')
    publish_reading(client, TOPIC_HUMIDITY, humidity, '%')


def join_wifi():
    """Block until Wi-Fi is up, retrying forever with backoff (never drop to the REPL silently)."""
    backoff = 2
    while True:
        if wifi.is_up():
            return
        try:
            wifi.connect(settings.WIFI_SSID, settings.WIFI_PASSWORD, settings.WIFI_COUNTRY,
                         settings.WIFI_HOSTNAME, settings.WIFI_TIMEOUT_S, tick=feed)
            if _joined[0]:
                stats['wifi_reconnects'] += 1
            _joined[0] += 1
            return
        except wifi.WifiError:
            pass  # wifi.connect already printed the [wifi] FAILED line
        except Exception as e:
            print('[wifi] FAILED: unexpected error (%s: %s). Fix: power-cycle the board.' % (type(e).__name__, e))
        led('error')
        print('[wifi] retrying in %d s' % backoff)
        sleep_ms(backoff * 1000)
        backoff = min(backoff * 2, WIFI_MAX_BACKOFF_S)
        led('connecting')


def main():
    global _led
    print('[picotool] firmware %s starting, board %s' % (settings.FIRMWARE_VERSION, BOARD_ID))
    sensor = make_sensor()
    if settings.STATUS_LED:
        import statusled
        _led = statusled
    led('connecting')
    # Start-up grace delay: a main.py that starts hammering the network at once (Wi-Fi join blocks,
    # then tight loops) makes the board hard to reach from Thonny or picotool. During these two
    # seconds a Ctrl-C from the host stops us before anything blocks, and before the watchdog runs.
    sleep_ms(GRACE_MS)
    start_watchdog()
    failures = 0
    while True:
        join_wifi()
        client = None
        try:
            client = connect_mqtt()
            failures = 0
            led('connected')
            run(client, sensor)
        except LinkLost as e:
            print('[wifi] %s, reconnecting' % e)
        except Exception as e:  # never a bare except: KeyboardInterrupt must reach the REPL
            print('[mqtt] FAILED: %s' % explain(e))
        finally:  # also on Ctrl-C: a dropped socket makes the broker publish our 'offline' will
            if client is not None:
                client.close()
        led('error')
        wait = backoff_ms(failures)
        failures += 1
        print('[mqtt] reconnecting in %.1f s' % (wait / 1000))
        sleep_ms(wait)
        led('connecting')
