package dev.picotool.cli;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.demo.VirtualRun;
import dev.picotool.verify.HumanReport;
import java.io.PrintWriter;
import java.util.List;

/** What {@code test} and {@code demo} print while a virtual run goes, and how it ends. */
final class RunOutput {
    private final PrintWriter out;

    RunOutput(PrintWriter out) {
        this.out = out;
    }

    VirtualRun.Listener steps() {
        return what -> {
            out.println("==> " + what);
            out.flush();
        };
    }

    /**
     * The table and the reports, then exit 0, or the board's own failure (4/5), or 6 for failed readings; a report
     * that cannot be written is said, after the verdict's own reason.
     */
    int finish(VirtualRun.Result r, ReportOptions.Prepared reports, PrintWriter err, String failureHint) {
        if (r.verified()) {
            out.println();
            HumanReport.lines(r.verify()).forEach(out::println);
        }
        List<PicoToolException> failures = reports.write(r.verify(), out);
        out.flush();
        failures.forEach(f -> PicoTool.report(f, err));
        if (r.verified() && r.verify().passed() && !failures.isEmpty()) {
            throw failures.get(failures.size() - 1);
        }
        if (!r.verified()) {
            return r.flash().boot().map(b -> FlashCommand.verdict(b, out)).orElse(ExitCode.DEVICE.code());
        }
        if (!r.verify().passed()) {
            throw new PicoToolException(ExitCode.VERIFICATION_FAILED, "the readings did not pass for "
                    + String.join(", ", r.verify().failing()), failureHint);
        }
        return 0;
    }
}
