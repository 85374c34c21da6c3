package dev.picotool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.testing.VirtualPico;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device utilities and `ports` through the command line, against a virtual Pico that "auto" finds. */
class DeviceCommandTest {
    @TempDir
    Path dir;

    VirtualPico pico;
    BoardCli cli;
    StringWriter out;
    StringWriter err;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(dir.resolve("pico/fs"));
        Files.writeString(dir.resolve("pico/fs/settings.py"), "WIFI_PASSWORD = 'hunter22'\n");
        pico = VirtualPico.start(dir.resolve("pico"));
        cli = new BoardCli(pico.port());
        out = cli.out;
        err = cli.err;
    }

    @AfterEach
    void stop() {
        pico.close();
    }

    int run(String... args) {
        return cli.run(args);
    }

    @Test
    void listsPortsMarkingTheMicroPythonBoard() {
        assertThat(run("ports")).isZero();
        assertThat(out.toString()).contains("* " + pico.port()).contains("(MicroPython board)")
                .contains("  /dev/ttyS0");
    }

    @Test
    void listsRunsAndRemoves() {
        assertThat(run("device", "ls")).isZero();
        assertThat(out.toString()).contains("settings.py");
        assertThat(run("device", "exec", "print(6*7)")).isZero();
        assertThat(out.toString()).contains("42");
        assertThat(run("device", "rm", "settings.py")).isZero();
        assertThat(dir.resolve("pico/fs/settings.py")).doesNotExist();
    }

    @Test
    void aFailingCommandExitsWithFourAndTheDevicesLastLine() {
        assertThat(run("device", "exec", "open('nope.py')")).isEqualTo(4);
        assertThat(err.toString()).contains("error: your code failed on the board: no such file or directory "
                + "(OSError: [Errno 2] ENOENT)").contains("hint: check the name with `picotool device ls`");
        assertThat(run("device", "--port", "/dev/ttyACM9", "ls")).isEqualTo(2); // --port belongs to the subcommand
        assertThat(run("device", "ls", "--port", dir.resolve("missing").toString())).isEqualTo(4);
        assertThat(err.toString()).contains("no serial port").contains("hint: ports that exist");
    }

    @Test
    void resetRestartsMainPy() {
        assertThat(run("device", "reset")).isZero();
        assertThat(out.toString()).contains("soft reset done");
    }

    @Test
    void catPrintsTheFileAsText() {
        assertThat(run("device", "cat", "settings.py")).isZero();
        assertThat(out.toString()).isEqualTo("WIFI_PASSWORD = 'hunter22'\n");
    }

    @Test
    void monitorShowsWhatTheRunningProgramPrints() throws Exception {
        Files.writeString(pico.fs().resolve("main.py"), "import time\nwhile True:\n print('tick °C')\n"
                + " time.sleep(0.2)\n");
        assertThat(run("device", "reset")).isZero();
        out.getBuffer().setLength(0);
        assertThat(run("monitor", "--seconds", "2")).isZero();
        assertThat(out.toString()).contains("tick °C\r\n");
        assertThat(err.toString()).contains("monitoring " + pico.port() + " for 2 s");
    }

    @Test
    void listsAnyFileNameSoThatItCannotForgeALineOrReachTheTerminal() throws Exception {
        assertThat(run("device", "exec", "for n in ['x\\na b c', '\\x1b[31mred', 'it\\'s', 'plain.py']:\n"
                + " open(n, 'w').write('12')")).as(cli.toString()).isZero();
        assertThat(run("device", "ls")).as(cli.toString()).isZero();
        assertThat(out.toString()).contains("        2 'x\\na b c'\n", "        2 '\\x1b[31mred'\n",
                "        2 'it\\'s'\n", "        2 plain.py\n").doesNotContain("\u001b");
        assertThat(run("device", "rm", "x\na b c")).isZero();
        assertThat(out.toString()).isEqualTo("removed 'x\\na b c'\n");
        assertThat(pico.fs().resolve("x\na b c")).doesNotExist();
    }

    @Test
    void boardErrorsAreSaidInWordsWithAFix() throws Exception {
        Files.createDirectories(pico.fs().resolve("lib"));
        Files.writeString(pico.fs().resolve("lib/x.py"), "x = 1\n");
        assertThat(run("device", "rm", "lib")).isEqualTo(4);
        assertThat(err.toString()).contains("error: removing lib failed on the board: the directory is not empty "
                + "(OSError: 39 = ENOTEMPTY)").contains("hint: remove the files in it first");
        assertThat(run("device", "cat", "nope.py")).isEqualTo(4);
        assertThat(err.toString()).contains("reading nope.py failed on the board: no such file or directory")
                .contains("hint: check the name with `picotool device ls`").doesNotContain("report it");
        assertThat(run("device", "ls", "settings.py")).isEqualTo(4);
        assertThat(err.toString()).contains("a part of the path is not a directory");
    }

    @Test
    void aPortThatIsNotASerialPortIsNamedAsSuch() throws Exception {
        Files.writeString(dir.resolve("plain-file"), "x");
        assertThat(run("device", "ls", "--port", dir.resolve("plain-file").toString())).isEqualTo(4);
        assertThat(err.toString()).contains(dir.resolve("plain-file") + " is a regular file, not a serial port")
                .doesNotContain("(error ");
        assertThat(run("device", "ls", "--port", dir.toString())).isEqualTo(4);
        assertThat(err.toString()).contains(dir + " is a directory, not a serial port");
        assertThat(run("device", "ls", "--port", "/nonexistent/tty")).isEqualTo(4);
        assertThat(err.toString()).contains("there is no serial port /nonexistent/tty").doesNotContain("(error ");
        assertThat(run("monitor", "--seconds", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("--seconds must be 0");
    }
}
