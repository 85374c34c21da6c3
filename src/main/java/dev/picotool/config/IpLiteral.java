package dev.picotool.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address literals as the Pico's lwIP and this computer read them, parsed here without any DNS look-up. Only the
 * canonical forms are accepted: four decimal numbers for IPv4, RFC 4291 text for IPv6. The short and numeric forms
 * that inet_aton also reads ({@code 127.1}, {@code 0x7f000001}, {@code 010.0.0.1} as octal) are refused by the
 * caller, because one tool reads them as a name and another as an address.
 */
final class IpLiteral {
    private static final Pattern V4 = Pattern.compile("(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

    private IpLiteral() {
    }

    /** Four bytes for a dotted-quad IPv4 address without leading zeros; empty otherwise. */
    static Optional<byte[]> v4(String s) {
        if (!V4.matcher(s).matches()) {
            return Optional.empty();
        }
        String[] parts = s.split("\\.");
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            int v = Integer.parseInt(parts[i]);
            if (v > 255) {
                return Optional.empty();
            }
            b[i] = (byte) v;
        }
        return Optional.of(b);
    }

    /** Sixteen bytes for an IPv6 address (with at most one {@code ::}, optionally ending in IPv4); empty otherwise. */
    static Optional<byte[]> v6(String s) {
        if (s.isEmpty() || s.length() > 45 || s.contains(":::")) {
            return Optional.empty();
        }
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return Optional.empty();
        }
        byte[] out = new byte[16];
        String head = gap >= 0 ? s.substring(0, gap) : s;
        String tail = gap >= 0 ? s.substring(gap + 2) : "";
        Optional<byte[]> h = groups(head, true);
        Optional<byte[]> t = groups(tail, true);
        if (h.isEmpty() || t.isEmpty()) {
            return Optional.empty();
        }
        int n = h.get().length + t.get().length;
        if (gap < 0 ? n != 16 : n > 14) {
            return Optional.empty();
        }
        System.arraycopy(h.get(), 0, out, 0, h.get().length);
        System.arraycopy(t.get(), 0, out, 16 - t.get().length, t.get().length);
        return Optional.of(out);
    }

    /** The bytes of colon-separated hex groups, where the last may be a dotted IPv4 address. */
    private static Optional<byte[]> groups(String s, boolean allowV4Tail) {
        if (s.isEmpty()) {
            return Optional.of(new byte[0]);
        }
        String[] parts = s.split(":", -1);
        byte[] b = new byte[parts.length * 2 + 2];
        int len = 0;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && allowV4Tail && p.contains(".")) {
                Optional<byte[]> v4 = v4(p);
                if (v4.isEmpty()) {
                    return Optional.empty();
                }
                System.arraycopy(v4.get(), 0, b, len, 4);
                len += 4;
            } else if (HEX_GROUP.matcher(p).matches()) {
                int v = Integer.parseInt(p, 16);
                b[len++] = (byte) (v >> 8);
                b[len++] = (byte) v;
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(java.util.Arrays.copyOf(b, len));
    }

    static boolean isLoopback(byte[] a) {
        if (a.length == 4) {
            return a[0] == 127;
        }
        return isMappedV4(a) ? a[12] == 127 : allZero(a, 0, 15) && a[15] == 1;
    }

    static boolean isUnspecified(byte[] a) {
        if (a.length == 4 || isMappedV4(a)) {
            return allZero(a, a.length - 4, a.length);
        }
        return allZero(a, 0, 16);
    }

    /** ::ffff:a.b.c.d, an IPv4 address written as IPv6. */
    private static boolean isMappedV4(byte[] a) {
        return a.length == 16 && allZero(a, 0, 10) && a[10] == (byte) 0xff && a[11] == (byte) 0xff;
    }

    private static boolean allZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
