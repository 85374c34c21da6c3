package dev.picotool.cli;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.TerminalText;
import dev.picotool.broker.EmbeddedBroker;
import dev.picotool.broker.LocalBrokerCredentials;
import dev.picotool.config.BrokerAddress;
import dev.picotool.config.ConfigException;
import dev.picotool.config.LanAddresses;
import dev.picotool.config.Secret;
import dev.picotool.config.SystemSecretSource;
import dev.picotool.verify.Durations;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code picotool broker}: a small MQTT broker on this computer for the Pico, until Ctrl-C. Closed by default, as
 * Mosquitto 2 is: clients log in as {@value LocalBrokerCredentials#USERNAME} with a password made on the first
 * start ({@link LocalBrokerCredentials}), unless {@code --user} names another login or {@code --anonymous} opens it.
 */
@Command(name = "broker", sortOptions = false, description = "Run a small MQTT 3.1.1 broker here until Ctrl-C, for "
        + "when there is no broker on the network. Messages are kept in memory only. Clients must log in: as "
        + "'picotool' with a password made on the first start (kept in your config directory), or as --user.")
final class BrokerCommand implements Callable<Integer> {
    private static final int MAX_PORT = 65_535;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "1883", description = "Port to listen on (default "
            + "${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "0.0.0.0", description = "Address to listen on "
            + "(default ${DEFAULT-VALUE}: every network, so the Pico can reach it; 127.0.0.1 = this computer only).")
    String bind;

    @Option(names = "--user", paramLabel = "NAME", description = "Let in only clients that log in as NAME with the "
            + "password given here (default: user 'picotool' with the password made on the first start).")
    String user;

    @Option(names = "--password", arity = "0..1", paramLabel = "-", description = "Ask for the password. A value "
            + "here is refused.")
    String passwordInline;

    @Option(names = "--password-env", paramLabel = "NAME", description = "Read the password from environment "
            + "variable NAME (PICOTOOL_MQTT_PASSWORD is read when nothing else is given).")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "PATH", description = "Read the password from the first line "
            + "of PATH.")
    String passwordFile;

    @Option(names = "--anonymous", description = "Let anyone connect without logging in. Anyone who can reach this "
            + "computer can then read the readings and publish fake ones.")
    boolean anonymous;

    @Spec
    CommandSpec spec;

    /** Who may connect, and how to tell the user. */
    private record Access(Optional<String> user, Optional<Secret> password, String says, String loginFlags) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > MAX_PORT) {
            throw new PicoToolException(ExitCode.USAGE, "--port " + port + " is not a port number",
                    "give 1-" + MAX_PORT + " (0 picks any free port), e.g. --port 1883");
        }
        Access access = access();
        if (anonymous) {
            err.println("warning: --anonymous: anyone who can reach this computer may read the readings and publish "
                    + "fake ones; leave it out to require a login");
            err.flush();
        }
        try (EmbeddedBroker broker = EmbeddedBroker.start(new EmbeddedBroker.Options(bind, port, access.user(),
                access.password()), warning -> {
                    err.println("warning: " + warning);
                    err.flush();
                })) {
            printWelcome(out, broker, access);
            CountDownLatch stopped = new CountDownLatch(1);
            // Ctrl-C or SIGTERM: the JVM runs this hook, then would exit with 130 or 143. For a broker that is the
            // normal way to stop, so the hook ends the process with 0 once the broker is down (halt, not exit:
            // exit would wait for this very hook).
            Thread hook = new Thread(() -> {
                broker.close();
                out.println("broker stopped");
                out.flush();
                stopped.countDown();
                Runtime.getRuntime().halt(ExitCode.OK.code());
            }, "picotool-broker-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                stopped.await();
                return ExitCode.OK.code();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // stopped from inside this JVM (tests, an embedding program)
            }
            removeHook(hook);
            broker.close();
            out.println("broker stopped");
            out.flush();
        }
        return ExitCode.OK.code();
    }

    private Access access() {
        if (passwordInline != null && !passwordInline.isEmpty()) {
            throw ConfigException.of("--password", "a password on the command line ends up in shell history and "
                    + "in `ps` output", "use --password-env NAME, --password-file PATH, or --password alone to be "
                    + "asked");
        }
        if (user == null && (passwordEnv != null || passwordFile != null || passwordInline != null)) {
            throw ConfigException.of("--user", "a password without a user name", "add --user NAME");
        }
        if (anonymous) {
            if (user != null) {
                throw new PicoToolException(ExitCode.USAGE, "--anonymous and --user contradict each other",
                        "give one of them");
            }
            return new Access(Optional.empty(), Optional.empty(), "Anyone on the network may connect (no user name "
                    + "needed).", "");
        }
        if (user != null) {
            Optional<Secret> p = Passwords.find(Optional.ofNullable(passwordEnv), Optional.ofNullable(passwordFile),
                    new SystemSecretSource(), "--password");
            if (p.isEmpty() || p.get().length() == 0) {
                throw ConfigException.of("--password", "--user " + user + " needs a password and none was given",
                        "pass --password-env NAME or --password-file PATH (or set " + Passwords.FALLBACK_ENV + ")");
            }
            return new Access(Optional.of(user), p, "Clients must log in as '" + TerminalText.escape(user)
                    + "' with the password.", " --mqtt-user " + TerminalText.escape(user) + " --mqtt-password");
        }
        LocalBrokerCredentials.Login login = LocalBrokerCredentials.standard().findOrCreate();
        String file = TerminalText.escape(login.file().toString());
        return new Access(Optional.of(login.username()), Optional.of(login.password()),
                (login.created() ? "Made a login for this broker: user '" + login.username() + "', password in "
                        + file + " (readable by you only; it stays the same from now on)."
                        : "Clients must log in as '" + login.username() + "' with the password in " + file + ".")
                        + " --anonymous lets anyone in.",
                " --mqtt-user " + login.username() + " --mqtt-password-file " + file);
    }

    private void printWelcome(PrintWriter out, EmbeddedBroker broker, Access access) {
        out.printf("MQTT broker (MQTT 3.1.1) listening on %s:%d, started in %s%n", broker.host(), broker.port(),
                Durations.text(broker.startTime()));
        out.println(access.says());
        if (BrokerAddress.isLoopback(bind)) {
            out.println("Bound to " + TerminalText.escape(bind) + ": only programs on this computer can reach it (a virtual Pico, tests). "
                    + "For a real Pico use --bind 0.0.0.0.");
        } else {
            List<String> lan = BrokerAddress.isUnspecified(bind) ? LanAddresses.ipv4()
                    : List.of(TerminalText.escape(bind));
            if (lan.isEmpty()) {
                out.println("No LAN address found: give the Pico this computer's address (see `ip addr`).");
            }
            out.println("Flash the Pico with one of:");
            lan.forEach(a -> out.printf("  picotool flash --broker %s:%d%s%n", a, broker.port(), access.loginFlags()));
        }
        out.printf("Check the readings with:%n  picotool verify --broker %s:%d%s%n",
                BrokerAddress.isUnspecified(bind) ? "localhost" : TerminalText.escape(bind), broker.port(),
                access.loginFlags());
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running and stops the broker itself.
        }
    }
}
