package dev.picotool.demo;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds picotool's tool/ directory (virtual Pico, MicroPython tools): $PICOTOOL_TOOL_DIR (set by tool/picotool),
 * else next to the jar's checkout (target/picotool-all.jar → ../tool).
 */
public final class ToolDirectory {
    private ToolDirectory() {
    }

    public static Path locate() {
        return fromEnvironment().or(ToolDirectory::besideJar).orElseThrow(() -> new PicoToolException(
                ExitCode.INTERNAL, "cannot find picotool's tool/ directory (the virtual Pico lives there)",
                "run picotool through tool/picotool in a checkout, or set PICOTOOL_TOOL_DIR to its tool/ folder"));
    }

    private static Optional<Path> fromEnvironment() {
        return Optional.ofNullable(System.getenv("PICOTOOL_TOOL_DIR")).map(Path::of).filter(ToolDirectory::valid);
    }

    private static Optional<Path> besideJar() {
        try {
            Path code = Path.of(ToolDirectory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = code; p != null; p = p.getParent()) {
                if (valid(p.resolve("tool"))) {
                    return Optional.of(p.resolve("tool"));
                }
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean valid(Path dir) {
        return Files.isRegularFile(dir.resolve("virtual-pico"));
    }
}
