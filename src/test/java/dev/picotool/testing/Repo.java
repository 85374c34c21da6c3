package dev.picotool.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root, so tests can reach tool/ (virtual Pico, MicroPython tools). */
public final class Repo {
    private Repo() {
    }

    public static Path root() {
        // PICOTOOL_REPO lets a build in a separate worktree use the tool/ directory of another checkout.
        String configured = System.getenv("PICOTOOL_REPO");
        if (configured == null) {
            configured = System.getProperty("picotool.repo");
        }
        Path p = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        if (!Files.exists(p.resolve("tool"))) {
            throw new IllegalStateException("cannot find the repository root (tool/ missing under " + p + ")");
        }
        return p.toAbsolutePath();
    }

    public static Path tool(String name) {
        return root().resolve("tool").resolve(name);
    }
}
