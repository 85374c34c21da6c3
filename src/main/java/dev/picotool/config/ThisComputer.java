package dev.picotool.config;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Whether a broker address names this computer: a loopback name or address, the unspecified address (which reaches
 * this computer's own listeners), or an address of one of its network interfaces. Other host names are not looked
 * up: a name server that does not answer must not hold up every command.
 */
public final class ThisComputer {
    private ThisComputer() {
    }

    public static boolean names(String host) {
        if (BrokerAddress.isLoopback(host) || BrokerAddress.isUnspecified(host)) {
            return true;
        }
        Optional<byte[]> literal = host.contains(":") ? IpLiteral.v6(host) : IpLiteral.v4(host);
        if (literal.isEmpty()) {
            return false;
        }
        try {
            return NetworkInterface.getByInetAddress(InetAddress.getByAddress(literal.get())) != null;
        } catch (UnknownHostException | SocketException e) {
            return false;
        }
    }
}
