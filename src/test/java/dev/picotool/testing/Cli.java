package dev.picotool.testing;

import dev.picotool.cli.PicoTool;
import dev.picotool.cli.Services;
import dev.picotool.render.FirmwareRenderer;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs picotool command lines in-process and captures exit code, stdout and stderr. */
public final class Cli {
    private Cli() {
    }

    public record Result(int exitCode, String out, String err) {
    }

    public static Result run(FakeSecrets secrets, String... args) {
        return run(new Services(Configs.validator(secrets), new FirmwareRenderer("0.1.0")), args);
    }

    /** With these services: another renderer, a validator that finds a local broker's login. */
    public static Result run(Services services, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = PicoTool.execute(new PicoTool(services), new PrintWriter(out), new PrintWriter(err), args);
        return new Result(rc, out.toString(), err.toString());
    }
}
