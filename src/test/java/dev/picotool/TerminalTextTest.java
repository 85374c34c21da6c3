package dev.picotool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {
    @Test
    void controlLineBreakAndBidiCharactersBecomeVisibleEscapes() {
        assertThat(TerminalText.escape("21.5\nPASS: 3 topics")).isEqualTo("21.5\\nPASS: 3 topics");
        assertThat(TerminalText.escape("\u001b[2J\u001b]0;title\u0007")).isEqualTo("\\x1b[2J\\x1b]0;title\\x07");
        assertThat(TerminalText.escape("a\rb\tc\u007f")).isEqualTo("a\\rb\\tc\\x7f");
        assertThat(TerminalText.escape("\u009b31m")).isEqualTo("\\u009b31m"); // C1 CSI
        assertThat(TerminalText.escape("abc\u202edcba\u2066\u2028")).isEqualTo("abc\\u202edcba\\u2066\\u2028");
        assertThat(TerminalText.escape("lone \ud83c surrogate")).isEqualTo("lone \\ud83c surrogate");
    }

    @Test
    void everythingElseIsKept() {
        String fine = "pico/🌡 23.1 °C, ｔｅｍｐ, é, 👨‍👩‍👧, \\x1b as text";
        assertThat(TerminalText.escape(fine)).isSameAs(fine);
    }
}
