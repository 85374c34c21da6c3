package dev.picotool.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MicroPythonVersionTest {
    @Test
    void ordersReleasesAndPreviews() {
        MicroPythonVersion v120 = MicroPythonVersion.parse("1.20.0");
        assertThat(MicroPythonVersion.parse("1.19.1").olderThan(v120)).isTrue();
        assertThat(MicroPythonVersion.parse("1.20").olderThan(v120)).isFalse();
        assertThat(MicroPythonVersion.parse("v1.9.4").olderThan(v120)).isTrue();
        assertThat(MicroPythonVersion.parse("1.20.0-preview").olderThan(v120)).isTrue();
        assertThat(MicroPythonVersion.parse("1.28.0-preview").toString()).isEqualTo("1.28.0-preview");
        assertThat(MicroPythonVersion.parse("2.0.0").compareTo(MicroPythonVersion.parse("1.99.99"))).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "one.two", "1.2.3.4", "1.2.3-", "99999.1.1", "1.2.3-a b"})
    void refusesWhatIsNotAVersion(String text) {
        assertThatThrownBy(() -> MicroPythonVersion.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
