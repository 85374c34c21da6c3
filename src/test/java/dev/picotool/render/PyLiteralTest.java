package dev.picotool.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PyLiteralTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        plain         | abc          | 'abc'
        single quote  | it's         | 'it\\'s'
        double quote  | a"b          | 'a"b'
        backslash     | a\\b         | 'a\\\\b'
        braces        | {x}${y}%s    | '{x}${y}%s'
        accents       | Café         | 'Café'
        """)
    void strings(String why, String in, String out) {
        assertThat(PyLiteral.str(in)).isEqualTo(out);
    }

    @Test
    void controlAndSeparatorCharactersAreEscaped() {
        assertThat(PyLiteral.str("a\nb\rc\td\0e\u007ff\u0085g\u2028h\u2029i\ufeff"))
                .isEqualTo("'a\\nb\\rc\\td\\x00e\\x7ff\\x85g\\u2028h\\u2029i\\ufeff'");
    }

    @Test
    void astralCharactersStayAsUtf8() {
        assertThat(PyLiteral.str("😀")).isEqualTo("'😀'");
    }

    @Test
    void unpairedSurrogateIsRefusedNotMangled() {
        assertThatThrownBy(() -> PyLiteral.str("a\ud800b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unpaired surrogate at index 1");
    }

    @Test
    void otherValues() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("k", List.of(1, true, Optional.empty()));
        assertThat(PyLiteral.of(map)).isEqualTo("{'k': [1, True, None]}");
        assertThat(PyLiteral.of(null)).isEqualTo("None");
        assertThat(PyLiteral.of(Optional.of("x"))).isEqualTo("'x'");
        assertThat(PyLiteral.of(2.5)).isEqualTo("2.5");
        assertThat(PyLiteral.of(Double.NaN)).isEqualTo("float('nan')");
        assertThat(PyLiteral.of(Double.NEGATIVE_INFINITY)).isEqualTo("float('-inf')");
        assertThat(PyLiteral.of(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(PyLiteral.of(12_345_678_901L)).isEqualTo("12345678901");
    }
}
