package dev.picotool.cli;

import dev.picotool.config.ConfigFiles;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs picotool in-process as a user would, capturing what it prints. */
final class Cli {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    int rc = -1;

    static Cli run(String... args) {
        Cli c = new Cli();
        // No implicit ./picotool.yaml: what the test passes is all there is.
        PicoTool tool = new PicoTool(Services.standard().withConfigFiles(ConfigFiles.none()));
        c.rc = PicoTool.execute(tool, new PrintWriter(c.out, true), new PrintWriter(c.err, true), args);
        return c;
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    @Override
    public String toString() {
        return "rc " + rc + "\n--- out:\n" + out + "--- err:\n" + err;
    }
}
