package dev.picotool.cli;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.verify.ReportFormat;
import dev.picotool.verify.VerifyResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --report json|junit FILE} (repeatable): the verdict as a file for CI. */
public class ReportOptions {
    @Option(names = "--report", arity = "2", hideParamSyntax = true, paramLabel = "<json|junit> <FILE>",
            description = "Also write the result as json or junit (XML) to FILE (repeatable).")
    List<String> reports = new ArrayList<>();

    private record Report(ReportFormat format, Path file) {
    }

    /** Checked before anything runs: an unknown format is a usage error. */
    private List<Report> parse() {
        List<Report> out = new ArrayList<>();
        for (int i = 0; i + 1 < reports.size(); i += 2) {
            try {
                out.add(new Report(ReportFormat.parse(reports.get(i)), Path.of(reports.get(i + 1))));
            } catch (IllegalArgumentException e) {
                throw new PicoToolException(ExitCode.USAGE, e.getMessage(), "e.g. --report junit results.xml");
            }
        }
        return out;
    }

    void check() {
        parse();
    }

    void write(VerifyResult result, PrintWriter out) {
        for (Report r : parse()) {
            r.format().write(result, r.file());
            out.println(r.format().id() + " report written to " + Terminal.escape(r.file().toString()));
        }
    }
}
