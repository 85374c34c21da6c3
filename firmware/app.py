# app.py - the picotool firmware: join Wi-Fi, connect to the MQTT broker, publish readings for ever.
#
# The same code runs on every board: every value comes from settings.py, which picotool writes. Optional
# features live in their own modules and are imported only when settings.py turns them on, so a feature that is
# off costs no RAM: DHT22.py (SENSOR_TYPE), tlscontext.py + ssl (MQTT_TLS), hadiscovery.py + json
# (HA_DISCOVERY_PREFIX); mqtterrors.py loads on the first MQTT failure. picotool reads the lines printed here:
# see README.md beside this file before changing one.
import time
import binascii
import machine
import settings
import wifi
import picomqtt

BOARD_ID = binascii.hexlify(machine.unique_id()).decode()
CLIENT_ID = settings.MQTT_CLIENT_ID or 'pico-' + BOARD_ID
QOS = settings.MQTT_QOS
JSON_PAYLOAD = settings.PAYLOAD_FORMAT == 'json'
# Retained state (online/offline, discovery) always goes at QoS 1: MQTT 3.1.1 lets a broker drop retained QoS 0
# messages (Moquette, picotool's own broker, does), and a missing 'online' or discovery config is confusing.
RETAINED_QOS = 1
SLICE_MS = 100        # sleep granularity: Ctrl-C from a host tool must land within a fraction of a second
GRACE_S = 2           # start-up delay before anything blocks (see main)
MAX_BACKOFF_S = 60


class LinkLost(Exception):
    pass


def sleep_s(seconds):
    """Sleep in short slices so that a KeyboardInterrupt (Ctrl-C) is handled quickly."""
    left = int(seconds * 1000)
    while left > 0:
        step = SLICE_MS if left > SLICE_MS else left
        time.sleep_ms(step)
        left -= step


def internal_temperature():
    # RP2040 sensor on ADC 4: Vbe = 0.706 V at 27 C and falls 1.721 mV per degree (RP2040 datasheet, 4.9.5).
    volts = machine.ADC(4).read_u16() * 3.3 / 65535
    return 27 - (volts - 0.706) / 0.001721


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
    return picomqtt.MQTTClient(CLIENT_ID, settings.MQTT_HOST, settings.MQTT_PORT,
                               user=settings.MQTT_USER, password=settings.MQTT_PASSWORD,
                               keepalive=settings.MQTT_KEEPALIVE_S, ssl_context=ctx,
                               server_hostname=settings.MQTT_HOST)


def connect_mqtt():
    client = make_client()
    # The broker publishes this for us if we vanish without DISCONNECT (power loss, Wi-Fi drop).
    client.set_last_will(settings.TOPIC_STATUS, 'offline', retain=True, qos=RETAINED_QOS)
    print("[mqtt] connecting to %s:%d as '%s'" % (settings.MQTT_HOST, settings.MQTT_PORT, CLIENT_ID))
    client.connect(timeout_s=10)
    print('[mqtt] connected')
    client.publish(settings.TOPIC_STATUS, 'online', retain=True, qos=RETAINED_QOS)
    if settings.HA_DISCOVERY_PREFIX:
        import hadiscovery  # json and the discovery code only when discovery is on
        hadiscovery.publish(client, CLIENT_ID, RETAINED_QOS)
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
    interval_ms = int(settings.PUBLISH_INTERVAL_S * 1000)
    ping_ms = int(settings.MQTT_KEEPALIVE_S * 1000) // 2  # well inside the broker's 1.5 x keepalive
    last_pub = None
    last_ping = time.ticks_ms()
    while True:
        now = time.ticks_ms()
        if not wifi.is_up():
            st = wifi.status()
            raise LinkLost('link lost (status %d: %s)' % (st, wifi.status_words(st)))
        if last_pub is None or time.ticks_diff(now, last_pub) >= interval_ms:
            last_pub = now
            publish_reading(client, settings.TOPIC_INTERNAL, internal_temperature(), '°C')
            if sensor is not None:
                read_sensor(client, sensor)
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
        return DHT22.Sensor(settings.SENSOR_TYPE, settings.SENSOR_PIN)
    except Exception as e:
        return 'cannot set up the sensor: %s' % e


def read_sensor(client, sensor):
    label = '[sensor] %s on %s' % (settings.SENSOR_TYPE, settings.SENSOR_PIN_NAME)
    if isinstance(sensor, str):  # the sensor could not even be set up; sensor holds the reason
        print('%s: read failed (%s)' % (label, sensor))
        return
    # A retry must wait the sensor's minimum interval (2 s for a DHT22); only retry when the publish interval
    # leaves room for it, otherwise every failed read would stretch the cycle of all readings.
    reading = sensor.read(retry=settings.PUBLISH_INTERVAL_S * 1000 >= 2 * sensor.min_interval_ms)
    if reading is None:  # never publish garbage: skip this round
        print('%s: read failed (%s)' % (label, sensor.last_error))
        return
    publish_reading(client, settings.TOPIC_TEMPERATURE, reading[0], '°C')
    publish_reading(client, settings.TOPIC_HUMIDITY, reading[1], '%')


def join_wifi():
    """Block until Wi-Fi is up, retrying forever with backoff (never drop to the REPL silently)."""
    backoff = 2
    while True:
        try:
            return wifi.ensure_connected(settings.WIFI_SSID, settings.WIFI_PASSWORD, settings.WIFI_COUNTRY,
                                         settings.WIFI_HOSTNAME, settings.WIFI_TIMEOUT_S)
        except wifi.WifiError:
            pass  # wifi.connect already printed the [wifi] FAILED line
        except Exception as e:
            print('[wifi] FAILED: unexpected error (%s: %s). Fix: power-cycle the board.' % (type(e).__name__, e))
        print('[wifi] retrying in %d s' % backoff)
        sleep_s(backoff)
        backoff = min(backoff * 2, MAX_BACKOFF_S)


def main():
    print('[picotool] firmware %s starting, board %s' % (settings.FIRMWARE_VERSION, BOARD_ID))
    sensor = make_sensor()
    # Start-up grace delay: a main.py that starts hammering the network at once (Wi-Fi join blocks,
    # then tight loops) makes the board hard to reach from Thonny or picotool. During these two
    # seconds a Ctrl-C from the host stops us before anything blocks.
    sleep_s(GRACE_S)
    backoff = 1
    while True:
        join_wifi()
        client = None
        try:
            client = connect_mqtt()
            backoff = 1
            run(client, sensor)
        except LinkLost as e:
            print('[wifi] %s, reconnecting' % e)
        except Exception as e:  # never a bare except: KeyboardInterrupt must reach the REPL
            print('[mqtt] FAILED: %s' % explain(e))
        finally:  # also on Ctrl-C: a dropped socket makes the broker publish our 'offline' will
            if client is not None:
                client.close()
        print('[mqtt] reconnecting in %d s' % backoff)
        sleep_s(backoff)
        backoff = min(backoff * 2, MAX_BACKOFF_S)
