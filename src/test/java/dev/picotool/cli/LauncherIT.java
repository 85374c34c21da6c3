package dev.picotool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.testing.Repo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How picotool starts: tool/picotool keeps a class-data archive made for the jar it runs and never says a word about
 * it on stdout (not when the jar changed, not when the archive is damaged), and picocli's set-up for --help,
 * --version and validate loads none of the broker's, the MQTT client's or the serial port's classes.
 */
class LauncherIT {
    static final Path JAR = Repo.root().resolve("target/picotool-all.jar");
    /** Classes a command that talks to no broker and no board has no business loading. */
    static final Pattern HEAVY = Pattern.compile("\\] (io\\.moquette|io\\.netty|org\\.eclipse\\.paho|com\\.fazecast"
            + "|freemarker|dev\\.picotool\\.(broker|verify|homeassistant)\\.|dev\\.picotool\\.device\\.(JSerialCommLink"
            + "|SerialLinks|TcpLink|RawRepl|Flasher))[.$ ]");

    @TempDir
    Path dir;

    record Run(int rc, String out, String err) {
    }

    Run run(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("PICOTOOL_TEST_PW", "launcher-pw");
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, Files.readString(dir.resolve("err.txt")));
    }

    /** A checkout with only the launcher and the jar: nothing for it to rebuild, an archive of its own. */
    Path checkout() throws IOException {
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo.resolve("tool"));
        Files.createDirectories(repo.resolve("target"));
        Path launcher = Files.copy(Repo.root().resolve("tool/picotool"), repo.resolve("tool/picotool"));
        launcher.toFile().setExecutable(true);
        Files.copy(JAR, repo.resolve("target/picotool-all.jar"));
        return repo;
    }

    @Test
    void theLauncherKeepsAnArchiveForItsJarAndNeverMentionsItOnStdout() throws Exception {
        Path repo = checkout();
        List<String> version = List.of(repo.resolve("tool/picotool").toString(), "--version");
        Path jsa = repo.resolve("target/picotool-all.jsa");
        Path jar = repo.resolve("target/picotool-all.jar");

        Run first = run(version);
        assertThat(first.rc()).as(first.err()).isZero();
        assertThat(first.out()).matches("picotool \\S+\\nJava \\S+\\n");
        assertThat(first.err()).contains("preparing its class-data archive");
        assertThat(jsa).exists();
        assertThat(Files.getLastModifiedTime(jsa).compareTo(Files.getLastModifiedTime(jar))).isGreaterThanOrEqualTo(0);

        Run again = run(version);
        assertThat(again.out()).isEqualTo(first.out());
        assertThat(again.err()).isEmpty();

        // a jar built after the archive: the archive is made again, and the output stays the same
        Instant built = Files.getLastModifiedTime(jar).toInstant();
        Files.setLastModifiedTime(jsa, FileTime.from(built.minusSeconds(60)));
        Run rebuilt = run(version);
        assertThat(rebuilt.out()).isEqualTo(first.out());
        assertThat(rebuilt.err()).contains("preparing its class-data archive");
        assertThat(Files.getLastModifiedTime(jsa).compareTo(Files.getLastModifiedTime(jar))).isGreaterThanOrEqualTo(0);

        // an archive that does not fit (damaged, or from another jar) is ignored without a word
        Files.write(jsa, "not an archive".getBytes(StandardCharsets.UTF_8));
        Files.setLastModifiedTime(jsa, FileTime.from(built.plusSeconds(1)));
        Run damaged = run(version);
        assertThat(damaged.rc()).isZero();
        assertThat(damaged.out()).isEqualTo(first.out());
        assertThat(damaged.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "--version", "validate --wifi Lab --wifi-password-env PICOTOOL_TEST_PW "
            + "--broker 192.0.2.1"})
    void setUpLoadsNoBrokerMqttOrSerialClasses(String args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xshare:off", "-Xlog:class+load=info", "-jar", JAR.toString()));
        cmd.addAll(List.of(args.split(" ")));
        Run r = run(cmd);
        assertThat(r.rc()).as(r.err()).isZero();
        assertThat(r.out()).contains("dev.picotool.cli.PicoTool ");  // the log is there
        assertThat(r.out().lines().filter(l -> HEAVY.matcher(l).find()).toList()).isEmpty();
    }
}
