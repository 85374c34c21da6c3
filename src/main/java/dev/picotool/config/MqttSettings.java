package dev.picotool.config;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The {@code mqtt:} settings: the broker the Pico publishes to, which verify also listens on. */
public final class MqttSettings {
    private static final Pattern CLIENT_ID_CHARS = Pattern.compile("[A-Za-z0-9_-]{1,23}");
    /**
     * The path on the board the CA certificate is written to, as one DER certificate: MicroPython's mbedTLS has no PEM
     * parser and refuses PEM with {@code ValueError: invalid cert} (see {@link CaCertificate}).
     */
    public static final String CA_ON_BOARD = "ca.der";

    private MqttSettings() {
    }

    public static final Setting<Boolean> ALLOW_LOOPBACK = Setting.of("mqtt.allow_loopback", Types.BOOL)
            .flags("--allow-loopback").help("Allow a loopback broker address (only for a virtual Pico running on "
                    + "this computer).").firmwareOnly().byDefault(false).build();

    public static final Setting<BrokerAddress> BROKER = Setting.of("mqtt.broker", BrokerAddress.TYPE)
            .flags("--broker").label("HOST[:PORT]").help("MQTT broker. For the firmware: the address the Pico "
                    + "reaches, i.e. your computer's LAN address, not localhost.")
            .byDefault(r -> {
                if (r.use() == Use.VERIFY) {
                    return Optional.of(new BrokerAddress("localhost", Optional.empty()));
                }
                throw new Invalid("no MQTT broker given", "pass --broker with the address of the computer running "
                        + "the broker, e.g. --broker " + r.context().exampleLan());
            })
            .firmwareCheck((b, r) -> {
                if (b.isUnspecified()) {
                    throw new Invalid(b.host() + " is a listening address, not one a client can connect to",
                            "pass this computer's LAN address: --broker " + r.context().exampleLan());
                }
                if (b.isLoopback() && !r.get(ALLOW_LOOPBACK)) {
                    throw new Invalid("'" + b.host() + "' means the Pico itself when the Pico uses it, so it cannot "
                            + "reach the broker on your computer", "pass your computer's LAN address: --broker "
                            + LanAddresses.describe(r.context().lanAddresses().get()) + " (use --allow-loopback "
                            + "only for a virtual Pico running on this computer)");
                }
            })
            .export("MQTT_HOST", (b, c) -> b.host()).display(BrokerAddress::host).build();

    public static final Setting<CaCertificate> CA_FILE = Setting.of("mqtt.ca_file", CaCertificate.TYPE)
            .flags("--ca-file").label("FILE").help("CA certificate (PEM or DER) that signed the broker's "
                    + "certificate; the broker's certificate and host name are then checked (implies --tls).")
            .check((ca, r) -> checkCa(ca, r))
            .export("MQTT_CA_FILE", (ca, c) -> ca == null ? null : CA_ON_BOARD)
            .whenAbsent("-").display(ca -> ca.path() + " (" + ca.subject() + ")").build();

    public static final Setting<Boolean> TLS = Setting.of("mqtt.tls", Types.BOOL)
            .flags("--tls").help("Connect to the broker with TLS.")
            .byDefault(r -> Optional.of(r.find(CA_FILE).isPresent()))
            .check((tls, r) -> {
                if (!tls && r.find(CA_FILE).isPresent()) {
                    throw new Invalid("is false, but a CA file is given (which means TLS)", "drop one of them");
                }
            })
            .export("MQTT_TLS").display(tls -> tls ? "on" : "off").build();

    public static final Setting<Integer> PORT = Setting.of("mqtt.port", Types.integer(1, 65_535,
                    "between 1 and 65535"))
            .flags("--mqtt-port").label("PORT").help("Broker port (default 1883, 8883 with TLS).")
            .byDefault(r -> Optional.of(r.find(BROKER).flatMap(BrokerAddress::port)
                    .orElse(r.get(TLS) ? 8883 : 1883)))
            .check((p, r) -> {
                Optional<Integer> inBroker = r.find(BROKER).flatMap(BrokerAddress::port);
                if (r.given(MqttSettings.PORT) && inBroker.isPresent() && !inBroker.get().equals(p)) {
                    throw new Invalid("two different ports given: " + inBroker.get() + " in mqtt.broker and " + p
                            + " here", "give the port once");
                }
            })
            .export("MQTT_PORT").build();

    public static final Setting<String> USERNAME = Setting.of("mqtt.username", Types.TEXT)
            .flags("--mqtt-user").label("NAME").help("MQTT user name (default: with --broker naming this computer, "
                    + "the login of `picotool broker`).")
            .byDefault(r -> localLogin(r).map(LocalBrokerLogin.Login::username))
            .check((u, r) -> {
                if (u.isEmpty()) {
                    throw new Invalid("is empty", "leave it out for a broker without login");
                }
                if (u.getBytes(StandardCharsets.UTF_8).length > 65_535) {
                    throw new Invalid("is too long", "check the user name");
                }
            })
            .export("MQTT_USER").display(v -> v).build();

    public static final Setting<Secret> PASSWORD = Setting.of("mqtt.password", Types.SECRET)
            .flags("--mqtt-password").help("Ask for the MQTT password.")
            .secret("PICOTOOL_MQTT_PASSWORD", r -> "MQTT password for " + r.find(USERNAME).orElse("the broker")
                    + ": ", r -> r.find(USERNAME).isPresent(), r -> localLogin(r).filter(l -> r.find(USERNAME)
                    .equals(Optional.of(l.username()))).map(LocalBrokerLogin.Login::password))
            .export("MQTT_PASSWORD").display(Secret::toString).build();

    public static final Setting<String> CLIENT_ID = Setting.of("mqtt.client_id", Types.TEXT)
            .flags("--client-id").label("ID").help("MQTT client id (default pico-<board id>).").firmwareOnly()
            .check((id, r) -> {
                if (!CLIENT_ID_CHARS.matcher(id).matches()) {
                    throw new Invalid("must be 1 to 23 letters, digits, '-' or '_' (the length every MQTT 3.1.1 "
                            + "broker must accept)", "choose e.g. pico-kitchen, or leave it out to use pico-<board "
                            + "id>");
                }
            })
            .export("MQTT_CLIENT_ID").whenAbsent("pico-<board id>").display(v -> v).build();

    public static final Setting<Integer> KEEPALIVE = Setting.of("mqtt.keepalive", Types.integer(10, 3_600,
                    "between 10 and 3600 seconds"))
            .flags("--keepalive").label("SECONDS").help("MQTT keepalive (default 60).").firmwareOnly().byDefault(60)
            .export("MQTT_KEEPALIVE_S").display(v -> v + " s").build();

    public static final Setting<Integer> QOS = Setting.of("mqtt.qos", Types.integer(0, 1,
                    "0 or 1 (the firmware does not do QoS 2)"))
            .flags("--qos").label("0|1").help("MQTT QoS of the readings (default 0).").firmwareOnly().byDefault(0)
            .export("MQTT_QOS").build();

    static final List<Setting<?>> ALL = List.of(ALLOW_LOOPBACK, BROKER, PORT, TLS, CA_FILE, USERNAME, PASSWORD,
            CLIENT_ID, KEEPALIVE, QOS);

    /**
     * The login of {@code picotool broker}, when the broker is on this computer and no MQTT login is given (issue
     * 10: the embedded broker is closed by default, and the commands that talk to it log in by themselves).
     */
    private static Optional<LocalBrokerLogin.Login> localLogin(Resolver r) {
        if (r.given(USERNAME) || r.given(PASSWORD)) {
            return Optional.empty();
        }
        Optional<BrokerAddress> broker = r.find(BROKER);
        if (broker.isEmpty() || !r.context().localBroker().isThisComputer().test(broker.get().host())) {
            return Optional.empty();
        }
        return r.context().localBroker().login().find();
    }

    /** A broker's own certificate, or an expired one, would fail on the board; say it here. */
    private static void checkCa(CaCertificate ca, Resolver r) throws Invalid {
        if (!ca.isCa()) {
            throw new Invalid(ca.path() + " is not a CA certificate (" + ca.subject() + " cannot sign others; is it "
                    + "the broker's own certificate?)", "pass the certificate of the CA that signed the broker's "
                    + "certificate");
        }
        Instant now = r.context().clock().instant();
        if (now.isBefore(ca.notBefore())) {
            throw new Invalid(ca.path() + " is not valid before " + ca.notBefore(), "check this computer's clock "
                    + "and the certificate");
        }
        if (now.isAfter(ca.notAfter())) {
            throw new Invalid(ca.path() + " expired on " + ca.notAfter(), "renew the CA certificate on the broker "
                    + "and pass the new one");
        }
        if (now.plus(CaCertificate.EXPIRY_WARNING).isAfter(ca.notAfter())) {
            r.warn("mqtt.ca_file: " + ca.path() + " expires on " + ca.notAfter() + "; the board stops connecting "
                    + "then. Renew it before.");
        }
    }
}
