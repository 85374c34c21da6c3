package dev.picotool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.testing.Cli;
import dev.picotool.testing.FakeSecrets;
import org.junit.jupiter.api.Test;

/** The README's first command, end to end: embedded broker, virtual Pico, flash, verify. */
class DemoCommandTest {
    @Test
    void demoPassesWithAllThreeSeedTopics() {
        Cli.Result r = Cli.run(new FakeSecrets(), "demo");
        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("| [wifi] connected", "| [mqtt] connected", "demo passed")
                .containsPattern("pico/temperature/internal +2/2 .* PASS")
                .containsPattern("pico/temperature/dht22 +2/2 .* PASS")
                .containsPattern("pico/humidity/dht22 +2/2 .* PASS");
    }

    @Test
    void wrongWifiPasswordShowsTheFirmwaresOwnMessage() {
        Cli.Result r = Cli.run(new FakeSecrets(), "demo", "--simulate", "wrong-wifi-password");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(4);
        assertThat(r.err()).contains("[wifi] FAILED: wrong password for 'picotool-demo' (status -3)");
    }
}
