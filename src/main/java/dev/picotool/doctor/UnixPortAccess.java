package dev.picotool.doctor;

import dev.picotool.config.LimitedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.Predicate;

/**
 * Whether this user may open a port on Linux and macOS: access(2) through {@link Files#isReadable} and
 * {@link Files#isWritable} decides; the device file's owner, group and mode explain a refusal. {@code groupMembers}
 * lists the users the group database puts in a group (to tell "not in dialout" from "added, but not logged in again").
 */
final class UnixPortAccess implements PortAccess {
    private final String user;
    private final GroupDatabase groups;
    private final Predicate<Path> mayOpen;

    /** The members of a group by name, from /etc/group; empty when unknown. */
    @FunctionalInterface
    public interface GroupDatabase {
        List<String> members(String group);
    }

    /** {@code mayOpen}: access(2) for reading and writing (tests, which run as root, pass their own). */
    public UnixPortAccess(String user, GroupDatabase groups, Predicate<Path> mayOpen) {
        this.user = user;
        this.groups = groups;
        this.mayOpen = mayOpen;
    }

    public static UnixPortAccess system() {
        return new UnixPortAccess(System.getProperty("user.name", ""), EtcGroup::members,
                p -> Files.isReadable(p) && Files.isWritable(p));
    }

    @Override
    public Verdict check(String port) {
        Path p = Path.of(port);
        if (!Files.exists(p) || mayOpen.test(p)) {
            return Verdict.allowedHere(); // a missing port is another check's business
        }
        try {
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class);
            String group = a.group().getName();
            return new Verdict(false, a.owner().getName(), group, PosixFilePermissions.toString(a.permissions()),
                    groups.members(group).contains(user));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return new Verdict(false, "", "", "", false);
        }
    }

    /** /etc/group lines "name:x:gid:member,member". */
    static final class EtcGroup {
        private static final Path FILE = Path.of("/etc/group");
        private static final int LIMIT = 1 << 20;

        private EtcGroup() {
        }

        static List<String> members(String group) {
            try {
                String text = new String(LimitedFile.read(FILE, LIMIT), StandardCharsets.UTF_8);
                return text.lines().map(l -> l.split(":", -1)).filter(f -> f.length >= 4 && f[0].equals(group))
                        .findFirst().map(f -> List.of(f[3].split(","))).orElse(List.of());
            } catch (LimitedFile.Unreadable e) {
                return List.of();
            }
        }
    }
}
