package dev.picotool.cli;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.config.SystemSecretSource;
import dev.picotool.verify.BrokerConnection;
import dev.picotool.verify.Durations;
import dev.picotool.TerminalText;
import dev.picotool.verify.HumanReport;
import dev.picotool.verify.OutputFile;
import dev.picotool.verify.ReadingRecorder;
import dev.picotool.verify.ReportFormat;
import dev.picotool.verify.Verifier;
import dev.picotool.verify.VerifyListener;
import dev.picotool.verify.VerifyPlan;
import dev.picotool.verify.VerifyResult;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code picotool verify}: prove that readings arrive at the broker. Exit 0 pass, 5 broker problem, 6 failed. */
@Command(name = "verify", sortOptions = false, description = "Subscribe to the Pico's topics and check that "
        + "readings arrive: enough of them, numbers in a plausible range, at the configured interval.")
public final class VerifyCommand implements Callable<Integer> {
    @Mixin
    VerifyOptions options;

    @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "3", description = "Readings needed on each "
            + "topic (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Give up after this long (default: "
            + "(N+1) intervals + 15 s).")
    String timeout;

    @Option(names = "--expect-status", description = "Also require the retained status topic to say 'online'.")
    boolean expectStatus;

    @Option(names = "--report", arity = "2", hideParamSyntax = true, paramLabel = "<json|junit> <FILE>",
            description = "Also write the result as json or junit (XML) to FILE (repeatable).")
    List<String> reports = new ArrayList<>();

    @Option(names = "--record", paramLabel = "FILE", description = "Keep every reading seen, as CSV (or JSON Lines "
            + "for *.jsonl), e.g. to plot them.")
    Path record;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        VerifyPlan plan = options.plan(count, timeout, expectStatus);
        List<ReportFormat> formats = new ArrayList<>();
        for (int i = 0; i + 1 < reports.size(); i += 2) {
            try {
                formats.add(ReportFormat.parse(reports.get(i)));
            } catch (IllegalArgumentException e) {
                throw new PicoToolException(ExitCode.USAGE, e.getMessage(), "e.g. --report junit verify.xml");
            }
        }
        BrokerConnection conn = options.connection(new SystemSecretSource());
        List<OutputFile> reportFiles = new ArrayList<>();
        ReadingRecorder recorder = null;
        try {
            // Every output file is checked before connecting: a typo must not cost a whole run, or its verdict.
            for (int i = 0; i < formats.size(); i++) {
                reportFiles.add(OutputFile.prepare(path(reports.get(2 * i + 1)), "--report " + formats.get(i).id()));
            }
            recorder = record == null ? null : ReadingRecorder.open(OutputFile.prepare(record, "--record"));
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
            return finish(result, formats, reportFiles, recorder);
        } finally {
            reportFiles.forEach(OutputFile::close);
            if (recorder != null) {
                recorder.close();
            }
        }
    }

    /** Writes the files; a file that cannot be written is reported, but never hides the verdict. */
    private int finish(VerifyResult result, List<ReportFormat> formats, List<OutputFile> files,
                       ReadingRecorder recorder) {
        PrintWriter out = spec.commandLine().getOut();
        List<PicoToolException> failures = new ArrayList<>();
        for (int i = 0; i < formats.size(); i++) {
            try {
                formats.get(i).write(result, files.get(i));
                out.println(formats.get(i).id() + " report written to " + shown(files.get(i)));
            } catch (PicoToolException e) {
                failures.add(e);
            }
        }
        if (recorder != null) {
            try {
                recorder.finish();
                out.println("readings recorded in " + TerminalText.escape(record.toString()));
            } catch (PicoToolException e) {
                failures.add(e);
            }
        }
        out.flush();
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

    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new PicoToolException(ExitCode.USAGE, "--report: '" + TerminalText.escape(text)
                    + "' is not a file name (" + e.getReason() + ")", "e.g. --report junit verify.xml");
        }
    }

    private static String shown(OutputFile f) {
        return TerminalText.escape(f.target().toString());
    }
}
