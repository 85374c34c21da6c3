package dev.picotool.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.device.OsFamily;
import org.junit.jupiter.api.Test;

class OsAdviceTest {
    @Test
    void driversPerOs() {
        assertThat(OsAdvice.noPorts(OsFamily.WINDOWS)).contains("Device Manager", "Ports (COM & LPT)");
        assertThat(OsAdvice.noPorts(OsFamily.MACOS)).contains("ls /dev/cu.usbmodem*");
        assertThat(OsAdvice.noPorts(OsFamily.LINUX)).contains("cdc_acm");
        assertThat(OsAdvice.noPorts(OsFamily.OTHER)).startsWith("plug the Pico in with a data cable");
    }

    @Test
    void permissionsAreALinuxMatter() {
        assertThat(OsAdvice.permission(OsFamily.LINUX, "", false)).contains("sudo usermod -aG dialout $USER");
        assertThat(OsAdvice.permission(OsFamily.LINUX, "uucp", false)).contains("sudo usermod -aG uucp $USER");
        assertThat(OsAdvice.permission(OsFamily.LINUX, "dialout", true)).contains("log out and in again");
        assertThat(OsAdvice.permission(OsFamily.MACOS, "wheel", false)).doesNotContain("usermod");
    }

    @Test
    void whoHoldsThePort() {
        assertThat(OsAdvice.holder(OsFamily.LINUX, "screen")).contains("close screen", "Ctrl-A then k");
        assertThat(OsAdvice.holder(OsFamily.LINUX, "ModemManager")).contains("systemctl stop ModemManager");
        assertThat(OsAdvice.holder(OsFamily.WINDOWS, "Thonny")).startsWith("quit Thonny");
        assertThat(OsAdvice.holder(OsFamily.WINDOWS, "java")).contains("Arduino IDE");
        assertThat(OsAdvice.findHolder(OsFamily.MACOS, "/dev/cu.usbmodem1101")).contains("lsof /dev/cu.usbmodem1101");
        assertThat(OsAdvice.findHolder(OsFamily.WINDOWS, "COM5")).contains("Windows cannot tell");
    }

    @Test
    void firewalls() {
        assertThat(OsAdvice.firewall(OsFamily.WINDOWS, 1883)).contains("Windows Defender Firewall", "TCP 1883");
        assertThat(OsAdvice.firewall(OsFamily.MACOS, 1883)).contains("System Settings");
        assertThat(OsAdvice.firewall(OsFamily.LINUX, 8883)).contains("ufw allow 8883/tcp");
    }
}
