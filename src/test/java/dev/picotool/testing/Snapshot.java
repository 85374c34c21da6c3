package dev.picotool.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Output compared with a file under src/test/resources/snapshots. After an intended change, regenerate with
 * {@code ./mvnw test -Dtest=... -Dsnapshots.update=true} and review the diff before committing it.
 */
public final class Snapshot {
    private Snapshot() {
    }

    public static void assertMatches(String name, String actual) {
        Path file = Repo.root().resolve("src/test/resources/snapshots").resolve(name);
        try {
            if (Boolean.getBoolean("snapshots.update")) {
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(Files.exists(file)).as("snapshot " + file + " exists (create it with -Dsnapshots.update=true)")
                    .isTrue();
            assertThat(actual).as("output vs snapshot " + file).isEqualTo(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
