package dev.picotool.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.render.DeviceFile;
import dev.picotool.render.FirmwareBundle;
import dev.picotool.testing.Deadline;
import dev.picotool.testing.Repo;
import dev.picotool.testing.VirtualPico;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Virtual Picos, connections and firmware sets for the flasher tests; everything opened is closed after a test. */
abstract class FlasherFixture {
    /** picotool's boot helper as it ships (firmware/picoboot.py). */
    static final String PICOBOOT = read(Repo.root().resolve("firmware/picoboot.py"));

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    <T extends AutoCloseable> T closeLater(T resource) {
        open.add(resource);
        return resource;
    }

    VirtualPico pico(String... args) {
        return closeLater(VirtualPico.start(dir.resolve("pico"), args));
    }

    RawRepl connect(VirtualPico p) {
        return closeLater(new RawRepl(SerialLinks.open(p.port()), ReplTimings.standard(),
                () -> SerialLinks.open(p.port())));
    }

    Flasher.Options options() {
        return Flasher.Options.standard().withBackups(Optional.of(new BackupStore(dir.resolve("backups"))))
                .withMonitor(Duration.ZERO);
    }

    /** One connection per flash, as the CLI does. */
    FlashResult flash(VirtualPico p, FirmwareBundle b) {
        return flash(p, b, options());
    }

    FlashResult flash(VirtualPico p, FirmwareBundle b, Flasher.Options o) {
        try (RawRepl repl = new RawRepl(SerialLinks.open(p.port()), ReplTimings.standard(),
                () -> SerialLinks.open(p.port()))) {
            return flash(repl, b, o, FlashProgress.NONE);
        }
    }

    FlashResult flash(RawRepl repl, FirmwareBundle b, FlashProgress progress) {
        return flash(repl, b, options(), progress);
    }

    FlashResult flash(RawRepl repl, FirmwareBundle b, Flasher.Options o, FlashProgress progress) {
        return new Flasher(repl, TransferTuning.standard(), progress).flash(b, o);
    }

    /** A firmware set whose main.py starts with picotool's boot helper, as the rendered one does. */
    static FirmwareBundle set(String tag, DeviceFile... extra) {
        List<DeviceFile> files = new ArrayList<>(List.of(DeviceFile.text("picoboot.py", PICOBOOT + "# " + tag + "\n"),
                DeviceFile.text("helper.py", "TAG = '" + tag + "'\n"),
                DeviceFile.text("settings.py", "WIFI_PASSWORD = 'pw-" + tag + "'\n")));
        files.addAll(List.of(extra));
        files.add(DeviceFile.text("main.py", "import picoboot\npicoboot.finish_update()\nimport helper, settings\n"
                + "print('[test] running', helper.TAG)  # " + tag + "\n"));
        return new FirmwareBundle(files);
    }

    /** A set from a picotool that knew no journal: its main.py does not import the boot helper. */
    static FirmwareBundle legacySet(String tag) {
        return new FirmwareBundle(List.of(DeviceFile.text("helper.py", "TAG = '" + tag + "'\n"),
                DeviceFile.text("settings.py", "WIFI_PASSWORD = 'pw-" + tag + "'\n"),
                DeviceFile.text("main.py", "import helper, settings\nprint('[test] running', helper.TAG)  # " + tag
                        + "\n")));
    }

    /** sha256 of every file of the board's flash (host view of the virtual Pico's --fs). */
    static Map<String, String> onBoard(VirtualPico p) {
        try (Stream<Path> files = Files.list(p.fs())) {
            Map<String, String> out = new TreeMap<>();
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                try {
                    out.put(f.getFileName().toString(), DeviceFile.sha256(Files.readAllBytes(f)));
                } catch (NoSuchFileException renamedMeanwhile) {
                    out.put(f.getFileName().toString(), "(renamed while listing)");
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> hashes(FirmwareBundle b) {
        Map<String, String> out = new TreeMap<>();
        b.files().forEach(f -> out.put(f.name(), f.sha256()));
        return out;
    }

    /** The board holds exactly this set (plus {@code others}, files no set names), nothing staged, no journal. */
    static void assertHolds(VirtualPico p, FirmwareBundle set, Map<String, String> others) {
        Map<String, String> expected = new TreeMap<>(hashes(set));
        expected.putAll(others);
        assertThat(onBoard(p)).isEqualTo(expected);
    }

    /** Waits (with a deadline) until the board's files are exactly {@code expected}, e.g. after its next boot. */
    static void awaitFiles(VirtualPico p, Map<String, String> expected) {
        Deadline.await(Duration.ofSeconds(20), () -> onBoard(p).equals(expected),
                () -> "the board's files to become " + expected.keySet() + ", they are " + onBoard(p).keySet());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
