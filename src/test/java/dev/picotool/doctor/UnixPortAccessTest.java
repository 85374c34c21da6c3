package dev.picotool.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnixPortAccessTest {
    @TempDir
    Path dir;

    /** A device file as udev makes it: root:dialout 0660 (a plain file stands in for it). */
    Path ttyAcm() throws Exception {
        Path p = Files.createFile(dir.resolve("ttyACM0"));
        PosixFileAttributeView v = Files.getFileAttributeView(p, PosixFileAttributeView.class);
        GroupPrincipal dialout = p.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(
                "dialout");
        v.setGroup(dialout);
        v.setPermissions(PosixFilePermissions.fromString("rw-rw----"));
        return p;
    }

    @Test
    void aRefusalIsExplainedByTheDevicesGroupAndMode() throws Exception {
        Path port = ttyAcm();
        PortAccess.Verdict v = new UnixPortAccess("student", g -> List.of(), p -> false).check(port.toString());
        assertThat(v.allowed()).isFalse();
        assertThat(v.group()).isEqualTo("dialout");
        assertThat(v.mode()).isEqualTo("rw-rw----");
        assertThat(v.inGroupFile()).isFalse();
        PortAccess.Verdict added = new UnixPortAccess("student", g -> g.equals("dialout") ? List.of("pi", "student")
                : List.of(), p -> false).check(port.toString());
        assertThat(added.inGroupFile()).isTrue();
    }

    @Test
    void allowedOrMissingPortsAreNotThisChecksBusiness() throws Exception {
        Path port = ttyAcm();
        assertThat(new UnixPortAccess("student", g -> List.of(), p -> true).check(port.toString()).allowed()).isTrue();
        assertThat(new UnixPortAccess("student", g -> List.of(), p -> false).check(dir.resolve("ttyACM9").toString())
                .allowed()).isTrue();
        assertThat(UnixPortAccess.system().check(port.toString()).allowed()).as("access(2) for this user (root)")
                .isEqualTo(Files.isReadable(port) && Files.isWritable(port));
    }

    @Test
    void readsGroupMembersFromTheGroupDatabase() {
        assertThat(UnixPortAccess.EtcGroup.members("no-such-group-here")).isEmpty();
        assertThat(UnixPortAccess.EtcGroup.members("root")).isNotNull();
    }
}
