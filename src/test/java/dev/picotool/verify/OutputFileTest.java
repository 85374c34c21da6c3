package dev.picotool.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFileTest {
    @TempDir
    Path dir;

    PicoToolException refused(Path p) {
        return catchThrowableOfType(PicoToolException.class, () -> OutputFile.prepare(p, "--report junit"));
    }

    @Test
    void aDirectoryIsRefusedUpFrontWithExit2() {
        PicoToolException e = refused(dir);
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).isEqualTo("--report junit " + dir + ": is a directory");
        assertThat(e.hint()).contains(dir.resolve("verify-result").toString());
    }

    @Test
    void aMissingDirectoryIsRefusedAndNeverCreated() {
        Path missing = dir.resolve("no/such/dir/report.xml");
        PicoToolException e = refused(missing);
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).contains("the directory " + dir.resolve("no/such/dir") + " does not exist");
        assertThat(dir.resolve("no")).doesNotExist();

        assertThat(refused(Path.of("/nonexistent-picotool-test/dir/x.json")).exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(Path.of("/nonexistent-picotool-test")).doesNotExist();
    }

    @Test
    void aPlaceNothingCanBeWrittenIsRefusedUpFront() {
        PicoToolException e = refused(Path.of("/proc/picotool-y.csv"));
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).startsWith("--report junit /proc/picotool-y.csv: cannot be written");

        assertThat(refused(Path.of("/dev/null")).getMessage()).endsWith("exists and is not a regular file");
    }

    @Test
    void writesWholeByRenamingAndLeavesNothingElse() throws Exception {
        Path target = dir.resolve("report.json");
        Files.writeString(target, "old");
        try (OutputFile f = OutputFile.prepare(target, "--report json")) {
            assertThat(target).hasContent("old");
            f.write("new");
        }
        assertThat(target).hasContent("new");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s).containsExactly(target);
        }
    }

    @Test
    void closingWithoutWritingLeavesTheTargetAsItWas() throws Exception {
        Path target = dir.resolve("never.json");
        OutputFile.prepare(target, "--report json").close();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s).isEmpty();
        }
    }
}
