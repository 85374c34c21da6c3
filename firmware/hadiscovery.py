# hadiscovery.py - Home Assistant MQTT discovery: one retained config per reading, so the sensors appear in
# Home Assistant by themselves. app.py imports this module (and with it json) only when
# settings.HA_DISCOVERY_PREFIX is set. Keys: Home Assistant's MQTT sensor and discovery documentation
# (https://www.home-assistant.io/integrations/sensor.mqtt/, https://www.home-assistant.io/integrations/mqtt/).
import json
import settings

ID_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-'  # HA's node/object id alphabet
UNIT_C = '°C'


def entities():
    """(what, name, state topic, device class, unit) for every reading this board publishes."""
    out = [('internal', 'Internal temperature', settings.TOPIC_INTERNAL, 'temperature', UNIT_C)]
    if settings.SENSOR_TYPE:
        out.append(('temperature', 'Temperature', settings.TOPIC_TEMPERATURE, 'temperature', UNIT_C))
        out.append(('humidity', 'Humidity', settings.TOPIC_HUMIDITY, 'humidity', '%'))
    return out


def publish(client, client_id, qos):
    """Publish the retained configs under HA_DISCOVERY_PREFIX; an empty payload on a topic removes one."""
    prefix = settings.HA_DISCOVERY_PREFIX
    node = ''.join(c if c in ID_CHARS else '_' for c in client_id)
    device = {'identifiers': [client_id], 'name': settings.DEVICE_NAME, 'manufacturer': 'Raspberry Pi',
              'model': 'Pico W', 'sw_version': settings.FIRMWARE_VERSION}
    for what, name, topic, device_class, unit in entities():
        uid = node + '_' + what
        config = {'name': name, 'unique_id': uid, 'state_topic': topic, 'device_class': device_class,
                  'unit_of_measurement': unit, 'state_class': 'measurement',
                  'availability_topic': settings.TOPIC_STATUS,
                  'payload_available': 'online', 'payload_not_available': 'offline',
                  'device': device}
        if settings.PAYLOAD_FORMAT == 'json':
            config['value_template'] = '{{ value_json.value }}'
        client.publish('%s/sensor/%s/config' % (prefix, uid), json.dumps(config), retain=True, qos=qos)
    print('[mqtt] Home Assistant discovery published under %s/sensor/' % prefix)
