package dev.picotool.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.ExitCode;
import dev.picotool.board.DetectedBoard;
import dev.picotool.board.MicroPythonVersion;
import dev.picotool.bootsel.BootselDrive;
import dev.picotool.device.DeviceException;
import dev.picotool.device.OsFamily;
import dev.picotool.device.PortInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each failing condition fed through the checks' interfaces, and what doctor then says. */
class DoctorTest {
    static final PortInfo PICO = new PortInfo("/dev/ttyACM0", "Board CDC", 0x2E8A, 0x0005, "e6614103e7a1b2c3");
    static final DetectedBoard PICO_W = new DetectedBoard("e6614103e7a1b2c3", MicroPythonVersion.parse("1.27.0"),
            "Raspberry Pi Pico W with RP2040", "RPI_PICO_W", true);
    static final DoctorFacts.BrokerTarget LAN_BROKER = new DoctorFacts.BrokerTarget("192.168.1.11", 1883, false,
            false, false, "picotool.yaml:4:11");

    @TempDir
    Path dir;

    /** A healthy computer: one Pico W with current firmware, a broker that answers, a LAN address. */
    static DoctorFacts healthy() {
        return new DoctorFacts(OsFamily.LINUX, 17, "17.0.15 (Debian)", "0.1.0", () -> List.of(PICO),
                Optional.empty(), p -> new BoardAsker.Answer(PICO_W, Optional.of("0.1.0")), List::of,
                p -> PortAccess.Verdict.allowedHere(), p -> Optional.of(List.of()),
                (h, p, tls, t) -> new BrokerProbe.Answer(BrokerProbe.Outcome.ANSWERED, 0, ""),
                Optional.of(LAN_BROKER), () -> List.of("192.168.1.50"));
    }

    static Finding line(List<Finding> findings, String check) {
        return findings.stream().filter(f -> f.check().equals(check)).findFirst().orElseThrow(() ->
                new AssertionError("no " + check + " line in " + findings));
    }

    static DoctorFacts facts(OsFamily os, List<PortInfo> ports, BoardAsker boards, List<BootselDrive> drives,
                             PortAccess access, PortHolders holders, BrokerProbe probe,
                             Optional<DoctorFacts.BrokerTarget> broker, List<String> lan) {
        return new DoctorFacts(os, 17, "17.0.15 (Debian)", "0.1.0", () -> ports, Optional.empty(), boards,
                () -> drives, access, holders, probe, broker, () -> lan);
    }

    static DoctorFacts healthyWith(PortAccess access, PortHolders holders) {
        DoctorFacts h = healthy();
        return new DoctorFacts(h.os(), 17, h.javaDescription(), "0.1.0", h.ports(), Optional.empty(), h.boards(),
                h.drives(), access, holders, h.probe(), h.broker(), h.lanAddresses());
    }

    static DoctorFacts healthyWith(BoardAsker boards) {
        DoctorFacts h = healthy();
        return new DoctorFacts(h.os(), 17, h.javaDescription(), "0.1.0", h.ports(), Optional.empty(), boards,
                h.drives(), h.access(), h.holders(), h.probe(), h.broker(), h.lanAddresses());
    }

    static DoctorFacts healthyWith(BrokerProbe probe, Optional<DoctorFacts.BrokerTarget> broker, OsFamily os) {
        DoctorFacts h = healthy();
        return new DoctorFacts(os, 17, h.javaDescription(), "0.1.0", h.ports(), Optional.empty(), h.boards(),
                h.drives(), h.access(), h.holders(), probe, broker, h.lanAddresses());
    }

    @Test
    void aHealthySetupIsAllOkAndExitsZero() {
        List<Finding> all = Doctor.examine(healthy());
        assertThat(all).extracting(Finding::status).containsOnly(Status.OK);
        assertThat(all).extracting(Finding::check).containsExactly("java", "ports", "permission", "port free",
                "board", "firmware", "bootsel", "broker", "lan");
        assertThat(line(all, "board").text()).isEqualTo("Raspberry Pi Pico W with RP2040, MicroPython 1.27.0 "
                + "(RPI_PICO_W), board id e6614103e7a1b2c3, on /dev/ttyACM0");
        assertThat(line(all, "firmware").text()).isEqualTo("picotool firmware 0.1.0 on the board (the version this "
                + "picotool writes)");
        assertThat(Doctor.exitCode(all)).isEqualTo(ExitCode.OK);
    }

    @Test
    void noBoardNamesTheFixAndABootselBoardGetsTheInstallCommand() throws Exception {
        List<Finding> none = Doctor.examine(facts(OsFamily.LINUX, List.of(), p -> null, List.of(),
                p -> PortAccess.Verdict.allowedHere(), p -> Optional.of(List.of()), healthy().probe(),
                Optional.of(LAN_BROKER), List.of("192.168.1.50")));
        assertThat(line(none, "ports").status()).isEqualTo(Status.WARN);
        Finding board = line(none, "board");
        assertThat(board.status()).isEqualTo(Status.FAIL);
        assertThat(board.text()).isEqualTo("no board running MicroPython found (none with USB id 2E8A:0005)");
        assertThat(board.fix()).startsWith("plug the Pico in with a data cable").contains("sudo dmesg -w",
                "install-micropython");
        assertThat(Doctor.exitCode(none)).isEqualTo(ExitCode.DEVICE);

        Path drive = Files.createDirectories(dir.resolve("RPI-RP2"));
        Files.writeString(drive.resolve("INFO_UF2.TXT"), "UF2 Bootloader v3.0\nModel: Raspberry Pi RP2\n"
                + "Board-ID: RPI-RP2\n");
        BootselDrive d = BootselDrive.at(drive).orElseThrow();
        List<Finding> bootsel = Doctor.examine(facts(OsFamily.LINUX, List.of(), p -> null, List.of(d),
                p -> PortAccess.Verdict.allowedHere(), p -> Optional.of(List.of()), healthy().probe(),
                Optional.of(LAN_BROKER), List.of("192.168.1.50")));
        assertThat(line(bootsel, "board").text()).isEqualTo("no board running MicroPython, but one is in BOOTSEL "
                + "mode (RPI-RP2 drive (RP2040) at " + drive + ")");
        assertThat(line(bootsel, "board").fix()).isEqualTo("install MicroPython on it: download the RPI_PICO_W .uf2 "
                + "from https://micropython.org/download/RPI_PICO_W/, then `picotool install-micropython --uf2 "
                + "FILE`");
        assertThat(line(bootsel, "bootsel").status()).isEqualTo(Status.WARN);
    }

    @Test
    void noPermissionSaysWhichGroupAndWhetherToLogInAgain() {
        List<Finding> denied = Doctor.examine(healthyWith(p -> new PortAccess.Verdict(false, "root", "dialout",
                "rw-rw----", false), p -> Optional.of(List.of())));
        Finding f = line(denied, "permission");
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.text()).isEqualTo("no permission to open /dev/ttyACM0 (owner root, group dialout, mode "
                + "rw-rw----)");
        assertThat(f.fix()).isEqualTo("add yourself to the dialout group: sudo usermod -aG dialout $USER, then log "
                + "out and in again");
        assertThat(denied).extracting(Finding::check).doesNotContain("board", "firmware");
        List<Finding> uucp = Doctor.examine(healthyWith(p -> new PortAccess.Verdict(false, "root", "uucp",
                "rw-rw----", true), p -> Optional.of(List.of())));
        assertThat(line(uucp, "permission").fix()).isEqualTo("you were added to the uucp group, but this login "
                + "session started before that: log out and in again (or reboot)");
    }

    @Test
    void aProgramHoldingThePortIsNamedWithItsPid() {
        List<Finding> held = Doctor.examine(healthyWith(p -> PortAccess.Verdict.allowedHere(),
                p -> Optional.of(List.of(new PortHolders.Holder(4242, "thonny")))));
        Finding f = line(held, "port free");
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.text()).isEqualTo("/dev/ttyACM0 is open in thonny (pid 4242): picotool and it would steal each "
                + "other's bytes");
        assertThat(f.fix()).startsWith("quit Thonny");
        List<Finding> mm = Doctor.examine(healthyWith(p -> PortAccess.Verdict.allowedHere(),
                p -> Optional.of(List.of(new PortHolders.Holder(612, "ModemManager")))));
        assertThat(line(mm, "port free").fix()).contains("sudo systemctl stop ModemManager");
        List<Finding> unknown = Doctor.examine(healthyWith(p -> PortAccess.Verdict.allowedHere(),
                p -> Optional.empty()));
        assertThat(line(unknown, "port free").status()).isEqualTo(Status.OK);
        assertThat(line(unknown, "port free").text()).isEqualTo("cannot tell on Linux whether another program has "
                + "/dev/ttyACM0 open");
    }

    @Test
    void theBoardsOwnProblems() {
        List<Finding> silent = Doctor.examine(healthyWith(p -> {
            throw new DeviceException("no answer from the board", "unplug it and plug it in again");
        }));
        assertThat(line(silent, "board").text()).isEqualTo("the board on /dev/ttyACM0 did not answer: no answer "
                + "from the board");
        DetectedBoard plain = new DetectedBoard("e661", MicroPythonVersion.parse("1.27.0"),
                "Raspberry Pi Pico with RP2040", "RPI_PICO", false);
        List<Finding> noWifi = Doctor.examine(healthyWith(p -> new BoardAsker.Answer(plain, Optional.empty())));
        Finding mp = line(noWifi, "micropython");
        assertThat(mp.status()).isEqualTo(Status.FAIL);
        assertThat(mp.text()).startsWith("the board runs MicroPython for the Raspberry Pi Pico (RPI_PICO): it has no "
                + "network module").doesNotContain("nothing was written");
        assertThat(mp.fix()).contains("install the RPI_PICO_W build");
        DetectedBoard old = new DetectedBoard("e661", MicroPythonVersion.parse("1.19.1"),
                "Raspberry Pi Pico W with RP2040", "", true);
        List<Finding> oldOne = Doctor.examine(healthyWith(p -> new BoardAsker.Answer(old, Optional.of("0.0.9"))));
        assertThat(line(oldOne, "micropython").status()).isEqualTo(Status.WARN);
        assertThat(line(oldOne, "micropython").text()).startsWith("MicroPython 1.19.1 on the board is older than");
        assertThat(line(oldOne, "firmware").text()).isEqualTo("picotool firmware 0.0.9 on the board; this picotool "
                + "writes 0.1.0");
        assertThat(Doctor.exitCode(oldOne)).isEqualTo(ExitCode.OK);
        List<Finding> bare = Doctor.examine(healthyWith(p -> new BoardAsker.Answer(PICO_W, Optional.empty())));
        assertThat(line(bare, "firmware").fix()).isEqualTo("write the settings (picotool init), then picotool flash");
    }

    @Test
    void theBrokerFromHereAsThePicoWillUseIt() {
        BrokerProbe refused = (h, p, tls, t) -> new BrokerProbe.Answer(BrokerProbe.Outcome.REFUSED, -1, "");
        Finding r = line(Doctor.examine(healthyWith(refused, Optional.of(LAN_BROKER), OsFamily.LINUX)), "broker");
        assertThat(r.text()).isEqualTo("nothing listens on 192.168.1.11:1883 (from picotool.yaml:4:11): the "
                + "connection was refused");
        assertThat(r.fix()).contains("Mosquitto 2 listens on localhost only unless its config has `listener 1883`");
        assertThat(r.failCode()).isEqualTo(ExitCode.BROKER);

        BrokerProbe silent = (h, p, tls, t) -> new BrokerProbe.Answer(BrokerProbe.Outcome.TIMED_OUT, -1, "");
        assertThat(line(Doctor.examine(healthyWith(silent, Optional.of(LAN_BROKER), OsFamily.WINDOWS)), "broker")
                .fix()).contains("Windows Defender Firewall");
        assertThat(line(Doctor.examine(healthyWith(silent, Optional.of(LAN_BROKER), OsFamily.LINUX)), "broker")
                .fix()).contains("sudo ufw allow 1883/tcp");

        DoctorFacts.BrokerTarget local = new DoctorFacts.BrokerTarget("localhost", 1883, false, true, false,
                "--broker");
        Finding loop = line(Doctor.examine(healthyWith(refused, Optional.of(local), OsFamily.LINUX)), "broker");
        assertThat(loop.text()).isEqualTo("the broker localhost:1883 (from --broker) is a loopback address: for the "
                + "Pico it means the Pico itself");
        assertThat(loop.fix()).startsWith("use 192.168.1.50 as mqtt.broker");
        assertThat(loop.failCode()).isEqualTo(ExitCode.INVALID_CONFIG);

        BrokerProbe wantsLogin = (h, p, tls, t) -> new BrokerProbe.Answer(BrokerProbe.Outcome.ANSWERED, 5, "");
        assertThat(line(Doctor.examine(healthyWith(wantsLogin, Optional.of(LAN_BROKER), OsFamily.LINUX)), "broker")
                .status()).isEqualTo(Status.FAIL);
        DoctorFacts.BrokerTarget withLogin = new DoctorFacts.BrokerTarget("192.168.1.11", 1883, false, false, true,
                "f");
        assertThat(line(Doctor.examine(healthyWith(wantsLogin, Optional.of(withLogin), OsFamily.LINUX)), "broker")
                .status()).isEqualTo(Status.OK);
        BrokerProbe http = (h, p, tls, t) -> new BrokerProbe.Answer(BrokerProbe.Outcome.NOT_MQTT, -1, "it sent 0x48 "
                + "instead of a CONNACK");
        assertThat(line(Doctor.examine(healthyWith(http, Optional.of(LAN_BROKER), OsFamily.LINUX)), "broker")
                .text()).endsWith("accepts connections but does not answer MQTT (it sent 0x48 instead of a CONNACK)");
        assertThat(line(Doctor.examine(healthyWith(refused, Optional.empty(), OsFamily.LINUX)), "broker").fix())
                .startsWith("run `picotool init`");
    }

    @Test
    void noLanAddressAndAnOldJava() {
        DoctorFacts h = healthy();
        DoctorFacts f = new DoctorFacts(h.os(), 11, "11.0.2", "0.1.0", h.ports(), Optional.empty(), h.boards(),
                h.drives(), h.access(), h.holders(), h.probe(), h.broker(), List::of);
        List<Finding> all = Doctor.examine(f);
        assertThat(line(all, "lan").status()).isEqualTo(Status.WARN);
        assertThat(line(all, "java").status()).isEqualTo(Status.FAIL);
        assertThat(line(all, "java").fix()).contains("openjdk-17");
    }

    @Test
    void aPortListThatCannotBeReadIsAFailureNotACrash() {
        DoctorFacts h = healthy();
        DoctorFacts f = new DoctorFacts(h.os(), 17, "17", "0.1.0", () -> {
            throw new DeviceException("the serial-port library (jSerialComm) could not load its native part", "x");
        }, Optional.empty(), h.boards(), h.drives(), h.access(), h.holders(), h.probe(), h.broker(),
                h.lanAddresses());
        assertThat(line(Doctor.examine(f), "ports").status()).isEqualTo(Status.FAIL);
    }
}
