# hadiscovery.py - Home Assistant MQTT discovery, so the board and its sensors appear in Home Assistant by
# themselves. app.py imports this module (and with it json) only when settings.HA_DISCOVERY_PREFIX is set.
#
# HA_DISCOVERY_MODE 'device': one retained document for the whole board on <prefix>/device/<board id>/config
# (device-based discovery, Home Assistant 2024.11+); 'component': one per sensor on <prefix>/sensor/<unique id>/config
# for older versions. Keys are Home Assistant's abbreviations (homeassistant/components/mqtt/abbreviations.py:
# stat_t = state_topic, uniq_id = unique_id, exp_aft = expire_after, sug_dsp_prc = suggested_display_precision,
# cmps = components, p = platform, o = origin, dev = device; in dev: ids, cns, mf, mdl, sw, hw, sn). The device's
# identity is the board's unique id, so a new client id or name never makes a second device.
import json
import sys
import network
import settings
import app

UNIT_C = '°C'
wanted = False  # True when Home Assistant announced itself (birth message): publish() again


def _machine():
    """(model, chip) from the firmware's own board name, e.g. 'Raspberry Pi Pico W with RP2040'."""
    text = getattr(sys.implementation, '_machine', '')  # MicroPython only
    model, _, chip = text.partition(' with ')
    if model.startswith('Raspberry Pi '):
        model = model[13:]
    return model, chip


def device():
    model, chip = _machine()
    dev = {'ids': [app.BOARD_ID], 'sn': app.BOARD_ID, 'name': app.NAME, 'mf': 'Raspberry Pi',
           'sw': '%s (MicroPython %s)' % (settings.FIRMWARE_VERSION, app.MICROPYTHON)}
    if model:
        dev['mdl'] = model
    if chip:
        dev['hw'] = chip
    try:
        mac = network.WLAN(network.STA_IF).config('mac')
        dev['cns'] = [['mac', ':'.join('%02x' % b for b in mac)]]
    except Exception:  # no MAC without the wireless chip: the device still has its id
        pass
    return dev


def components():
    """{key: config} of every sensor this board publishes, in the order Home Assistant lists them."""
    interval = settings.PUBLISH_INTERVAL_S
    # expire_after: about three intervals, so a dead sensor turns 'unavailable' instead of showing its last value.
    expire = int(3 * interval) + (0 if 3 * interval == int(3 * interval) else 1)
    value = '{{ value_json.value }}' if settings.PAYLOAD_FORMAT == 'json' else None
    out = {}

    def add(key, name, topic, dev_cla, unit, expire_s, template, category=None, stat_cla='measurement',
            precision=None):
        c = {'p': 'sensor', 'name': name, 'uniq_id': app.BOARD_ID + '_' + key, 'stat_t': topic,
             'dev_cla': dev_cla, 'unit_of_meas': unit, 'exp_aft': expire_s}
        if stat_cla:
            c['stat_cla'] = stat_cla
        if precision is not None:
            c['sug_dsp_prc'] = precision
        if template:
            c['val_tpl'] = template
        if category:
            c['ent_cat'] = category
        out[key] = c

    if settings.SENSOR_TYPE:
        add('temperature', 'Temperature', app.TOPIC_TEMPERATURE, 'temperature', UNIT_C, expire, value, None,
            'measurement', 1)
        add('humidity', 'Humidity', app.TOPIC_HUMIDITY, 'humidity', '%', expire, value, None, 'measurement', 1)
    add('internal', 'Internal temperature', app.TOPIC_INTERNAL, 'temperature', UNIT_C, expire, value, 'diagnostic',
        'measurement', 1)
    if settings.DIAGNOSTICS_INTERVAL_S:
        diag = 3 * settings.DIAGNOSTICS_INTERVAL_S
        topic = app.TOPIC_DIAGNOSTICS
        add('rssi', 'Wi-Fi signal', topic, 'signal_strength', 'dBm', diag, '{{ value_json.rssi_dbm }}',
            'diagnostic')
        add('uptime', 'Uptime', topic, 'duration', 's', diag, '{{ value_json.uptime_s }}', 'diagnostic', None)
        add('heap_free', 'Free memory', topic, 'data_size', 'B', diag, '{{ value_json.heap_free }}', 'diagnostic')
    return out


def publish(client):
    """Publish the retained discovery document(s); Home Assistant creates or updates the device from them."""
    global wanted
    wanted = False
    prefix = settings.HA_DISCOVERY_PREFIX
    shared = {'dev': device(), 'o': {'name': 'picotool', 'sw': settings.FIRMWARE_VERSION},
              'avty_t': app.TOPIC_STATUS}
    if settings.HA_DISCOVERY_MODE == 'component':
        for c in components().values():
            del c['p']
            c.update(shared)
            client.publish('%s/sensor/%s/config' % (prefix, c['uniq_id']), json.dumps(c), retain=True,
                           qos=app.RETAINED_QOS)
        where = '%s/sensor/' % prefix
    else:
        shared['cmps'] = components()
        where = '%s/device/%s/config' % (prefix, app.BOARD_ID)
        client.publish(where, json.dumps(shared), retain=True, qos=app.RETAINED_QOS)
    print('[mqtt] Home Assistant discovery published under %s' % where)


def listen(client):
    """Home Assistant publishes 'online' on <prefix>/status when it starts (its birth message), having forgotten
    what it was told before on brokers that keep no retained messages for it: announce again then."""
    client.on_message = on_message
    client.subscribe(settings.HA_DISCOVERY_PREFIX + '/status', 0)


def on_message(topic, msg, retained):
    global wanted
    # A retained 'online' is an old birth message the broker keeps: the discovery went out at connect already.
    if msg == b'online' and not retained and topic == (settings.HA_DISCOVERY_PREFIX + '/status').encode():
        wanted = True
