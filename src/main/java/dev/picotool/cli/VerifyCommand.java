package dev.picotool.cli;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.TerminalText;
import dev.picotool.config.PicoConfig;
import dev.picotool.config.Placeholders;
import dev.picotool.config.Schema;
import dev.picotool.config.Use;
import dev.picotool.verify.BrokerConnection;
import dev.picotool.verify.Durations;
import dev.picotool.verify.HumanReport;
import dev.picotool.verify.OutputFile;
import dev.picotool.verify.Range;
import dev.picotool.verify.ReadingRecorder;
import dev.picotool.verify.Verifier;
import dev.picotool.verify.VerifyListener;
import dev.picotool.verify.VerifyPlan;
import dev.picotool.verify.VerifyPlans;
import dev.picotool.verify.VerifyResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code picotool verify}: prove that readings arrive at the broker. Exit 0 pass, 5 broker problem, 6 failed. */
@Command(name = "verify", sortOptions = false, description = "Subscribe to the Pico's topics and check that "
        + "readings arrive: enough of them, numbers in a plausible range, at the configured interval. Reads the same "
        + "settings (file and flags) as flash; the Wi-Fi part is not needed.")
final class VerifyCommand implements Callable<Integer> {
    /** More boards than one broker run checks at once would be a typo. */
    private static final int MAX_BOARDS = 1000;

    @ParentCommand
    PicoTool root;

    @Mixin
    SettingsOptions settings = new SettingsOptions(Use.VERIFY);

    @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "3", description = "Readings needed on each "
            + "topic (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--timeout", paramLabel = "SECONDS", converter = SecondsConverter.class, description = "Give up "
            + "after this long, connecting included (default: (N+1) intervals + 15 s).")
    Duration timeout;

    @Option(names = "--expect-status", description = "Also require the retained status topic to say 'online'.")
    boolean expectStatus;

    @Option(names = "--expect-diagnostics", description = "Also require each board's retained health report "
            + "(topics.diagnostics): JSON with every field, each plausible.")
    boolean expectDiagnostics;

    @Option(names = "--expect-discovery", description = "Also require each board's retained Home Assistant discovery "
            + "(device or per-sensor documents under the prefix): keys Home Assistant knows, pointing at the board's "
            + "topics and status.")
    boolean expectDiscovery;

    @Option(names = "--board", paramLabel = "ID", description = "Check only this board (its id, 16 hex digits, from "
            + "its first line '[picotool] firmware … starting, board ID'); repeatable, each must pass. Needs topics "
            + "with {id}.")
    List<String> boardIds = new ArrayList<>();

    @Option(names = "--boards", paramLabel = "N", description = "At least N boards must pass (default 1). Needs "
            + "topics with {id}.")
    Integer minBoards;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Check this topic instead of the firmware's "
            + "(repeatable; no wildcards; {id}, {id4} and {name} as in the settings).")
    List<String> topics = new ArrayList<>();

    @Option(names = "--range", paramLabel = "MIN:MAX", converter = RangeConverter.class,
            description = "Plausible values on the --topic topics (default: any number).")
    Range range;

    @Option(names = "--internal-range", paramLabel = "MIN:MAX", converter = RangeConverter.class,
            description = "Default -20:85 (°C).")
    Range internalRange;

    @Option(names = "--temp-range", paramLabel = "MIN:MAX", converter = RangeConverter.class,
            description = "Default: the sensor's (DHT22 -40:80, DHT11 0:50).")
    Range tempRange;

    @Option(names = "--humidity-range", paramLabel = "MIN:MAX", converter = RangeConverter.class,
            description = "Default: the sensor's (DHT22 0:100, DHT11 20:90).")
    Range humidityRange;

    @Mixin
    ReportOptions reports;

    @Option(names = "--record", paramLabel = "FILE", description = "Keep every reading seen, as CSV (or JSON Lines "
            + "for *.jsonl), e.g. to plot them.")
    Path record;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (count < 1) {
            throw new PicoToolException(ExitCode.USAGE, "--count must be at least 1", "e.g. --count 3");
        }
        topics.forEach(t -> Schema.checkTopic("--topic", t));
        VerifyPlan.Boards boards = boards();
        Services s = root.services();
        PicoConfig config = settings.load(s.validator(), s.configFiles());
        VerifyPlan plan = VerifyPlans.of(config, new VerifyPlans.Request(count, Optional.ofNullable(timeout),
                expectStatus, topics, Optional.ofNullable(range), new VerifyPlans.Ranges(
                Optional.ofNullable(internalRange), Optional.ofNullable(tempRange),
                Optional.ofNullable(humidityRange))).withBoards(boards).withDocuments(expectDiagnostics,
                expectDiscovery));
        if ((!boardIds.isEmpty() || boards.atLeast() > 1) && !plan.tellsBoardsApart()) {
            throw new PicoToolException(ExitCode.USAGE, (boardIds.isEmpty() ? "--boards" : "--board") + ": the "
                    + "topics hold no {id}, so boards cannot be told apart", "put {id} in the topics the boards "
                    + "were flashed with (e.g. --topic-status pico/{id}/status --expect-status), or add "
                    + "--expect-discovery");
        }
        BrokerConnection conn = VerifyPlans.connection(config);
        // Every output file is checked before connecting: a typo must not cost a whole run, or its verdict.
        try (ReportOptions.Prepared files = reports.prepare();
             ReadingRecorder recorder = record == null ? null
                     : ReadingRecorder.open(OutputFile.prepare(record, "--record"))) {
            LocalLogin.say(config, out);
            out.printf("Waiting for %d reading%s on each of %d topic%s at %s (every %s, at most %s)%n", plan.count(),
                    plan.count() == 1 ? "" : "s", plan.topics().size(), plan.topics().size() == 1 ? "" : "s",
                    TerminalText.escape(conn.address()) + (conn.tls() ? " (TLS)" : ""),
                    Durations.text(plan.interval()), Durations.text(plan.timeout()));
            out.flush();
            VerifyListener listener = new LiveLines(out);
            VerifyResult result = new Verifier().run(conn, plan, recorder == null ? listener
                    : listener.and(recorder));
            out.println();
            HumanReport.lines(result).forEach(out::println);
            out.flush();
            List<PicoToolException> failures = files.write(result, out);
            if (recorder != null) {
                try {
                    recorder.finish();
                    out.println("readings recorded in " + TerminalText.escape(record.toString()));
                } catch (PicoToolException e) {
                    failures.add(e);
                }
            }
            out.flush();
            return verdict(result, failures);
        }
    }

    /** --board and --boards, checked: exit 2 for a bad one. */
    private VerifyPlan.Boards boards() {
        List<String> ids = new ArrayList<>();
        for (String id : boardIds) {
            try {
                ids.add(Placeholders.normalizeId(id));
            } catch (IllegalArgumentException e) {
                throw new PicoToolException(ExitCode.USAGE, "--board: '" + TerminalText.escape(id) + "' is not a "
                        + "board id", e.getMessage());
            }
        }
        int atLeast = minBoards == null ? 1 : minBoards;
        if (atLeast < 1 || atLeast > MAX_BOARDS) {
            throw new PicoToolException(ExitCode.USAGE, "--boards must be between 1 and " + MAX_BOARDS,
                    "e.g. --boards 2");
        }
        long named = ids.stream().distinct().count();
        if (named > 0 && atLeast > named) {
            throw new PicoToolException(ExitCode.USAGE, "--boards " + atLeast + ", but --board names only " + named
                    + (named == 1 ? " board" : " boards"), "name more boards, or leave out --boards");
        }
        return new VerifyPlan.Boards(ids.stream().distinct().toList(), atLeast);
    }

    /** 0, or the verification failure, or the last file failure; a file that failed never hides the verdict. */
    private int verdict(VerifyResult result, List<PicoToolException> failures) {
        PicoToolException verdict = result.passed() ? null : new PicoToolException(ExitCode.VERIFICATION_FAILED,
                "verification failed for " + TerminalText.escape(String.join(", ", result.failing())), "the table "
                + "above says why; the Pico's serial output (`picotool flash --monitor`) shows what it publishes");
        if (verdict == null && failures.isEmpty()) {
            return 0;
        }
        PicoToolException last = verdict != null ? verdict : failures.remove(failures.size() - 1);
        failures.forEach(f -> PicoTool.report(f, spec.commandLine().getErr()));
        throw last;
    }

    /** MIN:MAX on the command line; a bad one is a usage error naming the option. */
    static final class RangeConverter implements ITypeConverter<Range> {
        @Override
        public Range convert(String value) {
            try {
                return Range.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Fractional seconds ("0.5", "60"). */
    static final class SecondsConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Durations.parseSeconds(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
