package dev.picotool.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BrokerAddressTest {
    @ParameterizedTest
    @CsvSource({"192.168.1.11,192.168.1.11,", "192.168.1.11:1884,192.168.1.11,1884", "[fd00::1]:8883,fd00::1,8883",
            "broker.lan,broker.lan,", "fd00::1,fd00::1,"})
    void splitsHostAndPort(String text, String host, Integer port) {
        BrokerAddress a = BrokerAddress.parse(text, bad -> { }).orElseThrow();
        assertThat(a.host()).isEqualTo(host);
        assertThat(a.port().orElse(null)).isEqualTo(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "pico.localhost", "127.0.0.1", "127.1.2.3", "::1"})
    void loopback(String host) {
        assertThat(BrokerAddress.isLoopback(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.168.1.11", "10.0.0.1", "broker.lan", "127example.com"})
    void notLoopback(String host) {
        assertThat(BrokerAddress.isLoopback(host)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "-bad.lan", "1.2.3", "999.1.1.1", "x..y", "under_score.lan"})
    void invalidHosts(String host) {
        assertThat(BrokerAddress.isValidHost(host)).isFalse();
    }
}
