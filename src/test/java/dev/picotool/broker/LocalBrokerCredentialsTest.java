package dev.picotool.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBrokerCredentialsTest {
    @TempDir
    Path home;

    @Test
    void theFirstStartMakesAnOwnerOnlyPasswordAndLaterStartsFindIt() throws Exception {
        Path dir = home.resolve(".config/picotool");
        LocalBrokerCredentials creds = new LocalBrokerCredentials(dir);
        assertThat(creds.find()).isEmpty();

        LocalBrokerCredentials.Login made = creds.findOrCreate();
        assertThat(made.created()).isTrue();
        assertThat(made.username()).isEqualTo("picotool");
        assertThat(made.file()).isEqualTo(dir.resolve("broker-password"));
        assertThat(made.password().reveal()).matches("[A-Za-z0-9_-]{24}");
        assertThat(made.toString()).doesNotContain(made.password().reveal());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(made.file()).hasContent(made.password().reveal()); // --mqtt-password-file reads it as it is

        LocalBrokerCredentials.Login again = creds.findOrCreate();
        assertThat(again.created()).isFalse();
        assertThat(again.password()).isEqualTo(made.password());
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(made.file()); // no temporary file left
        }
    }

    @Test
    void aBrokenFileIsExplainedNotReplaced() throws Exception {
        Path dir = home.resolve("cfg");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("broker-password"), "\n");

        PicoToolException e = catchThrowableOfType(PicoToolException.class,
                () -> new LocalBrokerCredentials(dir).findOrCreate());

        assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_CONFIG);
        assertThat(e.getMessage()).endsWith("broker-password is empty");
        assertThat(e.hint()).contains("delete it");
        assertThat(Files.readString(dir.resolve("broker-password"))).isEqualTo("\n");
    }

    @Test
    void theConfigDirectoryFollowsXdg() {
        assertThat(LocalBrokerCredentials.configDir(Map.of("XDG_CONFIG_HOME", "/x/cfg"), "/home/u"))
                .isEqualTo(Path.of("/x/cfg/picotool"));
        assertThat(LocalBrokerCredentials.configDir(Map.of(), "/home/u"))
                .isEqualTo(Path.of("/home/u/.config/picotool"));
        assertThat(LocalBrokerCredentials.configDir(Map.of("XDG_CONFIG_HOME", "relative"), "/home/u"))
                .isEqualTo(Path.of("/home/u/.config/picotool"));
    }
}
