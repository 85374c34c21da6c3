package dev.picotool.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One file for the board's filesystem: its path on the device (e.g. main.py) and its exact bytes. */
public record DeviceFile(String name, byte[] content) {
    public DeviceFile {
        content = content.clone();
    }

    public static DeviceFile text(String name, String text) {
        return new DeviceFile(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public int size() {
        return content.length;
    }

    public String sha256() {
        return sha256(content);
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return name + " (" + content.length + " bytes)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceFile f && f.name.equals(name) && java.util.Arrays.equals(f.content, content);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + java.util.Arrays.hashCode(content);
    }
}
