package dev.picotool.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.picotool.testing.Configs;
import dev.picotool.testing.FakeSecrets;
import dev.picotool.testing.TestCerts;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigValidatorTest {
    static final String PW = "correct-horse";

    static RawSettings base() {
        return new RawSettings().put("wifi.ssid", "Lab").put("wifi.password_env", "PW")
                .put("mqtt.broker", "192.168.1.11");
    }

    static PicoConfig validate(RawSettings raw, FakeSecrets secrets) {
        return Configs.validator(secrets).validate(raw);
    }

    static PicoConfig validate(RawSettings raw) {
        return validate(raw, new FakeSecrets().env("PW", PW));
    }

    static ConfigException invalid(RawSettings raw) {
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
        assertThat(c.get(TopicSettings.INTERNAL)).isEqualTo("pico/temperature/internal");
        assertThat(c.get(TopicSettings.TEMPERATURE)).isEqualTo("pico/temperature/dht22");
        assertThat(c.get(TopicSettings.HUMIDITY)).isEqualTo("pico/humidity/dht22");
        assertThat(c.get(SensorSettings.PIN).name()).isEqualTo("GP15");
        assertThat(c.get(SensorSettings.PIN).physical()).isEqualTo(20);
        assertThat(c.get(SensorSettings.TYPE)).isEqualTo(SensorType.DHT22);
        assertThat(c.get(MqttSettings.PORT)).isEqualTo(1883);
        assertThat(c.get(SensorSettings.INTERVAL)).isEqualByComparingTo("10");
        assertThat(c.get(WifiSettings.COUNTRY)).isEqualTo("XX");
        assertThat(c.get(SensorSettings.PAYLOAD)).isEqualTo(PayloadFormat.PLAIN);
        assertThat(c.origin(SensorSettings.PIN)).isEqualTo(Origin.DEFAULT);
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
        interval       | 1                                 | interval: 1 is too short. Fix: use at least 2 seconds: a DHT22 gives wrong or stale readings when read faster
        interval       | 1.999                             | interval: 1.999 is too short
        interval       | soon                              | interval: 'soon' is not a number of seconds
        interval       | 12:30                             | interval: '12:30' is not a number of seconds
        interval       | 1e3                               | interval: '1e3' is not a number of seconds
        interval       | 010                               | interval: '010' has a leading zero, which YAML 1.1 tools read as an octal number. Fix: write it without the leading zero: 10
        interval       | 0.0001                            | interval: '0.0001' is not a number of seconds
        mqtt.keepalive | 99999999999                       | mqtt.keepalive: '99999999999' is out of range
        sensor.pin     | 015                               | sensor.pin: '015' has a leading zero, which YAML 1.1 tools read as an octal number. Fix: write the GPIO name, e.g. GP15
        mqtt.broker    | localhost.                        | mqtt.broker: 'localhost.' means the Pico itself
        mqtt.broker    | LOCALHOST.                        | mqtt.broker: 'LOCALHOST.' means the Pico itself
        mqtt.broker    | ::ffff:127.0.0.1                  | mqtt.broker: '::ffff:127.0.0.1' means the Pico itself
        mqtt.broker    | 0:0::1                            | mqtt.broker: '0:0::1' means the Pico itself
        mqtt.broker    | [0::1]                            | mqtt.broker: '0::1' means the Pico itself
        mqtt.broker    | 0x7f000001                        | mqtt.broker: '0x7f000001' is not a host name or IP address
        mqtt.broker    | 2130706433                        | mqtt.broker: '2130706433' is not a host name or IP address
        mqtt.broker    | 127.1                             | mqtt.broker: '127.1' is not a host name or IP address
        mqtt.broker    | ::                                | mqtt.broker: :: is a listening address
        mqtt.broker    | ::ffff:0.0.0.0                    | mqtt.broker: ::ffff:0.0.0.0 is a listening address
        mqtt.broker    | 1.2.3.4:1883:1                    | mqtt.broker: '1.2.3.4:1883:1' is not a host name or IP address
        mqtt.broker    | ':::::'                           | mqtt.broker: ':::::' is not a host name or IP address
        mqtt.broker    | mqtt://broker.lan                 | mqtt.broker: 'mqtt://broker.lan' is a URL
        mqtt.broker    | bob:MyS3cret@host                 | mqtt.broker: looks like user:password@host (not shown here)
        mqtt.username  | ''                                | mqtt.username: is empty
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
        assertThat(e.getMessage()).doesNotContain("MyS3cret");
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
        ConfigException e = invalid(new RawSettings().put("wifi.password_env", "PW").put("mqtt.broker", "localhost")
                .put("sensor.pin", "GP23").put("interval", "1"));
        assertThat(e.errors()).extracting(ConfigError::field)
                .containsExactly("wifi.ssid", "mqtt.broker", "sensor.pin", "interval");
        assertThat(e.getMessage()).startsWith("4 invalid settings:");
    }

    @Test
    void loopbackIsAllowedForAVirtualPico() {
        PicoConfig c = validate(base().put("mqtt.broker", "127.0.0.1:18830").put("mqtt.allow_loopback", "true"));
        assertThat(c.brokerAddress()).isEqualTo("127.0.0.1:18830");
    }

    @Test
    void missingPasswordWithoutConsoleSaysHowToPassIt() {
        ConfigException e = assertInvalid(new RawSettings().put("wifi.ssid", "Lab").put("mqtt.broker", "10.0.0.2"),
                new FakeSecrets());
        assertThat(e.getMessage()).contains("wifi.password: no password given and no terminal to ask for it. "
                + "Fix: pass --wifi-password-env NAME");
    }

    @Test
    void promptsWhenAConsoleIsAttached() {
        FakeSecrets secrets = new FakeSecrets().console("typed-password");
        PicoConfig c = validate(new RawSettings().put("wifi.ssid", "Lab").put("mqtt.broker", "10.0.0.2"), secrets);
        assertThat(c.get(WifiSettings.PASSWORD).reveal()).isEqualTo("typed-password");
        assertThat(secrets.prompts()).isEqualTo(1);
        assertThat(c.toString()).doesNotContain("typed-password");
    }

    @Test
    void fallbackVariableAndFileSources() {
        PicoConfig fromEnv = validate(new RawSettings().put("wifi.ssid", "Lab").put("mqtt.broker", "10.0.0.2"),
                new FakeSecrets().env("PICOTOOL_WIFI_PASSWORD", "from-fallback"));
        assertThat(fromEnv.get(WifiSettings.PASSWORD).reveal()).isEqualTo("from-fallback");
        PicoConfig fromFile = validate(new RawSettings().put("wifi.ssid", "Lab").put("mqtt.broker", "10.0.0.2")
                .put("wifi.password_file", "/run/pw"), new FakeSecrets().file("/run/pw", "from-a-file\nignored\n"));
        assertThat(fromFile.get(WifiSettings.PASSWORD).reveal()).isEqualTo("from-a-file");
        assertThat(fromFile.get(WifiSettings.PASSWORD).origin()).isEqualTo("file /run/pw");
    }

    @Test
    void passwordFileInHomeDirectory() {
        PicoConfig c = validate(new RawSettings().put("wifi.ssid", "Lab").put("mqtt.broker", "10.0.0.2")
                .put("wifi.password_file", "~/.config/picotool/wifi"),
                new FakeSecrets().file("/home/student/.config/picotool/wifi", "in-my-home"));
        assertThat(c.get(WifiSettings.PASSWORD).reveal()).isEqualTo("in-my-home");
    }

    @Test
    void passwordFileBomAndWindowsLineEndsAreNotPartOfThePassword() {
        RawSettings raw = new RawSettings().put("wifi.ssid", "Lab").put("mqtt.broker", "10.0.0.2")
                .put("wifi.password_file", "/pw");
        PicoConfig c = validate(raw, new FakeSecrets().file("/pw", "\uFEFFpassword1\r\nsecond line"));
        assertThat(c.get(WifiSettings.PASSWORD).reveal()).isEqualTo("password1");
    }

    @Test
    void passwordFileProblemsAreNamedWithoutItsName() {
        RawSettings raw = new RawSettings().put("wifi.ssid", "Lab").put("mqtt.broker", "10.0.0.2")
                .put("wifi.password_file", "/pw");
        assertThat(assertInvalid(raw, new FakeSecrets().file("/pw", "\nsecret-on-line-two")).getMessage())
                .contains("starts with an empty line; only its first line is read").doesNotContain("secret-on");
        assertThat(assertInvalid(raw, new FakeSecrets().file("/pw", new byte[] {(byte) 0xff, 'a'})).getMessage())
                .contains("is not UTF-8 text");
        assertThat(assertInvalid(raw, new FakeSecrets().file("/pw", "")).getMessage()).contains("is empty");
        assertThat(assertInvalid(raw.put("wifi.password_file", "MyS3cret"), new FakeSecrets()).getMessage())
                .contains("the file named by wifi.password_file does not exist").doesNotContain("MyS3cret");
    }

    @Test
    void unsetVariableIsNamedWithoutItsName() {
        ConfigException e = assertInvalid(base().put("wifi.password_env", "NOPE"), new FakeSecrets());
        assertThat(e.getMessage()).contains("wifi.password: the environment variable named by wifi.password_env "
                + "is not set").doesNotContain("NOPE");
        ConfigException notAName = assertInvalid(base().put("wifi.password_env", "my pass-word!"), new FakeSecrets());
        assertThat(notAName.getMessage()).contains("is not an environment variable name").doesNotContain("pass-word");
    }

    @Test
    void openNetworkTakesNoPassword() {
        PicoConfig c = validate(new RawSettings().put("wifi.ssid", "Cafe").put("wifi.open", "true")
                .put("mqtt.broker", "10.0.0.2"), new FakeSecrets());
        assertThat(c.find(WifiSettings.PASSWORD)).isEmpty();
        ConfigException e = invalid(base().put("wifi.open", "true"));
        assertThat(e.getMessage()).contains("wifi.open: an open network takes no password");
    }

    @Test
    void mqttUserNeedsAPasswordSource() {
        PicoConfig c = validate(base().put("mqtt.username", "pico").put("mqtt.password_env", "MQ"),
                new FakeSecrets().env("PW", PW).env("MQ", "mqtt-secret"));
        assertThat(c.get(MqttSettings.PASSWORD).reveal()).isEqualTo("mqtt-secret");
        ConfigException e = assertInvalid(base().put("mqtt.username", "pico"), new FakeSecrets().env("PW", PW));
        assertThat(e.getMessage()).contains("mqtt.password: no password given");
        assertThat(invalid(base().put("mqtt.password_env", "PW")).getMessage())
                .contains("mqtt.username: an MQTT password was given without a user name");
    }

    @Test
    void tlsDefaultsToPort8883AndCaFileImpliesTls(@TempDir Path dir) {
        assertThat(validate(base().put("mqtt.tls", "true")).get(MqttSettings.PORT)).isEqualTo(8883);
        TestCerts certs = TestCerts.make(dir);
        PicoConfig c = validate(base().put("mqtt.ca_file", certs.caFile().toString()));
        assertThat(c.get(MqttSettings.TLS)).isTrue();
        assertThat(c.get(MqttSettings.CA_FILE).subject()).contains("picotool test CA");
        assertThat(invalid(base().put("mqtt.ca_file", certs.caFile().toString()).put("mqtt.tls", "false"))
                .getMessage()).contains("mqtt.tls: is false, but a CA file is given");
    }

    @Test
    void portGivenTwiceDifferentlyIsAnError() {
        assertThat(invalid(base().put("mqtt.broker", "10.0.0.2:1883").put("mqtt.port", "8883")).getMessage())
                .contains("mqtt.port: two different ports given: 1883 in mqtt.broker and 8883 here");
        assertThat(validate(base().put("mqtt.broker", "10.0.0.2:1884").put("mqtt.port", "1884"))
                .brokerAddress()).isEqualTo("10.0.0.2:1884");
    }

    @Test
    void dht11AndNoSensorIntervals() {
        assertThat(invalid(base().put("sensor.type", "dht11").put("interval", "0.5")).getMessage())
                .contains("interval: 0.5 is too short. Fix: use at least 1 second: a DHT11 gives wrong or stale");
        assertThat(validate(base().put("sensor.type", "dht11").put("interval", "1")).get(SensorSettings.INTERVAL))
                .isEqualByComparingTo("1");
        assertThat(validate(base().put("sensor.type", "none").put("interval", "1")).get(SensorSettings.INTERVAL))
                .isEqualByComparingTo("1");
        assertThat(validate(base().put("interval", "2.5")).get(SensorSettings.INTERVAL)).isEqualByComparingTo("2.5");
    }

    @Test
    void verifyReadsTheSameSettingsWithoutTheBoardsRules() {
        PicoConfig c = Configs.validator(new FakeSecrets()).validate(new RawSettings().put("interval", "0.2")
                .put("topics.internal", "lab/t"), Use.VERIFY);
        assertThat(c.brokerAddress()).isEqualTo("localhost:1883");
        assertThat(c.get(SensorSettings.INTERVAL)).isEqualByComparingTo("0.2");
        assertThat(c.find(SensorSettings.PAYLOAD)).isEmpty();
        assertThat(c.find(WifiSettings.SSID)).isEmpty();
        ConfigException e = assertThrows(ConfigException.class, () -> Configs.validator(new FakeSecrets())
                .validate(new RawSettings().put("topics.internal", "$SYS/x"), Use.VERIFY));
        assertThat(e.getMessage()).contains("topics.internal: topics starting with $ are reserved");
    }

    private static ConfigException assertInvalid(RawSettings raw, FakeSecrets secrets) {
        try {
            validate(raw, secrets);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("expected the config to be rejected");
    }

    @Test
    void secretNeverInToString() {
        assertThat(validate(base()).toString()).doesNotContain(PW);
        assertThatThrownBy(() -> validate(base().put("interval", "x"))).hasMessageNotContaining(PW);
    }
}
