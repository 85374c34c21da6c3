package dev.picotool.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsFileTest {
    @TempDir
    Path dir;

    @Test
    void namesAreFileSafeAndDistinct() {
        assertThat(SecretsFile.name("wifi", "lab")).isEqualTo("wifi-lab");
        assertThat(SecretsFile.name("wifi", "Lab")).startsWith("wifi-lab-").hasSize("wifi-lab-".length() + 6);
        assertThat(SecretsFile.name("wifi", "../../etc/passwd")).startsWith("wifi-etc-passwd-").doesNotContain("/");
        assertThat(SecretsFile.name("wifi", "Café")).isNotEqualTo(SecretsFile.name("wifi", "Cafe"));
        assertThat(SecretsFile.name("wifi", "🙂")).matches("wifi-[0-9a-f]{6}");
        assertThat(SecretsFile.name("mqtt", "pico@192.168.1.11")).startsWith("mqtt-pico-192-168-1-11-");
    }

    @Test
    void referencesUseTheHomeShorthand() {
        Path home = Path.of("/home/student");
        assertThat(SecretsFile.reference(Path.of("/home/student/.config/picotool/wifi-lab"), home))
                .isEqualTo("~/.config/picotool/wifi-lab");
        assertThat(SecretsFile.reference(Path.of("/srv/secrets/wifi-lab"), home)).isEqualTo("/srv/secrets/wifi-lab");
        assertThat(SecretsFile.reference(Path.of("/home/studentx/w"), home)).isEqualTo("/home/studentx/w");
    }

    @Test
    void writesOwnerOnlyInAnOwnerOnlyFolderAndReplacesWhole() throws Exception {
        Path file = dir.resolve("new/picotool/wifi-lab");
        SecretsFile.write(file, "secretpass".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(file)).isEqualTo("secretpass\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        SecretsFile.write(file, "other-pass".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(file)).isEqualTo("other-pass\n");
        try (var left = Files.list(file.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("wifi-lab");
        }
    }
}
