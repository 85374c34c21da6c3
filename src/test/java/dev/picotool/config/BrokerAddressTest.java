package dev.picotool.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BrokerAddressTest {
    @ParameterizedTest
    @CsvSource({"192.168.1.11,192.168.1.11,", "192.168.1.11:1884,192.168.1.11,1884", "[fd00::1]:8883,fd00::1,8883",
            "broker.lan,broker.lan,", "fd00::1,fd00::1,", "::ffff:10.0.0.1,::ffff:10.0.0.1,", "broker.lan.,broker.lan.,"})
    void splitsHostAndPort(String text, String host, Integer port) throws Invalid {
        BrokerAddress a = BrokerAddress.parse(text);
        assertThat(a.host()).isEqualTo(host);
        assertThat(a.port().orElse(null)).isEqualTo(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "localhost.", "pico.localhost", "127.0.0.1", "127.1.2.3", "::1",
            "0:0:0:0:0:0:0:1", "0:0::1", "::ffff:127.0.0.1", "::FFFF:7f00:1"})
    void loopback(String host) {
        assertThat(BrokerAddress.isLoopback(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.168.1.11", "10.0.0.1", "broker.lan", "127example.com", "::2", "fd00::1"})
    void notLoopback(String host) {
        assertThat(BrokerAddress.isLoopback(host)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "0::0", "::ffff:0.0.0.0"})
    void unspecified(String host) {
        assertThat(BrokerAddress.isUnspecified(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "-bad.lan", "1.2.3", "999.1.1.1", "x..y", "under_score.lan", "127.1",
            "0x7f000001", "2130706433", "010.0.0.1", "1:2:3:4:5:6:7:8:9", "1::2::3", ":::::", "fe80::1%eth0",
            "12345::1", "::1.2.3"})
    void invalidHosts(String host) {
        assertThat(BrokerAddress.isValidHost(host)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"::", "1::", "::1", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:1.2.3.4", "fd00::abcd:1"})
    void validIpv6(String host) {
        assertThat(BrokerAddress.isValidHost(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"host:0", "host:65536", "host:-1", "host:", "[::1", "[::1]x", "[nope]:1883"})
    void badForms(String text) {
        assertThatThrownBy(() -> BrokerAddress.parse(text)).isInstanceOf(Invalid.class);
    }
}
