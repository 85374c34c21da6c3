package dev.picotool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Utf8TextTest {
    @Test
    void aCharacterSplitAcrossReadsComesOutWhole() {
        byte[] bytes = "21.5 °C 😀".getBytes(StandardCharsets.UTF_8);
        Utf8Text text = new Utf8Text();
        StringBuilder seen = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            seen.append(text.feed(Arrays.copyOfRange(bytes, i, i + 1)));
        }
        assertThat(seen.toString()).isEqualTo("21.5 °C 😀");
    }

    @Test
    void bytesThatAreNotUtf8BecomeReplacementCharacters() {
        assertThat(new Utf8Text().feed(new byte[] {'a', (byte) 0xff, 'b'})).isEqualTo("a\ufffdb");
    }
}
