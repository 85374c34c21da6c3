package dev.picotool.demo;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The virtual Pico ({@code tool/virtual-pico} and {@code tool/vpico/}) as packaged in picotool's jar, copied out to a
 * directory so python3 can run it: picotool test and demo need nothing but the jar and python3. The board data it
 * reads ({@code pinouts/}) is copied beside it, in the same layout as the repository.
 */
final class VirtualPicoFiles {
    static final String ROOT = "virtual-pico/";
    static final String LAUNCHER = "virtual-pico";
    static final String BOARD_DATA = "pinouts/";

    private VirtualPicoFiles() {
    }

    /** Copies the virtual Pico into {@code dir} and returns the directory to run {@code virtual-pico} from. */
    public static Path extract(Path dir) {
        copy(ROOT, LAUNCHER, dir.resolve("tool"));
        copy(BOARD_DATA, "pico_w.json", dir.resolve("pinouts"));
        return dir.resolve("tool");
    }

    /** Copies the classpath folder {@code root} (found through one file in it) to {@code dir}. */
    private static void copy(String root, String knownFile, Path dir) {
        URL launcher = VirtualPicoFiles.class.getResource("/" + root + knownFile);
        if (launcher == null) {
            throw new PicoToolException(ExitCode.INTERNAL, "the virtual Pico is missing from picotool's jar",
                    "rebuild picotool (tool/picotool rebuilds it)");
        }
        try {
            if ("jar".equals(launcher.getProtocol())) {
                JarURLConnection c = (JarURLConnection) launcher.openConnection();
                c.setUseCaches(false);
                try (JarFile jar = c.getJarFile()) {
                    copyEntries(jar, root, dir);
                }
            } else {
                copyTree(Path.of(launcher.toURI()).getParent(), dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyEntries(JarFile jar, String root, Path to) throws IOException {
        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
            JarEntry entry = e.nextElement();
            if (entry.isDirectory() || !entry.getName().startsWith(root)) {
                continue;
            }
            Path target = to.resolve(entry.getName().substring(root.length())).normalize();
            if (!target.startsWith(to)) {
                continue; // never write outside the directory, whatever the jar says
            }
            Files.createDirectories(target.getParent());
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, target);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            Path target = to.resolve(from.relativize(f).toString());
            Files.createDirectories(target.getParent());
            Files.copy(f, target);
        }
    }
}
