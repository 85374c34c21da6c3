package dev.picotool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.testing.Cli;
import dev.picotool.testing.FakeSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** render --out replaces the whole directory it rendered before, and nothing else. */
class RenderCommandTest {
    static final FakeSecrets SECRETS = new FakeSecrets().env("PW", "secretpass");

    @TempDir
    Path dir;

    private Cli.Result render(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("render", "--wifi", "Lab", "--wifi-password-env", "PW",
                "--broker", "192.168.1.11", "--out", out.toString()));
        args.addAll(List.of(more));
        return Cli.run(SECRETS, args.toArray(String[]::new));
    }

    private static List<String> names(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aSecondRenderLeavesNoFileOfTheFirst() throws Exception {
        Path out = dir.resolve("fw");
        assertThat(render(out).exitCode()).isZero();
        assertThat(names(out)).contains("DHT22.py", "settings.py");
        Cli.Result again = render(out, "--sensor", "none");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(names(out)).doesNotContain("DHT22.py").contains("settings.py", "main.py");
        assertThat(names(dir)).containsExactly("fw"); // no temporary or old directories left beside it
    }

    @Test
    void aDirectoryPicotoolDidNotWriteIsNotTouched() throws Exception {
        Path mine = Files.createDirectories(dir.resolve("my-project"));
        Files.writeString(mine.resolve("notes.txt"), "keep me");
        Cli.Result r = render(mine);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("holds files picotool did not write");
        assertThat(names(mine)).containsExactly("notes.txt");
    }

    @Test
    void unusableTargetsAreUserErrors() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertThat(render(file).err()).contains("is a file, not a directory");
        assertThat(render(file).exitCode()).isEqualTo(3);
        assertThat(render(Path.of("/proc/picotool-out")).exitCode()).isEqualTo(3);
        assertThat(render(Path.of("/")).exitCode()).isEqualTo(3);
    }
}
