package dev.picotool.config;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The {@code wifi:} settings: which network the Pico joins. Only the firmware needs them. */
public final class WifiSettings {
    private static final Pattern TWO_LETTERS = Pattern.compile("[A-Z]{2}");
    private static final Pattern HOST_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?");
    private static final Pattern HEX64 = Pattern.compile("[0-9A-Fa-f]{64}");

    private WifiSettings() {
    }

    public static final Setting<String> SSID = Setting.of("wifi.ssid", Types.TEXT)
            .flags("--wifi", "--ssid").label("SSID").help("Wi-Fi network name (2.4 GHz).")
            .firmwareOnly().required("no Wi-Fi network name given", "pass --wifi NETWORK_NAME (the SSID your "
                    + "phone shows)")
            .check((v, r) -> {
                int bytes = v.getBytes(StandardCharsets.UTF_8).length;
                if (v.isEmpty()) {
                    throw new Invalid("no Wi-Fi network name given", "pass --wifi NETWORK_NAME (the SSID your "
                            + "phone shows)");
                }
                if (bytes > 32) {
                    throw new Invalid("is " + bytes + " bytes long; an SSID has at most 32 bytes",
                            "check the network name");
                }
            })
            .export("WIFI_SSID").build();

    public static final Setting<Boolean> OPEN = Setting.of("wifi.open", Types.BOOL)
            .flags("--open-network").help("The Wi-Fi network has no password.").firmwareOnly().byDefault(false)
            .display(open -> open ? "yes (no password)" : "no").build();

    public static final Setting<Secret> PASSWORD = Setting.of("wifi.password", Types.SECRET)
            .flags("--wifi-password").help("Ask for the Wi-Fi password (the default when a terminal is attached and "
                    + "no other source is given).").firmwareOnly()
            .secret("PICOTOOL_WIFI_PASSWORD", r -> "Wi-Fi password for " + r.find(SSID).orElse("the network")
                    + ": ", r -> !r.get(OPEN))
            .check((p, r) -> checkWpa(p)).export("WIFI_PASSWORD").whenAbsent("(open network)")
            .display(Secret::toString).build();

    public static final Setting<String> COUNTRY = Setting.of("wifi.country", (t, c) -> t.trim()
                    .toUpperCase(Locale.ROOT))
            .flags("--country").label("CC").help("Wi-Fi country code, e.g. GB (default XX: worldwide).")
            .firmwareOnly().byDefault("XX")
            .check((v, r) -> {
                if (!TWO_LETTERS.matcher(v).matches()) {
                    throw new Invalid("'" + v + "' is not a two-letter country code", "use your ISO 3166 code such "
                            + "as GB, DE or US (XX means worldwide)");
                }
            })
            .export("WIFI_COUNTRY").display(v -> v).build();

    public static final Setting<String> HOSTNAME = Setting.of("wifi.hostname", Types.TEXT)
            .flags("--hostname").label("NAME").help("The Pico's network host name (at most 32 characters).")
            .firmwareOnly()
            .check((h, r) -> {
                if (h.length() > 32 || !HOST_LABEL.matcher(h).matches()) {
                    throw new Invalid("must be 1 to 32 letters, digits or '-', not starting or ending with '-'",
                            "choose a name like pico-lab (no .local)");
                }
            })
            .export("WIFI_HOSTNAME").whenAbsent("(board default)").display(v -> v).build();

    public static final Setting<Integer> TIMEOUT = Setting.of("wifi.timeout", Types.integer(5, 120,
                    "between 5 and 120 seconds"))
            .flags("--wifi-timeout").label("SECONDS").help("How long the Pico tries to join before it says why it "
                    + "could not (default 20).").firmwareOnly().byDefault(20)
            .export("WIFI_TIMEOUT_S").display(v -> v + " s").build();

    static final List<Setting<?>> ALL = List.of(SSID, OPEN, PASSWORD, COUNTRY, HOSTNAME, TIMEOUT);

    /** WPA2: 8 to 63 printable ASCII characters, or a pre-shared key of 64 hex digits. */
    private static void checkWpa(Secret p) throws Invalid {
        String v = p.reveal();
        if (HEX64.matcher(v).matches()) {
            return;
        }
        if (v.length() < 8 || v.length() > 63) {
            throw new Invalid("is " + v.length() + " characters long; WPA2 passwords have 8 to 63 characters (or 64 "
                    + "hex digits)", "check the password (from " + p.origin() + "); for a network without a "
                    + "password pass --open-network");
        }
        if (!v.chars().allMatch(ch -> ch >= 0x20 && ch <= 0x7e)) {
            throw new Invalid("contains characters outside printable ASCII, which WPA2 passwords cannot have",
                    "check the password (from " + p.origin() + ")");
        }
    }
}
