package dev.picotool.cli;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.TerminalText;
import dev.picotool.verify.OutputFile;
import dev.picotool.verify.ReportFormat;
import dev.picotool.verify.VerifyResult;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --report json|junit FILE} (repeatable): the verdict as a file for CI. Every file is checked before the run
 * starts (a typo must not cost a whole run) and written by one rename at the end.
 */
class ReportOptions {
    @Option(names = "--report", arity = "2", hideParamSyntax = true, paramLabel = "<json|junit> <FILE>",
            description = "Also write the result as json or junit (XML) to FILE (repeatable).")
    List<String> reports = new ArrayList<>();

    /** The report files, checked and ready; close() removes what was not written. */
    static final class Prepared implements AutoCloseable {
        private final List<ReportFormat> formats = new ArrayList<>();
        private final List<OutputFile> files = new ArrayList<>();

        /** Writes every report; returns the failures, so the caller can still give the run's own verdict. */
        List<PicoToolException> write(VerifyResult result, PrintWriter out) {
            List<PicoToolException> failures = new ArrayList<>();
            for (int i = 0; i < formats.size(); i++) {
                try {
                    formats.get(i).write(result, files.get(i));
                    out.println(formats.get(i).id() + " report written to "
                            + TerminalText.escape(files.get(i).target().toString()));
                } catch (PicoToolException e) {
                    failures.add(e);
                }
            }
            return failures;
        }

        @Override
        public void close() {
            files.forEach(OutputFile::close);
        }
    }

    /** Checks formats and files before anything runs: exit 2 with the fix for a bad one. */
    Prepared prepare() {
        Prepared p = new Prepared();
        try {
            for (int i = 0; i + 1 < reports.size(); i += 2) {
                ReportFormat format;
                try {
                    format = ReportFormat.parse(reports.get(i));
                } catch (IllegalArgumentException e) {
                    throw new PicoToolException(ExitCode.USAGE, e.getMessage(), "e.g. --report junit results.xml");
                }
                p.formats.add(format);
                p.files.add(OutputFile.prepare(path(reports.get(i + 1)), "--report " + format.id()));
            }
            return p;
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
    }

    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new PicoToolException(ExitCode.USAGE, "--report: '" + TerminalText.escape(text)
                    + "' is not a file name (" + e.getReason() + ")", "e.g. --report junit results.xml");
        }
    }
}
