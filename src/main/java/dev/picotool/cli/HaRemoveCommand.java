package dev.picotool.cli;

import dev.picotool.TerminalText;
import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.config.PicoConfig;
import dev.picotool.config.Placeholders;
import dev.picotool.config.Use;
import dev.picotool.homeassistant.DiscoveryCleaner;
import dev.picotool.verify.RetainedMessages;
import dev.picotool.verify.VerifyPlans;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code picotool ha remove}: clear a board's retained discovery, status and health report from the broker. */
@Command(name = "remove", sortOptions = false, description = "Clear what boards left retained on the broker for Home "
        + "Assistant (discovery documents of both modes, status, health report), so no ghost device stays. Reads "
        + "the same settings as flash; the Wi-Fi part is not needed.")
final class HaRemoveCommand implements Callable<Integer> {
    @ParentCommand
    HaCommand parent;

    @Mixin
    SettingsOptions settings = new SettingsOptions(Use.VERIFY);

    @ArgGroup(multiplicity = "1")
    Which which;

    static final class Which {
        @Option(names = "--board", paramLabel = "ID", required = true, description = "The board id (16 hex digits, "
                + "from the board's first line '[picotool] firmware … starting, board ID'). Repeatable.")
        List<String> ids = new ArrayList<>();

        @Option(names = "--all", required = true, description = "Every picotool board found under the discovery "
                + "prefix (listed first).")
        boolean all;
    }

    @Option(names = "--dry-run", description = "Only list what would be cleared.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<String> ids = new ArrayList<>();
        for (String id : which.ids) {
            try {
                ids.add(Placeholders.normalizeId(id));
            } catch (IllegalArgumentException e) {
                throw new PicoToolException(ExitCode.USAGE, "--board: '" + TerminalText.escape(id) + "' is not a board id",
                        e.getMessage());
            }
        }
        Services s = parent.root.services();
        PicoConfig config = settings.load(s.validator(), s.configFiles());
        DiscoveryCleaner cleaner = new DiscoveryCleaner(DiscoveryCleaner.Settings.of(config));
        LocalLogin.say(config, out);
        RetainedMessages broker = new RetainedMessages(VerifyPlans.connection(config));
        List<DiscoveryCleaner.Board> boards = cleaner.find(broker, ids);
        if (boards.isEmpty()) {
            out.println("no picotool board has discovery retained at " + config.brokerAddress());
            return 0;
        }
        out.printf("%d board%s:%n", boards.size(), boards.size() == 1 ? "" : "s");
        boards.forEach(b -> out.printf("  %s  %s%n", b.id(), b.found().isEmpty() ? "(no discovery document "
                + "retained)" : TerminalText.escape(String.join(", ", b.found()))));
        out.flush();
        if (dryRun) {
            boards.forEach(b -> out.println("would clear: " + TerminalText.escape(String.join(", ", b.topics()))));
            return 0;
        }
        List<String> left = cleaner.clear(broker, boards);
        if (!left.isEmpty()) {
            throw new PicoToolException(ExitCode.BROKER, "the broker still holds " + TerminalText.escape(String.join(
                    ", ", left)),
                    "this user may not publish there: allow it in the broker's ACL, or clear them there");
        }
        boards.forEach(b -> out.println("cleared " + b.id() + ": " + TerminalText.escape(String.join(", ",
                b.topics()))));
        out.println("A board that is still running announces itself again when it reconnects: flash it with "
                + "--no-ha-discovery first to keep it out of Home Assistant.");
        return 0;
    }
}
