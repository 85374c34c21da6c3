package dev.picotool.cli;

import static dev.picotool.testing.Uf2Files.RP2350_ARM_S;
import static dev.picotool.testing.Uf2Files.micropythonImage;
import static dev.picotool.testing.Uf2Files.uf2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.broker.EmbeddedBroker;
import dev.picotool.config.ConfigFiles;
import dev.picotool.device.DeviceAccess;
import dev.picotool.device.PortInfo;
import dev.picotool.device.SerialLink;
import dev.picotool.device.SerialLinks;
import dev.picotool.render.FirmwareRenderer;
import dev.picotool.testing.BootselPico;
import dev.picotool.testing.Configs;
import dev.picotool.testing.FakeDevices;
import dev.picotool.testing.FakeSecrets;
import dev.picotool.testing.Ports;
import dev.picotool.testing.Repo;
import dev.picotool.testing.VirtualPico;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tutorial's troubleshooting table (README.md, "When something goes wrong") quotes what picotool prints for the ten
 * most common failures. Each row's failure is caused here, through the CLI against a virtual Pico, and what picotool
 * printed is compared with the row: the quoted text ("…" stands for a part that differs, a port or a file) and the
 * exit code.
 */
class TroubleshootingTableTest {
    static final String SECTION = "### When something goes wrong";
    static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\(exit (\\d)\\) \\|");
    static final FakeSecrets SECRETS = new FakeSecrets().env("PW", "secretpass").env("WRONG_PW", "wrongpass1");

    @TempDir
    Path dir;

    record Row(String message, int exit) {
    }

    record Run(int exit, String text) {
    }

    static List<Row> table() throws IOException {
        String readme = Files.readString(Repo.root().resolve("README.md"));
        int at = readme.indexOf(SECTION);
        assertThat(at).as("README has the section " + SECTION).isPositive();
        List<Row> rows = new ArrayList<>();
        for (String line : readme.substring(at).lines().skip(1).toList()) {
            if (line.startsWith("#")) {
                break;
            }
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                rows.add(new Row(m.group(1), Integer.parseInt(m.group(2))));
            }
        }
        return rows;
    }

    /** The row's text, split at "…", appears in that order in what picotool printed, and the exit code matches. */
    static void assertPrinted(Row row, Run run) {
        assertThat(run.exit()).as("exit code for `" + row.message() + "`\n" + run.text()).isEqualTo(row.exit());
        int from = 0;
        for (String part : row.message().split("…")) {
            int found = run.text().indexOf(part.strip(), from);
            assertThat(found).as("`" + part.strip() + "` of the row `" + row.message() + "` in what picotool "
                    + "printed:\n" + run.text()).isNotNegative();
            from = found + part.strip().length();
        }
    }

    @Test
    void everyMessageInTheTableIsWhatPicotoolPrints() throws Exception {
        List<Row> rows = table();
        List<Run> runs = List.of(noBoard(), uf2ForTheOtherChip(), plainPicoBuild(), portBusy(), noPermission(),
                reservedPin(), loopbackBroker(), wrongWifiPassword(), brokerRefused(), sensorReadingsMissing());
        assertThat(rows).as("ten rows, in this order").hasSize(runs.size());
        for (int i = 0; i < rows.size(); i++) {
            assertPrinted(rows.get(i), runs.get(i));
        }
    }

    Run cli(DeviceAccess devices, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PicoTool tool = new PicoTool(new Services(Configs.validator(SECRETS), new FirmwareRenderer("0.1.0"))
                .withDevices(devices).withConfigFiles(ConfigFiles.none()));
        int rc = PicoTool.execute(tool, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(rc, out + "\n" + err);
    }

    List<String> flashArgs(String port, String... extra) {
        List<String> a = new ArrayList<>(List.of("flash", "--wifi", "Lab", "--wifi-password-env", "PW", "--broker",
                "192.168.1.11", "--backup-dir", dir.resolve("backups").toString(), "--port", port));
        a.addAll(List.of(extra));
        return a;
    }

    static DeviceAccess listing(VirtualPico p) {
        return FakeDevices.listing(new PortInfo(p.port(), "Board CDC", 0x2E8A, 0x0005, "e661"));
    }

    Run noBoard() {
        return cli(FakeDevices.listing(), "flash", "--wifi", "Lab", "--wifi-password-env", "PW", "--broker",
                "192.168.1.11");
    }

    Run uf2ForTheOtherChip() throws IOException {
        try (BootselPico pico = BootselPico.start(dir.resolve("bootsel"))) {
            Path file = Files.write(dir.resolve("RPI_PICO2_W-v1.27.0.uf2"), uf2(RP2350_ARM_S, micropythonImage(
                    "1.27.0", "Raspberry Pi Pico 2 W with RP2350")));
            return cli(FakeDevices.listing(), "install-micropython", "--uf2", file.toString(), "--drive",
                    pico.drive().toString());
        }
    }

    Run plainPicoBuild() {
        try (VirtualPico p = VirtualPico.start(dir.resolve("plain"), "--board", "pico")) {
            return cli(listing(p), flashArgs(p.port(), "--monitor", "0").toArray(String[]::new));
        }
    }

    Run portBusy() {
        try (VirtualPico p = VirtualPico.start(dir.resolve("busy"));
             SerialLink thonny = SerialLinks.open(p.port())) {
            return cli(listing(p), flashArgs(p.port()).toArray(String[]::new));
        }
    }

    /**
     * The port's mode leaves this user out. Root may open anything, so as root picotool runs in a child JVM whose
     * root has no CAP_DAC_OVERRIDE (setpriv drops it from the bounding set, util-linux), like a user outside dialout.
     */
    Run noPermission() throws Exception {
        try (VirtualPico p = VirtualPico.start(dir.resolve("perm"))) {
            Path pts = Path.of(p.port()).toRealPath();
            Files.setPosixFilePermissions(pts, PosixFilePermissions.fromString("---------"));
            List<String> args = List.of("device", "ls", "--port", p.port());
            if (!"root".equals(System.getProperty("user.name"))) {
                return cli(listing(p), args.toArray(String[]::new));
            }
            List<String> cmd = new ArrayList<>(List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), PicoTool.class.getName()));
            cmd.addAll(args);
            Path output = dir.resolve("perm.out");
            Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child picotool ended").isTrue();
            return new Run(child.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        }
    }

    Run reservedPin() {
        return cli(FakeDevices.listing(), "validate", "--wifi", "Lab", "--wifi-password-env", "PW", "--broker",
                "192.168.1.11", "--pin", "GP23");
    }

    Run loopbackBroker() {
        return cli(FakeDevices.listing(), "validate", "--wifi", "Lab", "--wifi-password-env", "PW", "--broker",
                "localhost");
    }

    Run wrongWifiPassword() {
        try (VirtualPico p = VirtualPico.start(dir.resolve("wifi"), "--wifi", "MyNet:secretpass")) {
            return cli(listing(p), "flash", "--wifi", "MyNet", "--wifi-password-env", "WRONG_PW", "--broker",
                    "192.168.1.11", "--backup-dir", dir.resolve("backups").toString(), "--port", p.port());
        }
    }

    Run brokerRefused() {
        try (VirtualPico p = VirtualPico.start(dir.resolve("refused"))) {
            return cli(listing(p), "flash", "--wifi", "Lab", "--wifi-password-env", "PW", "--broker", "127.0.0.1",
                    "--mqtt-port", String.valueOf(Ports.free()), "--allow-loopback", "--backup-dir",
                    dir.resolve("backups").toString(), "--port", p.port());
        }
    }

    /** A DHT22 that does not answer (wiring): the board publishes its own temperature, not the sensor's. */
    Run sensorReadingsMissing() {
        try (EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.Options.anonymous("127.0.0.1", 0));
             VirtualPico p = VirtualPico.start(dir.resolve("absent"), "--dht22-absent")) {
            String address = "127.0.0.1:" + broker.port();
            Run flashed = cli(listing(p), "flash", "--wifi", "Lab", "--wifi-password-env", "PW", "--broker", address,
                    "--allow-loopback", "--interval", "2", "--monitor", "0", "--backup-dir",
                    dir.resolve("backups").toString(), "--port", p.port());
            assertThat(flashed.exit()).as(flashed.text()).isZero();
            return cli(FakeDevices.listing(), "verify", "--broker", address, "--interval", "2", "--count", "1",
                    "--timeout", "8");
        }
    }
}
