package dev.picotool.doctor;

import dev.picotool.bootsel.BootselDrive;
import dev.picotool.device.OsFamily;
import dev.picotool.device.PortInfo;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything the doctor looks at, each behind a small interface so that tests can hand it any condition (a port
 * without permission, a port held by Thonny, a broker that refuses) and the real one reads this computer.
 *
 * @param javaFeature  the running Java's feature release (17)
 * @param ports        the OS's serial ports (may throw DeviceException when the serial library cannot load)
 * @param chosenPort   the port named by --port or PICOTOOL_PORT, resolved; empty = look at every MicroPython port
 * @param broker       the broker from the settings, when one was configured
 */
public record DoctorFacts(OsFamily os, int javaFeature, String javaDescription, String picotoolVersion,
                          Supplier<List<PortInfo>> ports, Optional<String> chosenPort, BoardAsker boards,
                          Supplier<List<BootselDrive>> drives, PortAccess access, PortHolders holders,
                          BrokerProbe probe, Optional<BrokerTarget> broker, Supplier<List<String>> lanAddresses) {

    /** The broker the settings name, as the Pico will use it. */
    public record BrokerTarget(String host, int port, boolean tls, boolean loopback, boolean login, String origin) {
        public String address() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }
}
