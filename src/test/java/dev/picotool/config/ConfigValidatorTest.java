package dev.picotool.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picotool.board.Pinout;
import dev.picotool.testing.FakeSecrets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigValidatorTest {
    static final String PW = "correct-horse";

    static RawConfig base() {
        return new RawConfig().put("wifi.ssid", "Lab").put("wifi.password_env", "PW")
                .put("mqtt.broker", "192.168.1.11");
    }

    static PicoConfig validate(RawConfig raw, FakeSecrets secrets) {
        return new ConfigValidator(Pinout.picoW(), secrets, () -> List.of("192.168.1.50")).validate(raw);
    }

    static PicoConfig validate(RawConfig raw) {
        return validate(raw, new FakeSecrets().env("PW", PW));
    }

    static ConfigException invalid(RawConfig raw) {
        try {
            validate(raw);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("expected the config to be rejected");
    }

    @Test
    void defaultsAreTheSeedTopicsAndGp15() {
        PicoConfig c = validate(base());
        assertThat(c.topics().internal()).isEqualTo("pico/temperature/internal");
        assertThat(c.topics().temperature()).isEqualTo("pico/temperature/dht22");
        assertThat(c.topics().humidity()).isEqualTo("pico/humidity/dht22");
        assertThat(c.sensor().pin().name()).isEqualTo("GP15");
        assertThat(c.sensor().pin().physical()).isEqualTo(20);
        assertThat(c.sensor().type()).isEqualTo(SensorType.DHT22);
        assertThat(c.mqtt().port()).isEqualTo(1883);
        assertThat(c.intervalSeconds()).isEqualTo(10);
        assertThat(c.wifi().country()).isEqualTo("XX");
        assertThat(c.payload()).isEqualTo(PayloadFormat.PLAIN);
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("mqtt.broker", "broker.lan:1884", "broker port 1884"),
                Arguments.of("mqtt.broker", "[fd00::1]:8883", "IPv6 with port"),
                Arguments.of("mqtt.broker", "mqtt.example.org", "DNS name"),
                Arguments.of("wifi.ssid", "Café \"Lab\"", "quotes and accents"),
                Arguments.of("wifi.ssid", "12345678901234567890123456789012", "32 bytes"),
                Arguments.of("wifi.country", "gb", "lower-case country"),
                Arguments.of("wifi.hostname", "pico-lab", "hostname"),
                Arguments.of("sensor.pin", "GP0", "GP0"),
                Arguments.of("sensor.pin", "28", "bare number"),
                Arguments.of("sensor.pin", "gpio22", "GPIO22"),
                Arguments.of("sensor.type", "DHT11", "dht11 upper case"),
                Arguments.of("interval", "2", "2 s"),
                Arguments.of("mqtt.qos", "1", "qos 1"),
                Arguments.of("topics.temperature", "home/ünicode/température", "unicode topic"),
                Arguments.of("payload", "json", "json"),
                Arguments.of("mqtt.client_id", "pico_kitchen-1", "client id"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource
    void valid(String field, String value, String why) {
        validate(base().put(field, value));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
        wifi.ssid      | 123456789012345678901234567890123 | wifi.ssid: is 33 bytes long; an SSID has at most 32 bytes. Fix: check the network name
        wifi.ssid      | ''                                | wifi.ssid: no Wi-Fi network name given. Fix: pass --wifi NETWORK_NAME
        wifi.country   | GBR                               | wifi.country: 'GBR' is not a two-letter country code. Fix: use your ISO 3166 code
        wifi.hostname  | -pico                             | wifi.hostname: must be 1 to 32 letters, digits or '-'
        wifi.hostname  | abcdefghijabcdefghijabcdefghijabc | wifi.hostname: must be 1 to 32 letters
        wifi.timeout   | 2                                 | wifi.timeout: 2 is out of range. Fix: use between 5 and 120 seconds
        mqtt.broker    | localhost                         | mqtt.broker: 'localhost' means the Pico itself when the Pico uses it, so it cannot reach the broker on your computer. Fix: pass your computer's LAN address: --broker 192.168.1.50
        mqtt.broker    | 127.0.0.1:1883                    | mqtt.broker: '127.0.0.1' means the Pico itself
        mqtt.broker    | [::1]:1883                        | mqtt.broker: '::1' means the Pico itself
        mqtt.broker    | 0.0.0.0                           | mqtt.broker: 0.0.0.0 is a listening address
        mqtt.broker    | 'my broker'                       | mqtt.broker: 'my broker' is not a host name or IP address
        mqtt.broker    | 192.168.1.300                     | mqtt.broker: '192.168.1.300' is not a host name or IP address
        mqtt.broker    | 192.168.1.11:70000                | mqtt.broker: port 70000 is out of range
        mqtt.broker    | 192.168.1.11:abc                  | mqtt.broker: port 'abc' is not a number
        mqtt.port      | 0                                 | mqtt.port: 0 is out of range. Fix: use between 1 and 65535
        mqtt.qos       | 2                                 | mqtt.qos: 2 is out of range. Fix: use 0 or 1 (the firmware does not do QoS 2)
        mqtt.keepalive | 5                                 | mqtt.keepalive: 5 is out of range
        mqtt.client_id | 'pico kitchen'                    | mqtt.client_id: must be 1 to 23 letters, digits
        topics.humidity| pico/+/humidity                   | topics.humidity: 'pico/+/humidity' contains a wildcard (+ or #)
        topics.internal| pico/#                            | topics.internal: 'pico/#' contains a wildcard
        topics.status  | $SYS/pico                         | topics.status: topics starting with $ are reserved for the broker
        topics.humidity| pico/temperature/dht22            | topics: two readings share one topic
        interval       | 1                                 | interval: 1 is out of range. Fix: use at least 2 seconds: a DHT22 gives wrong or stale readings when read faster
        interval       | soon                              | interval: 'soon' is not a whole number
        sensor.type    | bme280                            | sensor.type: 'bme280' is not one of dht22, dht11, none
        sensor.pin     | GP23                              | sensor.pin: GP23 cannot be used: it is WL_REG_ON, the power switch of the Pico W's wireless chip. Fix: wire the sensor to another GPIO, e.g. --pin GP15 (valid: GP0-GP22, GP26-GP28)
        sensor.pin     | GP24                              | sensor.pin: GP24 cannot be used
        sensor.pin     | GP25                              | sensor.pin: GP25 cannot be used
        sensor.pin     | GP29                              | sensor.pin: GP29 cannot be used
        sensor.pin     | GP30                              | sensor.pin: 'GP30' is not a GPIO on the Raspberry Pi Pico W. Fix: use one of GP0-GP22, GP26-GP28
        sensor.pin     | D4                                | sensor.pin: 'D4' is not a GPIO
        payload        | xml                               | payload: 'xml' is not one of plain, json
        mqtt.tls       | maybe                             | mqtt.tls: 'maybe' is not true or false
        device_name    | ' '                               | device_name: must be 1 to 64 characters
        """)
    void invalid(String field, String value, String message) {
        ConfigException e = invalid(base().put(field, value));
        assertThat(e.errors()).hasSize(1);
        assertThat(e.errors().get(0).toString()).startsWith(message);
        assertThat(e.exitCode().code()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        short    | 1234567  | wifi.password: is 7 characters long; WPA2 passwords have 8 to 63 characters (or 64 hex digits). Fix: check the password (from env PW)
        long     | gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg | wifi.password: is 64 characters long
        nonascii | pässwörd-long | wifi.password: contains characters outside printable ASCII
        """)
    void wifiPasswordRulesNeverShowThePassword(String why, String password, String message) {
        ConfigException e = assertInvalid(base(), new FakeSecrets().env("PW", password));
        assertThat(e.getMessage()).contains(message).doesNotContain(password);
    }

    @Test
    void sixtyFourHexDigitsIsAPreSharedKey() {
        validate(base(), new FakeSecrets().env("PW", "a".repeat(64)));
    }

    @Test
    void reportsAllErrorsAtOnce() {
        ConfigException e = invalid(new RawConfig().put("wifi.password_env", "PW").put("mqtt.broker", "localhost")
                .put("sensor.pin", "GP23").put("interval", "1"));
        assertThat(e.errors()).extracting(ConfigError::field)
                .containsExactly("wifi.ssid", "mqtt.broker", "sensor.pin", "interval");
        assertThat(e.getMessage()).startsWith("4 invalid settings:");
    }

    @Test
    void loopbackIsAllowedForAVirtualPico() {
        PicoConfig c = validate(base().put("mqtt.broker", "127.0.0.1:18830").put("mqtt.allow_loopback", "true"));
        assertThat(c.mqtt().address()).isEqualTo("127.0.0.1:18830");
    }

    @Test
    void missingPasswordWithoutConsoleSaysHowToPassIt() {
        ConfigException e = assertInvalid(new RawConfig().put("wifi.ssid", "Lab").put("mqtt.broker", "10.0.0.2"),
                new FakeSecrets());
        assertThat(e.getMessage()).contains("wifi.password: no password given and no terminal to ask for it. "
                + "Fix: pass --wifi-password-env NAME");
    }

    @Test
    void promptsWhenAConsoleIsAttached() {
        FakeSecrets secrets = new FakeSecrets().console("typed-password");
        PicoConfig c = validate(new RawConfig().put("wifi.ssid", "Lab").put("mqtt.broker", "10.0.0.2"), secrets);
        assertThat(c.wifi().password().orElseThrow().reveal()).isEqualTo("typed-password");
        assertThat(secrets.prompts()).isEqualTo(1);
        assertThat(c.toString()).doesNotContain("typed-password");
    }

    @Test
    void fallbackVariableAndFileSources() {
        PicoConfig fromEnv = validate(new RawConfig().put("wifi.ssid", "Lab").put("mqtt.broker", "10.0.0.2"),
                new FakeSecrets().env("PICOTOOL_WIFI_PASSWORD", "from-fallback"));
        assertThat(fromEnv.wifi().password().orElseThrow().reveal()).isEqualTo("from-fallback");
        PicoConfig fromFile = validate(new RawConfig().put("wifi.ssid", "Lab").put("mqtt.broker", "10.0.0.2")
                .put("wifi.password_file", "/run/pw"), new FakeSecrets().file("/run/pw", "from-a-file"));
        assertThat(fromFile.wifi().password().orElseThrow().origin()).isEqualTo("file /run/pw");
    }

    @Test
    void unsetVariableAndUnreadableFileAreNamed() {
        ConfigException e = assertInvalid(base().put("wifi.password_env", "NOPE"), new FakeSecrets());
        assertThat(e.getMessage()).contains("wifi.password: environment variable NOPE is not set");
        ConfigException f = assertInvalid(new RawConfig().put("wifi.ssid", "Lab").put("mqtt.broker", "10.0.0.2")
                .put("wifi.password_file", "/missing"), new FakeSecrets());
        assertThat(f.getMessage()).contains("wifi.password: cannot read password file /missing");
    }

    @Test
    void openNetworkTakesNoPassword() {
        PicoConfig c = validate(new RawConfig().put("wifi.ssid", "Cafe").put("wifi.open", "true")
                .put("mqtt.broker", "10.0.0.2"), new FakeSecrets());
        assertThat(c.wifi().password()).isEmpty();
        ConfigException e = invalid(base().put("wifi.open", "true"));
        assertThat(e.getMessage()).contains("wifi.open: an open network takes no password");
    }

    @Test
    void mqttUserNeedsAPasswordSource() {
        PicoConfig c = validate(base().put("mqtt.username", "pico").put("mqtt.password_env", "MQ"),
                new FakeSecrets().env("PW", PW).env("MQ", "mqtt-secret"));
        assertThat(c.mqtt().password().orElseThrow().reveal()).isEqualTo("mqtt-secret");
        ConfigException e = assertInvalid(base().put("mqtt.username", "pico"), new FakeSecrets().env("PW", PW));
        assertThat(e.getMessage()).contains("mqtt.password: no password given");
    }

    @Test
    void tlsDefaultsToPort8883AndCaFileImpliesTls(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        assertThat(validate(base().put("mqtt.tls", "true")).mqtt().port()).isEqualTo(8883);
        java.nio.file.Path ca = dir.resolve("ca.pem");
        java.nio.file.Files.writeString(ca, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        PicoConfig c = validate(base().put("mqtt.ca_file", ca.toString()));
        assertThat(c.mqtt().tls()).isTrue();
        java.nio.file.Files.writeString(ca, "not a cert");
        assertThat(invalid(base().put("mqtt.ca_file", ca.toString())).getMessage())
                .contains("mqtt.ca_file: " + ca + " is not a PEM certificate");
    }

    @Test
    void dht11AndNoSensorIntervals() {
        assertThat(invalid(base().put("sensor.type", "dht11").put("interval", "1")).getMessage())
                .contains("a DHT11 gives wrong or stale readings");
        assertThat(validate(base().put("sensor.type", "none").put("interval", "1")).intervalSeconds()).isEqualTo(1);
    }

    private static ConfigException assertInvalid(RawConfig raw, FakeSecrets secrets) {
        try {
            validate(raw, secrets);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("expected the config to be rejected");
    }

    @Test
    void secretNeverInRecordToString() {
        assertThat(validate(base()).toString()).doesNotContain(PW);
        assertThatThrownBy(() -> validate(base().put("interval", "x"))).hasMessageNotContaining(PW);
    }
}
