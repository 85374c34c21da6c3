package dev.picotool.doctor;

import dev.picotool.config.LimitedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Linux: the programs that have a port open, from the links in /proc/PID/fd (proc(5)); other users' processes are only
 * visible to root. For a pseudo-terminal (a virtual Pico) the process holding its master side (a /dev/ptmx fd whose
 * /proc/PID/fdinfo says "tty-index: N" for /dev/pts/N) is the board itself and is not counted.
 */
final class ProcPortHolders implements PortHolders {
    private static final Pattern PTS = Pattern.compile("/dev/pts/(\\d+)");
    private static final Pattern TTY_INDEX = Pattern.compile("(?m)^tty-index:\\s*(\\d+)$");
    private static final int SMALL = 4096;
    private static final int CMDLINE = 1 << 17; // ARG_MAX-sized command lines exist; the name is near the start

    private final Path proc;
    private final long self;

    public ProcPortHolders(Path proc, long self) {
        this.proc = proc;
        this.self = self;
    }

    public static ProcPortHolders system() {
        return new ProcPortHolders(Path.of("/proc"), ProcessHandle.current().pid());
    }

    @Override
    public Optional<List<Holder>> of(String port) {
        Path target;
        try {
            target = Path.of(port).toRealPath();
        } catch (IOException | RuntimeException e) {
            return Optional.of(List.of());
        }
        Matcher pts = PTS.matcher(target.toString());
        String ptyIndex = pts.matches() ? pts.group(1) : null;
        List<Holder> out = new ArrayList<>();
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, p -> p.getFileName().toString()
                .matches("\\d{1,10}"))) {
            for (Path pid : pids) {
                long id = Long.parseLong(pid.getFileName().toString());
                if (id != self && holds(pid, target, ptyIndex)) {
                    out.add(new Holder(id, name(pid)));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(out);
    }

    private static boolean holds(Path pid, Path target, String ptyIndex) {
        boolean opened = false;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(pid.resolve("fd"))) {
            for (Path fd : fds) {
                Path link = Files.readSymbolicLink(fd);
                if (link.equals(target)) {
                    opened = true;
                } else if (ptyIndex != null && link.toString().equals("/dev/ptmx")
                        && ptyIndex.equals(ttyIndex(pid.resolve("fdinfo").resolve(fd.getFileName())))) {
                    return false; // the other end of the pty: the virtual board, not a program in the way
                }
            }
        } catch (IOException | RuntimeException e) {
            return opened; // gone meanwhile, or another user's process we may not look into
        }
        return opened;
    }

    private static String ttyIndex(Path fdinfo) {
        Matcher m = TTY_INDEX.matcher(read(fdinfo));
        return m.find() ? m.group(1) : "";
    }

    /** What a person calls it: comm, or for interpreters the script or module they run (python3 /usr/bin/thonny). */
    static String name(Path pid) {
        String comm = read(pid.resolve("comm")).strip();
        String[] args = read(pid.resolve("cmdline"), CMDLINE).split("\0");
        if (comm.startsWith("python") || comm.equals("java") || comm.equals("node")) {
            for (int i = 1; i < args.length; i++) {
                if (args[i].equals("-m") && i + 1 < args.length) {
                    return args[i + 1];
                }
                if (!args[i].startsWith("-")) {
                    return args[i].substring(args[i].lastIndexOf('/') + 1);
                }
            }
        }
        return comm.isEmpty() ? "process" : comm;
    }

    private static String read(Path p) {
        return read(p, SMALL);
    }

    private static String read(Path p, int limit) {
        try {
            return new String(LimitedFile.read(p, limit), StandardCharsets.UTF_8);
        } catch (LimitedFile.Unreadable e) {
            return "";
        }
    }
}
