package dev.picotool.doctor;

import dev.picotool.bootsel.BootselDrive;
import dev.picotool.bootsel.BootselDrives;
import dev.picotool.config.LanAddresses;
import dev.picotool.device.DeviceAccess;
import dev.picotool.device.OsFamily;
import dev.picotool.device.PortInfo;
import dev.picotool.device.ReplTimings;
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

    /**
     * This computer as it is: the OS's ports through {@code devices}, boards asked over the REPL, drives where the OS
     * mounts them, access(2) and /proc on Linux (macOS: access only; Windows has neither), MQTT over TCP.
     */
    public static DoctorFacts system(DeviceAccess devices, ReplTimings timings, Optional<String> chosenPort,
                                     Optional<BrokerTarget> broker, String picotoolVersion) {
        OsFamily os = OsFamily.current();
        boolean unix = os == OsFamily.LINUX || os == OsFamily.MACOS;
        return new DoctorFacts(os, Runtime.version().feature(), System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor", "unknown vendor") + ")", picotoolVersion, devices::ports,
                chosenPort, new SerialBoardAsker(devices, timings), BootselDrives.system()::find,
                unix ? UnixPortAccess.system() : p -> PortAccess.Verdict.allowedHere(),
                os == OsFamily.LINUX ? ProcPortHolders.system() : p -> Optional.empty(), new MqttPing(), broker,
                LanAddresses::ipv4);
    }

    /** The broker the settings name, as the Pico will use it. */
    public record BrokerTarget(String host, int port, boolean tls, boolean loopback, boolean login, String origin) {
        public String address() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }
}
