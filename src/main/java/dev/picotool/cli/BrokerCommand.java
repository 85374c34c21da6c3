package dev.picotool.cli;

import dev.picotool.ExitCode;
import dev.picotool.broker.EmbeddedBroker;
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

/** {@code picotool broker}: a small MQTT broker on this computer for the Pico, until Ctrl-C. */
@Command(name = "broker", sortOptions = false, description = "Run a small MQTT 3.1.1 broker here until Ctrl-C, for "
        + "when there is no broker on the network. Messages are kept in memory only.")
public final class BrokerCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "1883", description = "Port to listen on (default "
            + "${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "0.0.0.0", description = "Address to listen on "
            + "(default ${DEFAULT-VALUE}: every network, so the Pico can reach it; 127.0.0.1 = this computer only).")
    String bind;

    @Option(names = "--user", paramLabel = "NAME", description = "Only let clients in that log in as NAME (with "
            + "the password); default: anyone may connect.")
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<Secret> password = password();
        try (EmbeddedBroker broker = EmbeddedBroker.start(new EmbeddedBroker.Options(bind, port,
                Optional.ofNullable(user), password))) {
            printWelcome(out, broker);
            CountDownLatch stopped = new CountDownLatch(1);
            // Ctrl-C: the JVM runs this hook and then exits, whatever the broker's own threads are doing.
            Thread hook = new Thread(() -> {
                broker.close();
                out.println("broker stopped");
                out.flush();
                stopped.countDown();
            }, "picotool-broker-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                stopped.await();
                return ExitCode.OK.code(); // Ctrl-C: the hook has stopped the broker and said so
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

    private Optional<Secret> password() {
        if (passwordInline != null && !passwordInline.isEmpty()) {
            throw ConfigException.of("--password", "a password on the command line ends up in shell history and "
                    + "in `ps` output", "use --password-env NAME, --password-file PATH, or --password alone to be "
                    + "asked");
        }
        if (user == null) {
            if (passwordEnv != null || passwordFile != null || passwordInline != null) {
                throw ConfigException.of("--user", "a password without a user name", "add --user NAME");
            }
            return Optional.empty();
        }
        Optional<Secret> p = Passwords.find(Optional.ofNullable(passwordEnv), Optional.ofNullable(passwordFile),
                new SystemSecretSource(), "--password");
        if (p.isEmpty() || p.get().length() == 0) {
            throw ConfigException.of("--password", "--user " + user + " needs a password and none was given",
                    "pass --password-env NAME or --password-file PATH (or set " + Passwords.FALLBACK_ENV + ")");
        }
        return p;
    }

    private void printWelcome(PrintWriter out, EmbeddedBroker broker) {
        out.printf("MQTT broker (MQTT 3.1.1) listening on %s:%d, started in %s%n", broker.host(), broker.port(),
                Durations.text(broker.startTime()));
        out.println(user == null ? "Anyone on the network may connect (no user name needed)."
                : "Clients must log in as '" + user + "' with the password.");
        String login = user == null ? "" : " --mqtt-user " + user + " --mqtt-password";
        if (BrokerAddress.isLoopback(bind)) {
            out.println("Bound to " + bind + ": only programs on this computer can reach it (a virtual Pico, tests). "
                    + "For a real Pico use --bind 0.0.0.0.");
        } else {
            List<String> lan = BrokerAddress.isUnspecified(bind) ? LanAddresses.ipv4() : List.of(bind);
            if (lan.isEmpty()) {
                out.println("No LAN address found: give the Pico this computer's address (see `ip addr`).");
            }
            out.println("Flash the Pico with one of:");
            lan.forEach(a -> out.printf("  picotool flash --broker %s:%d%s%n", a, broker.port(), login));
        }
        out.printf("Check the readings with:%n  picotool verify --broker %s:%d%s%n",
                BrokerAddress.isUnspecified(bind) ? "localhost" : bind, broker.port(), login);
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
