package dev.picotool.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading what repr() prints on MicroPython and on CPython (the virtual Pico); strictly, so nothing is guessed. */
class PyLiteralReaderTest {
    @Test
    void readsListingTuplesWithHostileNames() {
        // MicroPython: \xNN below 0x20 and for 0x7f, the other quote kept, UTF-8 printed as it is
        assertThat(PyLiteralReader.parse("('x\\na b c', 32768, 12)")).isEqualTo(List.of("x\na b c", 32768L, 12L));
        assertThat(PyLiteralReader.parse("(\"it's\", 1)")).isEqualTo(List.of("it's", 1L));
        assertThat(PyLiteralReader.parse("('it\\'s \"q\"', 1)")).isEqualTo(List.of("it's \"q\"", 1L));
        assertThat(PyLiteralReader.parse("('back\\\\slash\\t\\r\\x01\\x7f', 0)"))
                .isEqualTo(List.of("back\\slash\t\r\u0001\u007f", 0L));
        assertThat(PyLiteralReader.parse("('é 🌡 \u2028', 16384, 0)"))
                .isEqualTo(List.of("é 🌡 \u2028", 16384L, 0L));
        // CPython: \\u and \\U for what it deems unprintable, \\udcXX for a name that is not UTF-8
        assertThat(PyLiteralReader.parse("('\\u2028\\U000e0001\\x85\\udcff',)"))
                .isEqualTo(List.of("\u2028" + new String(Character.toChars(0xE0001)) + "\u0085\udcff"));
    }

    @Test
    void readsTheOtherValuesOurCodePrints() {
        assertThat(PyLiteralReader.parse("(0, None)")).isEqualTo(Arrays.asList(0L, null));
        assertThat(PyLiteralReader.parse("[True, False, -1, []]")).isEqualTo(List.of(true, false, -1L, List.of()));
        assertThat(PyLiteralReader.parse("  ()  ")).isEqualTo(List.of());
        assertThat(PyLiteralReader.parse("(-1, 3)")).isEqualTo(List.of(-1L, 3L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "(", "('a', 1", "('a' 1)", "'open", "'a\\", "'\\q'", "'\\x4'", "'\\xzz'",
        "'\\U00110000'", "b'x'", "1.5", "('a',) x", "'line\nbreak'", "99999999999999999999", "-", "{1: 2}", "none"})
    void refusesAnythingElse(String text) {
        assertThatThrownBy(() -> PyLiteralReader.parse(text)).isInstanceOf(PyLiteralReader.BadLiteral.class)
                .hasMessageContaining("at character");
    }

    @Test
    void saysWhatIsWrongAndWhere() {
        assertThatThrownBy(() -> PyLiteralReader.parse("'\\x0'")).hasMessageStartingWith("a hex escape has a non-hex");
        assertThatThrownBy(() -> PyLiteralReader.parse("'a")).hasMessage("a string is not closed at character 2");
        assertThatThrownBy(() -> PyLiteralReader.parse("(1 2)")).hasMessage("expected ',' or ')' at character 3");
    }

    @Test
    void randomTextEndsInAValueOrBadLiteralNeverAnotherException() {
        Random random = new Random(42);
        String alphabet = "()[]',\"\\xuU0123456789abfN -TrueFalseNone\n\u00e9\ud83c\udf21";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(24); i > 0; i--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            try {
                PyLiteralReader.parse(s.toString());
            } catch (PyLiteralReader.BadLiteral expected) {
                // refused, as it should be
            }
        }
    }
}
