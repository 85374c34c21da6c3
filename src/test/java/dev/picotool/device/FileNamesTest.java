package dev.picotool.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A name shown to a person can neither forge a line nor reach the terminal as a control sequence. */
class FileNamesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "main.py | main.py", "a b.py | a b.py", "é🌡.txt | é🌡.txt",
        "\"x\na b c\" | \"'x\\na b c'\"", "\"\u001b[31mred\" | \"'\\x1b[31mred'\"", "\"it's\" | \"'it\\'s'\"",
        "back\\slash | \"'back\\\\slash'\"", "\" lead\" | \"' lead'\"", "\"tail \" | \"'tail '\"",
        "\"\u2028\" | \"'\\u2028'\"", "\"\u0085\" | \"'\\x85'\""})
    void showsPlainNamesAsTheyAreAndOthersQuoted(String name, String shown) {
        assertThat(FileNames.display(name)).isEqualTo(shown);
    }

    @Test
    void showsANameThatIsNotUtf8OnTheBoard() {
        assertThat(FileNames.display("\udcff")).isEqualTo("'\\udcff'");
        assertThat(FileNames.display("a\udcffb\n")).isEqualTo("'a\\udcffb\\n'");
    }
}
