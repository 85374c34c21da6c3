package dev.picotool.cli;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.TerminalText;
import dev.picotool.Version;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/**
 * The {@code picotool} root command. The only place (with its subcommands, {@link Subcommands}) that prints or exits.
 */
@Command(name = "picotool", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        versionProvider = PicoTool.VersionProvider.class, sortOptions = false, usageHelpAutoWidth = true,
        description = "Turn a few settings into MicroPython firmware for a Raspberry Pi Pico W with a DHT22, put it "
                + "on the board over USB, and prove that readings arrive at your MQTT broker.",
        footerHeading = "%nExit codes:%n", footer = "${picotool.exitcodes}")
public final class PicoTool implements Runnable {
    private final Services services;
    private final Interrupts interrupts;
    private InputStream input = System.in;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "Show the MQTT client's and "
            + "broker's own log lines on stderr (connections, packets, errors).")
    boolean verbose;

    public PicoTool() {
        this(Services.standard());
    }

    public PicoTool(Services services) {
        this(services, Interrupts.system());
    }

    PicoTool(Services services, Interrupts interrupts) {
        this.services = services;
        this.interrupts = interrupts;
    }

    Services services() {
        return services;
    }

    Interrupts interrupts() {
        return interrupts;
    }

    /** Where interactive commands ({@code init}) read answers when no console is attached; tests pass a script. */
    public PicoTool withInput(InputStream in) {
        this.input = in;
        return this;
    }

    InputStream input() {
        return input;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try `picotool demo`, "
                + "`picotool flash` or `picotool --help`");
    }

    public static void main(String[] args) {
        System.exit(execute(new PicoTool(), new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                args));
    }

    /** Runs one command line and returns the exit code (tests call this). */
    public static int execute(PicoTool tool, PrintWriter out, PrintWriter err, String... args) {
        System.setProperty("picotool.exitcodes", Arrays.stream(ExitCode.values())
                .map(c -> String.format("  %d  %s", c.code(), c.meaning())).collect(Collectors.joining("%n")));
        CommandLine cli = new CommandLine(tool);
        Subcommands.addTo(cli, args);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionStrategy(parsed -> {
            Integer help = CommandLine.executeHelpRequest(parsed);
            if (help != null) {
                return help; // --help and --version need no logging set up (java.util.logging costs start-up time)
            }
            Logs.configure(tool.verbose, err);
            return new CommandLine.RunLast().execute(parsed);
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> report(ex, err));
        cli.setParameterExceptionHandler((ex, args1) -> {
            err.println("error: " + UsageErrors.describe(ex));
            err.println("hint: see `" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help`");
            return ExitCode.USAGE.code();
        });
        int rc = cli.execute(args);
        out.flush();
        err.flush();
        return rc;
    }

    static int report(Exception ex, PrintWriter err) {
        if (ex instanceof dev.picotool.config.ConfigException c) {
            // One line per problem, each escaped on its own: a value with a line break cannot forge a line.
            err.println("error: " + (c.errors().size() == 1 ? "invalid setting:" : c.errors().size()
                    + " invalid settings:"));
            c.errors().forEach(e -> err.println("  " + TerminalText.escape(e.toString())));
            err.flush();
            return c.exitCode().code();
        }
        if (ex instanceof PicoToolException p) {
            err.println("error: " + lines(p.getMessage()));
            if (!p.hint().isEmpty()) {
                err.println("hint: " + lines(p.hint()));
            }
            err.flush();
            return p.exitCode().code();
        }
        err.println("error: internal error: " + ex);
        for (StackTraceElement e : ex.getStackTrace()) {
            err.println("    at " + e);
        }
        err.println("hint: this is a picotool bug; please report it with the lines above");
        err.flush();
        return ExitCode.INTERNAL.code();
    }

    /**
     * A message made safe to print: it carries file names, topics and the board's words, so a line break or an
     * escape sequence in them is shown escaped, never acted on (messages are one line by design).
     */
    private static String lines(String message) {
        return TerminalText.escape(String.valueOf(message));
    }

    /** Prints the version of picotool and of the firmware it renders (the same). */
    public static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"picotool " + Version.get(), "Java " + System.getProperty("java.version")};
        }
    }
}
