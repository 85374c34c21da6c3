package dev.picotool.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.device.SerialLink;
import dev.picotool.device.SerialLinks;
import dev.picotool.testing.Deadline;
import dev.picotool.testing.VirtualPico;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The /proc scan against real processes: the virtual Pico's own pty ends do not count, another program does. */
class ProcPortHoldersTest {
    @TempDir
    Path dir;

    @Test
    void namesAnotherProgramWithThePortOpenButNotTheBoardOrUs() throws Exception {
        try (VirtualPico pico = VirtualPico.start(dir.resolve("pico"));
             SerialLink ours = SerialLinks.open(pico.port())) {
            ProcPortHolders holders = ProcPortHolders.system();
            assertThat(holders.of(pico.port())).contains(List.of());
            Path script = Files.writeString(dir.resolve("holder.py"), "import sys, time\n"
                    + "f = open(sys.argv[1], 'rb', buffering=0)\nprint('open', flush=True)\ntime.sleep(120)\n");
            Process other = new ProcessBuilder("python3", script.toString(), pico.port()).start();
            try {
                BufferedReader r = new BufferedReader(new InputStreamReader(other.getInputStream(),
                        StandardCharsets.UTF_8));
                assertThat(r.readLine()).isEqualTo("open");
                Optional<List<PortHolders.Holder>> found = holders.of(pico.port());
                assertThat(found).contains(List.of(new PortHolders.Holder(other.pid(), "holder.py")));
            } finally {
                other.destroyForcibly();
                other.waitFor();
            }
            Deadline.await(Duration.ofSeconds(10), () -> holders.of(pico.port()).equals(Optional.of(List.of())),
                    () -> "the holder's exit noticed");
        }
    }

    @Test
    void namesInterpretersByWhatTheyRun() throws Exception {
        Path proc = dir.resolve("proc");
        assertThat(ProcPortHolders.name(process(proc, "101", "python3", "python3\0/usr/bin/thonny\0")))
                .isEqualTo("thonny");
        assertThat(ProcPortHolders.name(process(proc, "102", "python3", "python3\0-m\0mpremote\0connect\0")))
                .isEqualTo("mpremote");
        assertThat(ProcPortHolders.name(process(proc, "103", "screen", "screen\0/dev/ttyACM0\0115200\0")))
                .isEqualTo("screen");
        assertThat(ProcPortHolders.name(process(proc, "104", "", ""))).isEqualTo("process");
    }

    private static Path process(Path proc, String pid, String comm, String cmdline) throws Exception {
        Path p = Files.createDirectories(proc.resolve(pid));
        Files.writeString(p.resolve("comm"), comm + "\n");
        Files.writeString(p.resolve("cmdline"), cmdline);
        return p;
    }
}
