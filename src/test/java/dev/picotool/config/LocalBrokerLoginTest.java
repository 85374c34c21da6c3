package dev.picotool.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.picotool.render.FirmwareRenderer;
import dev.picotool.testing.Configs;
import dev.picotool.testing.FakeSecrets;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * With --broker naming this computer and no MQTT user given, the settings take `picotool broker`'s login: verify logs
 * in with it and the firmware gets it in settings.py. Anything the user gives wins.
 */
class LocalBrokerLoginTest {
    static final Secret PASSWORD = new Secret("r4nd0m-broker-pw".toCharArray(), "file /home/student/.config/"
            + "picotool/broker-password");
    static final LocalBrokerLogin LOGIN = () -> Optional.of(new LocalBrokerLogin.Login("picotool", PASSWORD,
            Path.of("/home/student/.config/picotool/broker-password")));

    final FakeSecrets secrets = new FakeSecrets().env("PW", "secretpass").env("MQTT_PW", "users-own");
    final ConfigValidator validator = Configs.validator(secrets).withLocalBroker(LOGIN,
            host -> host.equals("127.0.0.1") || host.equals("localhost") || host.equals("192.168.1.50"));

    PicoConfig verify(RawSettings raw) {
        return validator.validate(raw, Use.VERIFY);
    }

    @Test
    void verifyOnThisComputerLogsInAsThePicotoolBroker() {
        PicoConfig c = verify(new RawSettings().put("mqtt.broker", "127.0.0.1:1883"));
        assertThat(c.find(MqttSettings.USERNAME)).contains("picotool");
        assertThat(c.find(MqttSettings.PASSWORD)).contains(PASSWORD);
        assertThat(c.origin(MqttSettings.USERNAME).kind()).isEqualTo(Origin.Kind.DEFAULT);
        assertThat(verify(new RawSettings()).find(MqttSettings.USERNAME)).as("verify's default broker, localhost")
                .contains("picotool");
    }

    @Test
    void theFirmwareGetsTheLoginWhenTheBrokerIsThisComputersLanAddress() {
        PicoConfig c = validator.validate(Configs.tutorialRaw().put("mqtt.broker", "192.168.1.50"));
        String settings = new String(new FirmwareRenderer("0.1.0").render(c).file("settings.py").orElseThrow()
                .content(), StandardCharsets.UTF_8);
        assertThat(settings).contains("MQTT_USER = 'picotool'", "MQTT_PASSWORD = 'r4nd0m-broker-pw'");
        assertThat(c.toString()).doesNotContain("r4nd0m");
    }

    @Test
    void whatTheUserGivesWinsAndOtherBrokersGetNothing() {
        PicoConfig own = verify(new RawSettings().put("mqtt.broker", "127.0.0.1").put("mqtt.username", "student")
                .put("mqtt.password_env", "MQTT_PW"));
        assertThat(own.find(MqttSettings.USERNAME)).contains("student");
        assertThat(own.find(MqttSettings.PASSWORD).orElseThrow().reveal()).isEqualTo("users-own");
        PicoConfig elsewhere = verify(new RawSettings().put("mqtt.broker", "192.168.1.11"));
        assertThat(elsewhere.find(MqttSettings.USERNAME)).isEmpty();
        assertThat(elsewhere.find(MqttSettings.PASSWORD)).isEmpty();
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> verify(new RawSettings()
                .put("mqtt.broker", "localhost").put("mqtt.password_env", "MQTT_PW")));
        assertThat(e.getMessage()).contains("an MQTT password was given without a user name");
        assertThat(Configs.validator(secrets).validate(new RawSettings().put("mqtt.broker", "127.0.0.1"), Use.VERIFY)
                .find(MqttSettings.USERNAME)).as("no local broker login").isEmpty();
        assertThat(validator.withoutLocalBroker().validate(new RawSettings().put("mqtt.broker", "127.0.0.1"),
                Use.VERIFY).find(MqttSettings.USERNAME)).isEmpty();
    }

    @Test
    void thisComputerIsItsLoopbackAndItsOwnAddressesNeverANameToLookUp() throws Exception {
        for (String local : new String[] {"localhost", "LOCALHOST.", "127.0.0.1", "::1", "0.0.0.0", "[::1]"}) {
            assertThat(ThisComputer.names(local.replace("[", "").replace("]", ""))).as(local).isTrue();
        }
        for (String other : new String[] {"192.0.2.1", "example.com", "broker.lan", "2001:db8::1"}) {
            assertThat(ThisComputer.names(other)).as(other).isFalse();
        }
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                String host = a.getHostAddress().replaceAll("%.*", "");
                assertThat(ThisComputer.names(host)).as(host).isTrue();
            }
        }
    }
}
