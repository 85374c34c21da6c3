package dev.picotool.config;

import java.util.List;

/** The names of every setting, as written in the YAML file; validation errors use these names. */
public final class ConfigFields {
    public static final String WIFI_SSID = "wifi.ssid";
    public static final String WIFI_PASSWORD = "wifi.password";
    public static final String WIFI_PASSWORD_ENV = "wifi.password_env";
    public static final String WIFI_PASSWORD_FILE = "wifi.password_file";
    public static final String WIFI_OPEN = "wifi.open";
    public static final String WIFI_COUNTRY = "wifi.country";
    public static final String WIFI_HOSTNAME = "wifi.hostname";
    public static final String WIFI_TIMEOUT = "wifi.timeout";
    public static final String MQTT_BROKER = "mqtt.broker";
    public static final String MQTT_PORT = "mqtt.port";
    public static final String MQTT_USERNAME = "mqtt.username";
    public static final String MQTT_PASSWORD = "mqtt.password";
    public static final String MQTT_PASSWORD_ENV = "mqtt.password_env";
    public static final String MQTT_PASSWORD_FILE = "mqtt.password_file";
    public static final String MQTT_TLS = "mqtt.tls";
    public static final String MQTT_CA_FILE = "mqtt.ca_file";
    public static final String MQTT_CLIENT_ID = "mqtt.client_id";
    public static final String MQTT_KEEPALIVE = "mqtt.keepalive";
    public static final String MQTT_QOS = "mqtt.qos";
    public static final String MQTT_ALLOW_LOOPBACK = "mqtt.allow_loopback";
    public static final String TOPIC_INTERNAL = "topics.internal";
    public static final String TOPIC_TEMPERATURE = "topics.temperature";
    public static final String TOPIC_HUMIDITY = "topics.humidity";
    public static final String TOPIC_STATUS = "topics.status";
    public static final String SENSOR_TYPE = "sensor.type";
    public static final String SENSOR_PIN = "sensor.pin";
    public static final String INTERVAL = "interval";
    public static final String PAYLOAD = "payload";
    public static final String HA_DISCOVERY = "home_assistant.discovery";
    public static final String HA_PREFIX = "home_assistant.prefix";
    public static final String DEVICE_NAME = "device_name";

    /** Every field a config file may set. The passwords themselves are deliberately absent: see {@link #SECRETS}. */
    public static final List<String> FILE_FIELDS = List.of(WIFI_SSID, WIFI_PASSWORD_ENV, WIFI_PASSWORD_FILE,
            WIFI_OPEN, WIFI_COUNTRY, WIFI_HOSTNAME, WIFI_TIMEOUT, MQTT_BROKER, MQTT_PORT, MQTT_USERNAME,
            MQTT_PASSWORD_ENV, MQTT_PASSWORD_FILE, MQTT_TLS, MQTT_CA_FILE, MQTT_CLIENT_ID, MQTT_KEEPALIVE, MQTT_QOS,
            MQTT_ALLOW_LOOPBACK, TOPIC_INTERNAL, TOPIC_TEMPERATURE, TOPIC_HUMIDITY, TOPIC_STATUS, SENSOR_TYPE,
            SENSOR_PIN, INTERVAL, PAYLOAD, HA_DISCOVERY, HA_PREFIX, DEVICE_NAME);

    /** Fields that would hold a secret in clear text; a config file may only say where to find it. */
    public static final List<String> SECRETS = List.of(WIFI_PASSWORD, MQTT_PASSWORD);

    public static final String DEFAULT_TOPIC_INTERNAL = "pico/temperature/internal";
    public static final String DEFAULT_TOPIC_TEMPERATURE = "pico/temperature/dht22";
    public static final String DEFAULT_TOPIC_HUMIDITY = "pico/humidity/dht22";
    public static final String DEFAULT_TOPIC_STATUS = "pico/status";

    private ConfigFields() {
    }
}
