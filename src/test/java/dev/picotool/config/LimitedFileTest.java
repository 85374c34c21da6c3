package dev.picotool.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files a user names are read only when they are ordinary and small: a FIFO or /dev/zero must not hang picotool. */
class LimitedFileTest {
    @TempDir
    Path dir;

    @Test
    void aFifoIsRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("pw-fifo");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(p.waitFor()).isZero();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> LimitedFile.read(fifo, 100))
                .isInstanceOf(LimitedFile.Unreadable.class).hasMessageContaining("not a regular file"));
    }

    @Test
    void devicesDirectoriesAndBigFilesAreRefusedInWords() throws Exception {
        assertThatThrownBy(() -> LimitedFile.read(Path.of("/dev/zero"), 100)).hasMessageContaining("not a regular file");
        assertThatThrownBy(() -> LimitedFile.read(dir, 100)).hasMessageContaining("is a directory");
        assertThatThrownBy(() -> LimitedFile.read(dir.resolve("nope"), 100)).hasMessageContaining("does not exist");
        Path big = Files.write(dir.resolve("big"), new byte[101]);
        assertThatThrownBy(() -> LimitedFile.read(big, 100)).hasMessageContaining("is larger than 100 bytes");
        assertThat(LimitedFile.read(Files.write(dir.resolve("ok"), new byte[100]), 100)).hasSize(100);
    }

    @Test
    void aPasswordFileThatIsAFifoIsAConfigError() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        ConfigValidator v = dev.picotool.testing.Configs.validator(new dev.picotool.testing.FakeSecrets())
                .withSecrets(new SystemSecretSource());
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> v.validate(
                new RawSettings().put("wifi.ssid", "Lab").put("mqtt.broker", "10.0.0.2")
                        .put("wifi.password_file", fifo.toString()))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("wifi.password: the file named by wifi.password_file is not a regular file"));
    }
}
