package dev.picotool.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picotool.render.DeviceFile;
import dev.picotool.render.FirmwareBundle;
import dev.picotool.testing.Deadline;
import dev.picotool.testing.VirtualPico;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The flash is all or nothing: cut at every phase (the link, the board's power at every rename of the switch, a second
 * client taking over the port), the board holds exactly the old or exactly the new set by sha256 (after its next boot
 * where that is the guarantee), and the next flash succeeds.
 */
class FlasherAtomicityTest extends FlasherFixture {
    static final FirmwareBundle OLD = set("old");
    static final FirmwareBundle NEW = set("new", DeviceFile.text("ca.der", "c".repeat(20_000)));
    /** The files NEW writes over OLD, in the order the flasher plans them (main.py last). */
    static final List<String> NEW_WRITES = List.of("picoboot.py", "helper.py", "settings.py", "ca.der", "main.py");

    enum Cut { STAGING, VERIFYING, SWITCHING_WHILE_SENDING, SWITCHING_AFTER_SENDING, RESTARTING }

    @ParameterizedTest
    @EnumSource(Cut.class)
    void aLinkCutInAnyPhaseLeavesTheOldOrTheNewSetAndTheNextFlashCompletes(Cut cut) {
        VirtualPico p = pico();
        flash(p, OLD);
        CuttingLink link = new CuttingLink(SerialLinks.open(p.port()));
        RawRepl repl = closeLater(new RawRepl(link, ReplTimings.standard()));
        FlashProgress cutter = new FlashProgress() {
            @Override
            public void phase(FlashPhase phase) {
                if (cut == Cut.VERIFYING && phase == FlashPhase.VERIFYING
                        || cut == Cut.RESTARTING && phase == FlashPhase.RESTARTING) {
                    link.cutAfter(0);
                } else if (cut == Cut.SWITCHING_WHILE_SENDING && phase == FlashPhase.SWITCHING) {
                    link.cutAfter(300);
                } else if (cut == Cut.SWITCHING_AFTER_SENDING && phase == FlashPhase.SWITCHING) {
                    // all of the code and its end (and a raw-paste request before it, if it is that long): the
                    // board runs it, we never read its answer
                    int code = UpdateJournal.commitCode(NEW_WRITES).getBytes(StandardCharsets.UTF_8).length;
                    link.cutAfterAcknowledged((code > CodeSender.PLAIN_MAX ? 3 : 0) + code + 1);
                }
            }

            @Override
            public void writing(String name, long done, long total) {
                if (cut == Cut.STAGING && name.equals("ca.der") && done > 0 && !link.isCut()) {
                    link.cutAfter(0);
                }
            }
        };
        assertThatThrownBy(() -> flash(repl, NEW, cutter)).isInstanceOfSatisfying(BoardDisconnectedException.class,
                e -> assertThat(e.getMessage()).contains(switch (cut) {
                    case STAGING, VERIFYING -> "it keeps its old firmware";
                    case SWITCHING_WHILE_SENDING -> "it keeps its old firmware (the switch never reached it";
                    case SWITCHING_AFTER_SENDING -> "the old or the new set, never a mix";
                    case RESTARTING -> "the new firmware is installed";
                }));
        if (cut == Cut.SWITCHING_AFTER_SENDING || cut == Cut.RESTARTING) {
            awaitFiles(p, hashes(NEW));
        } else {
            assertThat(onBoard(p)).containsAllEntriesOf(hashes(OLD)).allSatisfy((name, hash) -> assertThat(
                    hashes(OLD).containsKey(name) || name.endsWith(UpdateJournal.STAGED_SUFFIX)).isTrue());
        }
        FlashResult next = flash(p, NEW);
        assertHolds(p, NEW, Map.of());
        assertThat(next.plan().nothingToWrite()).isEqualTo(cut == Cut.SWITCHING_AFTER_SENDING
                || cut == Cut.RESTARTING);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void aPowerCutAtAnyRenameOfTheSwitchIsCompletedByTheBoardsNextBoot(int renames) {
        VirtualPico first = pico();
        flash(first, OLD);
        first.close();
        VirtualPico doomed = pico("--power-cut-after-renames", String.valueOf(renames));
        assertThatThrownBy(() -> flash(doomed, NEW)).isInstanceOf(BoardDisconnectedException.class);
        VirtualPico again = pico();        // power on: main.py (old or new) starts with picoboot.finish_update()
        awaitFiles(again, hashes(NEW));
        assertThat(flash(again, NEW).plan().nothingToWrite()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void aBoardWhoseOldMainKnowsNoJournalRunsTheOldSetUntilTheNextFlashCompletesTheSwitch(int renames) {
        FirmwareBundle legacy = legacySet("old");
        VirtualPico first = pico();
        flash(first, legacy);
        first.close();
        VirtualPico doomed = pico("--power-cut-after-renames", String.valueOf(renames));
        assertThatThrownBy(() -> flash(doomed, NEW)).isInstanceOf(BoardDisconnectedException.class);
        VirtualPico again = pico();
        if (renames < 3) {  // main.py is still the old one: it runs the old set, whose files are all unchanged
            RawRepl watching = connect(again);
            String boot = awaitOutput(watching, "[test] running");
            assertThat(boot).contains("[test] running old");
            assertThat(onBoard(again)).containsAllEntriesOf(hashes(legacy));
            watching.close();
        } else {            // the new main.py is in place: its first line completes the switch
            awaitFiles(again, hashes(NEW));
        }
        flash(again, NEW);
        assertHolds(again, NEW, Map.of());
    }

    @ParameterizedTest
    @EnumSource(value = FlashPhase.class, names = {"STAGING", "SWITCHING"})
    void aSecondClientTakingOverTheSocketMidFlashLeavesTheOldSet(FlashPhase when) {
        VirtualPico p = closeLater(VirtualPico.withTcp(dir.resolve("pico")));
        String port = p.tcpPort();
        flash(p, OLD);
        FlashProgress intruder = new FlashProgress() {
            boolean done;

            @Override
            public void phase(FlashPhase phase) {
                if (phase == when && !done) {
                    done = true;
                    // what `picotool device ls --port socket://...` does from another terminal
                    try (RawRepl other = new RawRepl(SerialLinks.open(port), ReplTimings.standard())) {
                        other.enterRaw();
                        assertThat(new DeviceFileSystem(other).list("/")).isNotEmpty();
                        other.restartMain();
                    }
                }
            }
        };
        RawRepl first = closeLater(new RawRepl(SerialLinks.open(port), ReplTimings.standard()));
        assertThatThrownBy(() -> flash(first, NEW, intruder)).isInstanceOf(BoardDisconnectedException.class)
                .hasMessageContaining("it keeps its old firmware");  // the switch never reached the board
        assertThat(onBoard(p)).containsAllEntriesOf(hashes(OLD));
        flash(p, NEW);
        assertHolds(p, NEW, Map.of());
    }

    @Test
    void leftoversOfAKilledFlashAreRemovedBeforeTheSpaceCheck() throws Exception {
        VirtualPico p = pico();
        flash(p, legacySet("old")); // its main.py does not clean up at boot, so the leftover stays until a flash
        FirmwareBundle withCa = set("tls", DeviceFile.text("ca.pem", "p".repeat(600_000)));
        RawRepl doomed = connect(p);
        FlashProgress killer = new FlashProgress() {
            @Override
            public void writing(String name, long done, long total) {
                if (name.equals("ca.pem") && done > total / 2) {
                    p.kill(); // kill -9 of the board half-way through a 600 KB file
                }
            }
        };
        assertThatThrownBy(() -> flash(doomed, withCa, killer)).isInstanceOf(BoardDisconnectedException.class);
        VirtualPico again = pico();
        long leftover = Files.size(again.fs().resolve("ca.pem" + UpdateJournal.STAGED_SUFFIX));
        assertThat(leftover).isGreaterThan(250_000);
        // Fill the flash so that the new set fits only once the leftover is gone.
        FreeSpace space;
        try (RawRepl r = new RawRepl(SerialLinks.open(again.port()))) {
            r.enterRaw();
            space = new DeviceFileSystem(r).freeSpace();
        }
        long needed = NEW.files().stream().mapToLong(f -> space.blocksFor(f.size())).sum() + space.blocksFor(0) + 2;
        long filler = (space.freeBlocks() - needed + 1) * space.blockSize(); // one block short, while it is there
        Files.write(again.fs().resolve("filler.bin"), new byte[(int) filler]);
        List<String> steps = new ArrayList<>();
        try (RawRepl r = new RawRepl(SerialLinks.open(again.port()))) {
            new Flasher(r, TransferTuning.standard(), new FlashProgress() {
                @Override
                public void step(String what) {
                    steps.add(what);
                }
            }).flash(NEW, options());
        }
        // ca.pem's half and the three files staged before it
        assertThat(steps).contains("removed 4 unfinished files left by an interrupted flash");
        assertHolds(again, NEW, Map.of("filler.bin", DeviceFile.sha256(new byte[(int) filler])));
        assertThat(again.fs().resolve("ca.pem" + UpdateJournal.STAGED_SUFFIX)).doesNotExist();
    }

    @Test
    void aFlashOfABoardWithARunningWatchdogIsNeverCutByAReset() {
        VirtualPico p = running("import machine, time\nw = machine.WDT(timeout=1000)\n"
                + "print('[test] watchdog running')\nwhile True:\n    w.feed()\n    time.sleep_ms(50)\n");
        RawRepl repl = connect(p);
        awaitOutput(repl, "[test] watchdog running");
        List<String> steps = new ArrayList<>();
        FlashProgress slow = new FlashProgress() {
            @Override
            public void step(String what) {
                steps.add(what);
            }

            @Override
            public void phase(FlashPhase phase) {
                if (phase == FlashPhase.STAGING) {
                    // the board idles 2.5 times the watchdog's timeout: an armed watchdog would reset it here
                    repl.exec("import time\ntime.sleep_ms(2500)\n", "idling");
                }
            }
        };
        flash(repl, NEW, slow);
        assertThat(steps).contains("stopped the board's watchdog for the flash (the firmware starts it again)");
        assertHolds(p, NEW, Map.of());
    }

    @Test
    void aBoardThatResetsWhileBeingTakenOverIsTakenOverWhenItComesBack() {
        VirtualPico p = running("import machine, time, dht\nw = machine.WDT(timeout=1500)\nfor i in range(30):\n"
                + "    w.feed()\n    time.sleep_ms(100)\nprint('[test] hanging')\n"
                + "dht.DHT22(machine.Pin(15)).measure()\n", "--dht22-hang");
        RawRepl repl = connect(p);
        awaitOutput(repl, "[test] hanging"); // now Ctrl-C cannot stop it: only its watchdog resets it
        flash(repl, NEW, FlashProgress.NONE);
        assertHolds(p, NEW, Map.of());
    }

    /** A virtual Pico that starts with this main.py. */
    VirtualPico running(String main, String... args) {
        try {
            Files.createDirectories(dir.resolve("pico/fs"));
            Files.writeString(dir.resolve("pico/fs/main.py"), main);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pico(args);
    }

    /** What the running board prints, up to and including the whole line holding {@code marker}. */
    static String awaitOutput(RawRepl repl, String marker) {
        StringBuilder seen = new StringBuilder();
        Deadline.await(Duration.ofSeconds(20), () -> {
            seen.append(new String(repl.readOutput(Duration.ofMillis(100)), StandardCharsets.UTF_8));
            return seen.indexOf(marker) >= 0 && seen.indexOf("\n", seen.indexOf(marker)) >= 0;
        }, () -> "'" + marker + "' from the board, got: " + seen);
        return seen.toString();
    }
}
