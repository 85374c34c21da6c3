package dev.picotool.doctor;

import dev.picotool.ExitCode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code picotool doctor}: checks this computer, the board and the broker, and explains each problem with its fix.
 * Returns findings; the cli prints them.
 */
public final class Doctor {
    /** The oldest Java picotool runs on (pom.xml's release). */
    static final int JAVA_NEEDED = 17;

    private Doctor() {
    }

    public static List<Finding> examine(DoctorFacts facts) {
        List<Finding> out = new ArrayList<>();
        out.add(java(facts));
        out.addAll(BoardChecks.run(facts));
        out.add(BrokerCheck.run(facts));
        out.add(lan(facts));
        return out;
    }

    /** 0 when nothing failed, else the exit code of the first failure (4 device, 5 broker, 3 settings). */
    public static ExitCode exitCode(List<Finding> findings) {
        return findings.stream().filter(f -> f.status() == Status.FAIL).map(Finding::failCode).findFirst()
                .orElse(ExitCode.OK);
    }

    static Finding java(DoctorFacts f) {
        if (f.javaFeature() < JAVA_NEEDED) {
            return Finding.fail("java", "Java " + f.javaDescription() + " is older than Java " + JAVA_NEEDED,
                    "install Java " + JAVA_NEEDED + " or newer (Debian/Ubuntu: sudo apt-get install "
                            + "openjdk-17-jre-headless; Windows and macOS: adoptium.net)", ExitCode.USAGE);
        }
        return Finding.ok("java", "Java " + f.javaDescription() + " on " + f.os().displayName() + ", picotool "
                + f.picotoolVersion());
    }

    static Finding lan(DoctorFacts f) {
        List<String> lan = f.lanAddresses().get();
        if (lan.isEmpty()) {
            return Finding.warn("lan", "this computer has no LAN address (only loopback)", "connect it to the "
                    + "network the Pico will join: the Pico reaches a broker on this computer through that address");
        }
        return Finding.ok("lan", "this computer's LAN address" + (lan.size() > 1 ? "es: " : ": ")
                + String.join(", ", lan), "a broker running here is reached by the Pico as --broker " + lan.get(0));
    }
}
