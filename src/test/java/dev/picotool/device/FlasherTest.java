package dev.picotool.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picotool.render.DeviceFile;
import dev.picotool.render.FirmwareBundle;
import dev.picotool.testing.VirtualPico;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flashing a virtual Pico through jSerialComm on a pty: the whole flow, and what an interruption leaves behind. */
class FlasherTest extends FlasherFixture {
    static final String MAIN = "import settings, helper\nprint('[picotool] firmware 0.1.0 starting, board x')\n"
            + "print('[wifi] connected, ip 192.168.4.23')\nprint('[mqtt] connected')\nimport time\n"
            + "while True:\n time.sleep(0.05)\n";

    static FirmwareBundle bundle(String settings, String main) {
        return new FirmwareBundle(List.of(DeviceFile.text("helper.py", "X = 1\n"),
                DeviceFile.text("settings.py", settings), DeviceFile.text("main.py", main)));
    }

    static FirmwareBundle v1() {
        return bundle("WIFI_PASSWORD = 'hunter22'\n", MAIN);
    }

    @Override
    Flasher.Options options() {
        return super.options().withMonitor(Duration.ofSeconds(5));
    }

    @Test
    void firstFlashWritesEveryFileAndTheBoardBootsAndConnects() throws IOException {
        VirtualPico p = pico();
        FlashResult r = flash(p, v1(), options());
        assertThat(r.plan().writes()).extracting(FlashPlan.Step::name)
                .containsExactly("helper.py", "settings.py", "main.py");
        assertThat(Files.readString(p.fs().resolve("settings.py"))).isEqualTo("WIFI_PASSWORD = 'hunter22'\n");
        assertThat(Files.readString(p.fs().resolve("main.py"))).isEqualTo(MAIN);
        assertThat(r.backup()).isEmpty();
        assertThat(r.boot()).get().satisfies(b -> {
            assertThat(b.status()).isEqualTo(BootReport.Status.CONNECTED);
            assertThat(b.lines()).contains("[mqtt] connected");
        });
        assertThat(r.boardId()).matches("[0-9a-f]{16}");
    }

    @Test
    void anUnchangedReflashWritesNothing() throws IOException {
        VirtualPico p = pico();
        flash(p, v1(), options().withMonitor(Duration.ZERO));
        long before = Files.getLastModifiedTime(p.fs().resolve("main.py")).toMillis();
        FlashResult again = flash(p, v1(), options());
        assertThat(again.plan().nothingToWrite()).isTrue();
        assertThat(again.plan().steps()).allSatisfy(s -> assertThat(s.reason()).contains("unchanged"));
        assertThat(Files.getLastModifiedTime(p.fs().resolve("main.py")).toMillis()).isEqualTo(before);
        assertThat(again.boot().get().status()).isEqualTo(BootReport.Status.CONNECTED);
    }

    @Test
    void aChangedFileIsTheOnlyOneWrittenAndItsOldVersionIsBackedUpPrivately() throws IOException {
        VirtualPico p = pico();
        flash(p, v1(), options().withMonitor(Duration.ZERO));
        FlashResult r = flash(p, bundle("WIFI_PASSWORD = 'new-secret'\n", MAIN), options().withMonitor(Duration.ZERO));
        assertThat(r.plan().writes()).extracting(FlashPlan.Step::name, FlashPlan.Step::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("settings.py", "changed"));
        assertThat(Files.readString(p.fs().resolve("settings.py"))).contains("new-secret");
        Path backup = r.backup().orElseThrow();
        assertThat(backup.getParent().getFileName().toString()).isEqualTo(r.boardId());
        try (var files = Files.list(backup)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("settings.py");
        }
        assertThat(Files.readString(backup.resolve("settings.py"))).contains("hunter22");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup.resolve("settings.py"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rwx------");
    }

    @Test
    void aBoardThatCannotRunTheBlockReceiverIsFlashedWithExecsAllOrNothingAsWell() throws IOException {
        VirtualPico p = pico("--no-stdio-buffer");
        flash(p, set("old"));
        List<String> steps = new java.util.ArrayList<>();
        FlashResult r = flash(connect(p), set("new", DeviceFile.text("ca.der", "c".repeat(20_000))),
                options().withMonitor(Duration.ZERO), new FlashProgress() {
                    @Override
                    public void step(String what) {
                        steps.add(what);
                    }
                });
        assertThat(steps).anySatisfy(s -> assertThat(s).startsWith("the board cannot run picotool's block receiver "
                + "(AttributeError").endsWith("writing the files with execs instead"));
        assertThat(r.plan().writes()).hasSize(5);
        assertHolds(p, set("new", DeviceFile.text("ca.der", "c".repeat(20_000))), java.util.Map.of());
    }

    @Test
    void forceWritesEverythingAndDryRunWritesNothing() throws IOException {
        VirtualPico p = pico();
        FlashResult dry = flash(p, v1(), options().withDryRun(true));
        assertThat(dry.plan().writes()).hasSize(3);
        assertThat(p.fs().resolve("main.py")).doesNotExist();
        flash(p, v1(), options().withMonitor(Duration.ZERO));
        FlashResult forced = flash(p, v1(), options().withForce(true).withMonitor(Duration.ZERO));
        assertThat(forced.plan().writes()).extracting(FlashPlan.Step::reason)
                .containsOnly("unchanged, written anyway (--force)");
    }

    @Test
    void stopsAMainPyThatSpinsAndCatchesKeyboardInterrupt() throws IOException {
        Path fs = dir.resolve("pico/fs");
        Files.createDirectories(fs);
        Files.writeString(fs.resolve("main.py"), "n = 0\nwhile True:\n try:\n  while True:\n   pass\n"
                + " except KeyboardInterrupt:\n  n += 1\n  print('caught', n)\n  if n > 2:\n   raise\n");
        VirtualPico p = pico();
        FlashResult r = flash(p, v1(), options().withMonitor(Duration.ZERO));
        assertThat(r.plan().writes()).hasSize(3);
        assertThat(Files.readString(p.fs().resolve("main.py"))).isEqualTo(MAIN);
    }

    @Test
    void reportsAFailureLineFromTheFirmware() {
        VirtualPico p = pico();
        FlashResult r = flash(p, bundle("A = 1\n", "print('[wifi] FAILED: wrong password for \\'Lab\\' (status -3). "
                + "Fix: check the Wi-Fi password and flash again.')\n"), options());
        assertThat(r.boot().get().status()).isEqualTo(BootReport.Status.FAILED);
        assertThat(r.boot().get().failure()).get().asString().contains("wrong password");
    }

    @Test
    void hardResetReconnectsAndMainPyRuns() {
        VirtualPico p = pico();
        RawRepl repl = connect(p);
        flash(repl, v1(), options().withMonitor(Duration.ZERO), FlashProgress.NONE);
        repl.enterRaw();
        repl.hardReset(() -> SerialLinks.open(p.port()), Duration.ofSeconds(10));
        BootReport boot = BootMonitor.watch(repl, Duration.ofSeconds(5), l -> { });
        assertThat(boot.status()).isEqualTo(BootReport.Status.CONNECTED);
    }

    @Test
    void aSecondOpenOfABusyPortSaysWhoMightHoldIt() {
        VirtualPico p = pico();
        connect(p);
        assertThatThrownBy(() -> SerialLinks.open(p.port())).isInstanceOf(DeviceException.class)
                .hasMessageContaining("busy")
                .satisfies(e -> assertThat(((DeviceException) e).hint()).contains("Thonny", "ModemManager"));
    }

    @Test
    void aBoardLostMidWriteKeepsItsOldMainPyAndTheNextFlashCompletes() throws IOException {
        VirtualPico p = pico();
        flash(p, v1(), options().withMonitor(Duration.ZERO));
        String big = MAIN + "#" + "x".repeat(60_000) + "\n";
        FirmwareBundle v2 = bundle("WIFI_PASSWORD = 'hunter22'\n", big);
        FlashProgress killer = new FlashProgress() {
            @Override
            public void writing(String name, long done, long total) {
                if (name.equals("main.py") && done > 0 && done < total) {
                    p.kill(); // pull the plug half-way through main.py
                }
            }
        };
        RawRepl doomed = connect(p);
        assertThatThrownBy(() -> flash(doomed, v2, options(), killer))
                .isInstanceOf(BoardDisconnectedException.class).hasMessageContaining("disconnected");
        assertThat(Files.readString(p.fs().resolve("main.py"))).isEqualTo(MAIN);
        VirtualPico again = pico();
        FlashResult r = flash(again, v2, options().withMonitor(Duration.ZERO));
        assertThat(r.plan().writes()).extracting(FlashPlan.Step::name).containsExactly("main.py");
        assertThat(Files.readString(again.fs().resolve("main.py"))).isEqualTo(big);
        assertThat(again.fs().resolve("main.py" + UpdateJournal.STAGED_SUFFIX)).doesNotExist();
    }
}
