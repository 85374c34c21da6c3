package dev.picotool.config;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** This computer's addresses that a Pico on the same network could reach (for hints, never for validation). */
public final class LanAddresses {
    private LanAddresses() {
    }

    public static List<String> ipv4() {
        List<String> out = new ArrayList<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp() || nif.isLoopback() || nif.isVirtual()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        out.add(a.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            return out;
        }
        return out;
    }

    /** "192.168.1.11 or 10.0.0.5", or advice to look it up when none is found. */
    public static String describe(List<String> addresses) {
        if (addresses.isEmpty()) {
            return "this computer's LAN address (see `ip addr` or your network settings)";
        }
        return String.join(" or ", addresses);
    }
}
