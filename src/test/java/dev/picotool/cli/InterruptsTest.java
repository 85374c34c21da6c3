package dev.picotool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.ExitCode;
import dev.picotool.testing.Deadline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C and SIGTERM during `picotool device exec`: the code on the board is stopped, main.py runs again, and
 * picotool says it was interrupted (not "the board disconnected") and exits 130/143. Once in-process with an injected
 * signal, once with a real signal to a child JVM running picotool.
 */
class InterruptsTest {
    /** Tells the test it runs (a file appears), then never ends on its own. */
    static final String ENDLESS = "open('running', 'w').close()\nwhile True:\n pass\n";

    @TempDir
    Path dir;

    CountingBoard pico;

    @BeforeEach
    void start() {
        pico = new CountingBoard(dir.resolve("pico"));
    }

    @AfterEach
    void stop() {
        pico.close();
    }

    void awaitRunning() {
        Deadline.await(Duration.ofSeconds(60), () -> Files.exists(pico.fs().resolve("running")),
                () -> "the code to run on the board");
    }

    @Test
    void ctrlCStopsTheCodeOnTheBoardRestartsMainPyAndExits130() {
        BoardCli cli = new BoardCli(pico.port());
        CompletableFuture<Void> user = CompletableFuture.runAsync(() -> {
            awaitRunning();
            Deadline.await(Duration.ofSeconds(10), () -> cli.signal(ExitCode.INTERRUPTED), () -> "a listener");
        });
        assertThat(cli.run("device", "exec", ENDLESS)).as(cli.toString()).isEqualTo(130);
        user.join();
        assertThat(cli.err.toString()).contains("error: interrupted (Ctrl-C): the board's program was stopped and "
                + "main.py runs again").doesNotContain("disconnected");
        pico.awaitStarts(2);
    }

    @ParameterizedTest
    @CsvSource({"INT, 130, Ctrl-C", "TERM, 143, SIGTERM"})
    void aRealSignalToPicotoolEndsTheSameWay(String signal, int exitCode, String cause) throws Exception {
        Path err = dir.resolve("err.txt");
        Process picotool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PicoTool.class.getName(), "device", "exec", "--port",
                pico.port(), ENDLESS).redirectOutput(dir.resolve("out.txt").toFile()).redirectError(err.toFile())
                .start();
        try {
            awaitRunning();
            // the shell's own kill: a clean Debian has no /bin/kill (procps) but always a /bin/sh
            new ProcessBuilder(List.of("sh", "-c", "kill -" + signal + " " + picotool.pid()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
            assertThat(picotool.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(picotool.exitValue()).as(Files.readString(err)).isEqualTo(exitCode);
            assertThat(Files.readString(err)).contains("error: interrupted (" + cause + "): the board's program was "
                    + "stopped and main.py runs again").doesNotContain("disconnected");
            pico.awaitStarts(2);
        } finally {
            picotool.destroyForcibly();
        }
    }
}
