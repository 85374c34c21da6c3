package dev.picotool.bootsel;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.board.Boards;
import dev.picotool.device.OsFamily;
import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Finds boards in BOOTSEL mode by their drive: the folders where removable drives are mounted, each checked for an
 * {@code INFO_UF2.TXT} of a Raspberry Pi bootrom. Where drives are mounted depends on the OS ({@link #mountRoots}).
 */
public final class BootselDrives {
    private final Supplier<List<Path>> roots;

    /** {@code roots}: folders that are drives themselves or hold drives one level down. */
    public BootselDrives(Supplier<List<Path>> roots) {
        this.roots = roots;
    }

    public static BootselDrives system() {
        OsFamily os = OsFamily.current();
        String user = System.getProperty("user.name", "");
        return new BootselDrives(() -> mountRoots(os, user, File.listRoots()));
    }

    /**
     * Where a USB drive shows up. Linux: udisks mounts it at /media/USER/LABEL (Debian, Ubuntu) or
     * /run/media/USER/LABEL (Fedora, Arch); by hand often under /mnt. macOS: /Volumes/LABEL. Windows: a drive letter
     * (A: and B:, the floppy letters, are skipped: asking them can block on old machines).
     */
    static List<Path> mountRoots(OsFamily os, String user, File[] driveLetters) {
        List<Path> out = new ArrayList<>();
        switch (os) {
            case MACOS -> out.add(Path.of("/Volumes"));
            case WINDOWS -> {
                for (File f : driveLetters) {
                    String p = f.getPath().toUpperCase(java.util.Locale.ROOT);
                    if (!p.startsWith("A:") && !p.startsWith("B:")) {
                        out.add(f.toPath());
                    }
                }
            }
            default -> {
                if (!user.isBlank() && !user.contains("/") && !user.contains("..")) {
                    out.add(Path.of("/media", user));
                    out.add(Path.of("/run/media", user));
                }
                out.add(Path.of("/media"));
                out.add(Path.of("/mnt"));
            }
        }
        return out;
    }

    /** Every Raspberry Pi BOOTSEL drive mounted now. */
    public List<BootselDrive> find() {
        Set<Path> candidates = new LinkedHashSet<>();
        for (Path root : roots.get()) {
            candidates.add(root);
            try (DirectoryStream<Path> children = Files.newDirectoryStream(root, Files::isDirectory)) {
                children.forEach(candidates::add);
            } catch (IOException | SecurityException e) {
                // not there, or not ours to list: no drive there
            }
        }
        List<BootselDrive> drives = new ArrayList<>();
        for (Path c : candidates) {
            BootselDrive.at(c).filter(BootselDrive::isRaspberryPi).ifPresent(drives::add);
        }
        return drives;
    }

    /** The drive to install on: {@code --drive DIR} when given (and valid), else the one found. */
    public BootselDrive choose(Optional<Path> given) {
        if (given.isPresent()) {
            Path dir = given.get();
            BootselDrive d = BootselDrive.at(dir).orElseThrow(() -> new PicoToolException(ExitCode.USAGE, dir
                    + " is not a board's BOOTSEL drive: it has no " + BootselDrive.INFO_FILE, "name the folder the "
                    + Boards.bootselDrives() + " drive is mounted at, or leave out --drive to find it"));
            if (!d.isRaspberryPi()) {
                throw new PicoToolException(ExitCode.USAGE, dir + " is the UF2 drive of '" + d.boardId() + "', not "
                        + "of a Raspberry Pi chip", "name the " + Boards.bootselDrives() + " drive");
            }
            return d;
        }
        List<BootselDrive> found = find();
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            throw noDrive(roots.get());
        }
        throw new PicoToolException(ExitCode.DEVICE, found.size() + " boards are in BOOTSEL mode: " + String.join(
                ", ", found.stream().map(BootselDrive::describe).toList()), "say which with --drive "
                + found.get(0).root());
    }

    private static PicoToolException noDrive(List<Path> looked) {
        return new PicoToolException(ExitCode.DEVICE, "no board in BOOTSEL mode found (no " + Boards.bootselDrives()
                + " drive with " + BootselDrive.INFO_FILE + " under " + String.join(", ", looked.stream()
                .map(Path::toString).toList()) + ")", "unplug the board, hold its BOOTSEL button while plugging it "
                + "in, and release it: a drive named " + Boards.bootselDrives() + " appears (give its folder with "
                + "--drive if it is mounted elsewhere). A board running MicroPython goes there with `picotool "
                + "bootloader`");
    }
}
