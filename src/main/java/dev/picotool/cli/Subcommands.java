package dev.picotool.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * picotool's subcommands, set up lazily. picocli builds a command's model by reflection over its class, its mixins
 * and every type in their signatures: for all of picotool's commands that was most of the start-up time of
 * {@code picotool --help}, and it loaded the broker's, the verifier's and the serial port's classes. So only the
 * command a command line names (and its own subcommands; with {@code help X}, X too) is built that way; each other
 * one is a stand-in carrying the name and description from its {@code @Command}, which is all the root's help, its
 * "did you mean" and its usage errors show. Nothing runs a stand-in: picocli runs the command the line names.
 */
final class Subcommands {
    /** In the order {@code picotool --help} lists them. */
    static final List<Class<?>> ALL = List.of(DemoCommand.class, TestCommand.class, ValidateCommand.class,
            RenderCommand.class, FlashCommand.class, VerifyCommand.class, BrokerCommand.class, PortsCommand.class,
            MonitorCommand.class, DeviceCommand.class, WiringCommand.class, PinoutCommand.class, HaCommand.class,
            InitCommand.class, DoctorCommand.class, InstallMicroPythonCommand.class, BootloaderCommand.class,
            CommandLine.HelpCommand.class);

    private Subcommands() {
    }

    /** Adds every subcommand to {@code root}: the ones {@code args} names in full, the others as stand-ins. */
    static void addTo(CommandLine root, String... args) {
        List<String> named = named(args);
        for (Class<?> c : ALL) {
            Command a = c.getAnnotation(Command.class);
            if (named.contains(a.name())) {
                root.addSubcommand(a.name(), c);
            } else {
                CommandSpec standIn = CommandSpec.create().name(a.name()).aliases(a.aliases());
                standIn.usageMessage().description(a.description()).header(a.header());
                root.addSubcommand(a.name(), new CommandLine(standIn));
            }
        }
    }

    /**
     * The commands a command line names: its first word that is not an option (the root's options take no value),
     * and after {@code help}, the next one.
     */
    static List<String> named(String... args) {
        List<String> words = java.util.Arrays.stream(args).filter(a -> !a.startsWith("-")).limit(2).toList();
        if (words.isEmpty()) {
            return List.of();
        }
        return words.get(0).equals("help") ? words : List.of(words.get(0));
    }
}
