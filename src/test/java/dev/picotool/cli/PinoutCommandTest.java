package dev.picotool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.testing.Cli;
import dev.picotool.testing.FakeSecrets;
import dev.picotool.testing.Repo;
import dev.picotool.testing.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** `picotool pinout` as a user runs it: snapshots of what it prints, the SVG file, and every mistake's exit code. */
class PinoutCommandTest {
    static final FakeSecrets NONE = new FakeSecrets();

    @TempDir
    Path dir;

    static Cli.Result run(String... args) {
        return Cli.run(NONE, args);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "pinout-gp15.txt | pinout --pin GP15",
        "pinout-gp0-caution.txt | pinout --pin GP0",
        "pinout-pico2w.txt | pinout --board pico2_w",
        "pinout-vbus.txt | pinout --power vbus",
        "pinout-dht11-gp26-pico.txt | pinout --board pico --sensor dht11 --pin gp26"})
    void printsTheBoardTheWiresAndTheAdvice(String snapshot, String commandLine) {
        Cli.Result r = run(commandLine.split(" "));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        Snapshot.assertMatches(snapshot, r.out());
    }

    @Test
    void gp15IsPhysicalPin20AndVccGoesTo36() {
        String out = run("pinout", "--pin", "GP15").out();
        assertThat(out).containsPattern("DHT22 DATA ==> +GP15 20 \\|").containsPattern("\\| 36 3V3\\(OUT\\) +<== DHT22 VCC")
                .contains("DHT22 pin 2  DATA  ->  physical pin 20  GP15",
                        "DHT22 pin 1  VCC   ->  physical pin 36  3V3(OUT)")
                .doesNotContain("\u001b[");
    }

    @Test
    void aPinTheBoardKeepsIsShownWithItsReasonAndExits3() {
        Cli.Result r = run("pinout", "--pin", "GP23");
        assertThat(r.exitCode()).isEqualTo(3);
        Snapshot.assertMatches("pinout-gp23-rejected.txt", r.out() + "--- stderr:\n" + r.err());
        assertThat(r.err()).contains("sensor.pin: GP23 cannot be used: it is WL_REG_ON",
                "Fix: wire the sensor to another GPIO, e.g. --pin GP15 (valid: GP0-GP22, GP26-GP28)");
    }

    @Test
    void theVbusRiskNamesTheDatasheetAndTheSafeSupply() {
        String out = run("pinout", "--power", "vbus").out();
        assertThat(out).contains("<== DHT22 VCC (!)", "RISK: On VBUS (physical pin 40, the USB 5 V)",
                "RP2040 GPIOs are not 5 V tolerant", "RP2040 datasheet", "Safe: Power the DHT22 from 3V3(OUT) "
                        + "(physical pin 36) instead");
        String pico2 = run("pinout", "--power", "vbus", "--board", "pico2_w").out();
        assertThat(pico2).contains("GP15 is one of the RP2350's fault-tolerant pads", "only while the board is "
                + "powered", "Table 1433");
    }

    @Test
    void writesTheSvgAtomicallyReadableByAll() throws Exception {
        Path svg = dir.resolve("wiring.svg");
        Files.writeString(svg, "old");
        Cli.Result r = run("pinout", "--pin", "GP16", "--svg", svg.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).endsWith("wrote the wiring diagram to " + svg + "\n");
        assertThat(Files.readString(svg)).startsWith("<?xml").contains("DATA on GP16 (physical pin 21)");
        assertThat(Files.getPosixFilePermissions(svg)).contains(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(svg); // no temporary file left behind
        }
    }

    @Test
    void theCommittedTutorialDiagramIsWhatTheCommandDraws() throws Exception {
        Path svg = dir.resolve("wiring.svg");
        assertThat(run("pinout", "--svg", svg.toString()).exitCode()).isZero();
        assertThat(Files.readString(svg)).as("pinouts/wiring-dht22-gp15.svg is stale: regenerate it with "
                + "`tool/picotool pinout --svg pinouts/wiring-dht22-gp15.svg`")
                .isEqualTo(Files.readString(Repo.root().resolve("pinouts/wiring-dht22-gp15.svg")));
    }

    @Test
    void badSvgPathsAreUsageErrorsWithAFix() throws Exception {
        Cli.Result missingDir = run("pinout", "--svg", dir.resolve("no/such/dir/w.svg").toString());
        assertThat(missingDir.exitCode()).isEqualTo(2);
        assertThat(missingDir.err()).contains("does not exist", "hint: create it first");
        Cli.Result isDir = run("pinout", "--svg", dir.toString());
        assertThat(isDir.exitCode()).isEqualTo(2);
        assertThat(isDir.err()).contains("is a directory", "hint: name the file to write, e.g. --svg "
                + dir.resolve("wiring.svg"));
        Path readOnly = Files.createDirectory(dir.resolve("ro"));
        readOnly.toFile().setWritable(false);
        Cli.Result denied = run("pinout", "--svg", readOnly.resolve("w.svg").toString());
        if (!readOnly.toFile().canWrite()) { // root ignores directory permissions
            assertThat(denied.exitCode()).isEqualTo(2);
            assertThat(denied.err()).contains("cannot write", "hint: check that");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "pinout --board pico3 | unknown board 'pico3'",
        "pinout --sensor bme280 | unknown sensor 'bme280'",
        "pinout --power 5v | unknown power supply '5v'",
        "wiring --board pico3 | unknown board 'pico3'"})
    void unknownValuesAreUsageErrors(String commandLine, String message) {
        Cli.Result r = run(commandLine.split(" "));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("error: " + message, "hint: use --");
    }

    @Test
    void wiringSaysTheSameFromTheSameData() {
        Cli.Result r = run("wiring", "--pin", "GP16", "--power", "vbus", "--board", "pico2_w");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("DHT22 on a Raspberry Pi Pico 2 W, data on GP16 (physical pin 21)",
                "VCC (pin 1) -> physical pin 40 (VBUS).", "RISK: On VBUS", "Safe: Power the DHT22 from 3V3(OUT)",
                "Not on the header, kept by the board: GP23 (WL_REG_ON), GP24 (WL_D), GP25 (WL_CS), GP29 (WL_CLK).");
        assertThat(run("wiring", "--pin", "GP29").exitCode()).isEqualTo(3);
    }
}
