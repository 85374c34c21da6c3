package dev.picotool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.ExitCode;
import dev.picotool.testing.Deadline;
import dev.picotool.testing.VirtualPico;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `picotool flash` as a user runs it: mistakes are named before the board is touched, a failure after it was stopped
 * restarts it, and Ctrl-C/SIGTERM end at a safe point with the board running a complete firmware (130/143).
 */
class FlashCommandTest {
    /** Counts its own starts in a file, so a test can see that picotool restarted it. */
    static final String OLD_MAIN = "open('starts', 'a').write('x')\nimport time\nwhile True:\n time.sleep(0.1)\n";

    @TempDir
    Path dir;

    VirtualPico pico;
    BoardCli cli;

    @BeforeEach
    void start() throws IOException {
        Files.createDirectories(dir.resolve("pico/fs"));
        Files.writeString(dir.resolve("pico/fs/main.py"), OLD_MAIN);
        pico = VirtualPico.start(dir.resolve("pico"));
        cli = new BoardCli(pico.port());
    }

    @AfterEach
    void stop() {
        pico.close();
    }

    String[] flash(Path backups, String... more) {
        List<String> args = new ArrayList<>(List.of("flash", "--wifi", "Lab", "--wifi-password-env", "PW", "--broker",
                "127.0.0.1", "--allow-loopback", "--backup-dir", backups.toString()));
        if (!List.of(more).contains("--monitor")) {
            args.addAll(List.of("--monitor", "0"));
        }
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    String[] flash(String... more) {
        return flash(dir.resolve("backups"), more);
    }

    List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(pico.fs())) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** How often the old main.py has started (at power-on, and each time picotool restarted it). */
    long starts() {
        try {
            return Files.exists(pico.fs().resolve("starts")) ? Files.size(pico.fs().resolve("starts")) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void awaitStarts(long n) {
        Deadline.await(Duration.ofSeconds(20), () -> starts() >= n, () -> "main.py to start " + n + " times, not "
                + starts());
    }

    @Test
    void mistakesAreNamedBeforeTheBoardIsTouched() throws IOException {
        Files.writeString(dir.resolve("a-file"), "x");
        assertThat(cli.run(flash(dir.resolve("a-file/backups")))).as(cli.toString()).isEqualTo(2);
        assertThat(cli.err.toString()).contains("cannot keep backups in " + dir.resolve("a-file/backups"))
                .contains("is not a directory").contains("hint: choose a directory you can write to");
        assertThat(cli.run(flash("--port", "socket://127.0.0.1:99999"))).as(cli.toString()).isEqualTo(2);
        assertThat(cli.err.toString()).contains("--port socket://127.0.0.1:99999: 99999 is not a TCP port number")
                .contains("hint: write it as socket://HOST:PORT");
        assertThat(cli.run(flash("--monitor", "-1"))).as(cli.toString()).isEqualTo(2);
        assertThat(cli.err.toString()).contains("--monitor must be 0");
        assertThat(cli.opens).hasValue(0);
        assertThat(files()).doesNotContain("settings.py");
    }

    @Test
    void aFailureAfterTheBoardWasStoppedRestartsItsMainPy() throws IOException {
        Files.write(pico.fs().resolve("filler.bin"), new byte[840_000]);
        awaitStarts(1);
        assertThat(cli.run(flash())).as(cli.toString()).isEqualTo(4);
        assertThat(cli.err.toString()).contains("the board's filesystem is too full");
        awaitStarts(2);
    }

    @Test
    void ctrlCWhileWritingKeepsTheOldFirmwareRestartsItAndExits130() throws IOException {
        cli.signalWhenPrinted("writing the changed files", ExitCode.INTERRUPTED);
        awaitStarts(1);
        assertThat(cli.run(flash())).as(cli.toString()).isEqualTo(130);
        assertThat(cli.err.toString()).contains("interrupted: stopping at a safe point")
                .contains("error: interrupted (Ctrl-C): nothing was changed: the board keeps its old firmware and runs")
                .doesNotContain("disconnected");
        assertThat(files()).containsExactly("main.py", "starts");       // nothing staged is left behind
        assertThat(Files.readString(pico.fs().resolve("main.py"))).isEqualTo(OLD_MAIN);
        awaitStarts(2);
    }

    @Test
    void sigtermWhileSwitchingLetsTheSwitchFinishAndExits143() throws IOException {
        cli.signalWhenPrinted("switching to the new files", ExitCode.TERMINATED);
        assertThat(cli.run(flash())).as(cli.toString()).isEqualTo(143);
        assertThat(cli.err.toString()).contains("error: interrupted (SIGTERM): the new firmware is installed and runs");
        assertThat(Files.readString(pico.fs().resolve("main.py"))).contains("generated by picotool");
        assertThat(files()).contains("settings.py").noneMatch(f -> f.endsWith(".tmp") || f.endsWith(".json"));
    }

    @Test
    void ctrlCBeforeTheBoardIsReachedLeavesItAlone() throws IOException {
        cli.signalWhenPrinted("flashing ", ExitCode.INTERRUPTED);
        awaitStarts(1);
        assertThat(cli.run(flash())).as(cli.toString()).isEqualTo(130);
        assertThat(cli.err.toString()).contains("error: interrupted (Ctrl-C): nothing was sent to the board");
        assertThat(files()).containsExactly("main.py", "starts");
        assertThat(starts()).isEqualTo(1);
    }
}
