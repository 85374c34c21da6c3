package dev.picotool.setup;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Wi-Fi networks this computer sees, to offer them in {@code init}. Only where it is cheap and needs no rights:
 * NetworkManager's {@code nmcli -t -f ACTIVE,SSID dev wifi} on Linux (terse output, fields split by ':', a ':' or
 * '\' inside a field escaped with '\', nmcli(1) "--terse"). Elsewhere, or when it fails or is slow, nothing.
 */
public final class WifiNetworks {
    /** The names seen (strongest first, as nmcli lists them, without repeats) and the one this computer is on. */
    public record Scan(List<String> ssids, Optional<String> active) {
        public static final Scan NONE = new Scan(List.of(), Optional.empty());
    }

    private static final long TIMEOUT_S = 5;
    private static final int MAX_OUTPUT = 64 * 1024;

    private WifiNetworks() {
    }

    public static Scan scan() {
        Optional<Path> nmcli = onPath("nmcli");
        if (nmcli.isEmpty()) {
            return Scan.NONE;
        }
        Path out = null;
        try {
            out = Files.createTempFile("picotool-nmcli-", ".txt");
            Process p = new ProcessBuilder(nmcli.get().toString(), "-t", "-f", "ACTIVE,SSID", "dev", "wifi")
                    .redirectErrorStream(true).redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Scan.NONE;
            }
            if (p.exitValue() != 0 || Files.size(out) > MAX_OUTPUT) {
                return Scan.NONE;
            }
            return parse(Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Scan.NONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Scan.NONE;
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a temp file left in the temp folder
                }
            }
        }
    }

    /** "yes:Lab\nno:Cafe\\: free\n" → [Lab, Cafe: free], active Lab. Hidden networks (empty names) are left out. */
    static Scan parse(String terse) {
        List<String> ssids = new ArrayList<>();
        Optional<String> active = Optional.empty();
        for (String line : terse.split("\n")) {
            List<String> fields = fields(line);
            if (fields.size() != 2 || fields.get(1).isEmpty()) {
                continue;
            }
            String ssid = fields.get(1);
            if (!ssids.contains(ssid)) {
                ssids.add(ssid);
            }
            if (fields.get(0).equals("yes") && active.isEmpty()) {
                active = Optional.of(ssid);
            }
        }
        return new Scan(List.copyOf(ssids), active);
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                f.append(line.charAt(++i));
            } else if (c == ':') {
                out.add(f.toString());
                f.setLength(0);
            } else if (c != '\r') {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(p) && Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
