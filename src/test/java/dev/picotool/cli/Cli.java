package dev.picotool.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs picotool in-process as a user would, capturing what it prints. */
final class Cli {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    int rc = -1;

    static Cli run(String... args) {
        Cli c = new Cli();
        c.rc = PicoTool.execute(new PicoTool(), new PrintWriter(c.out, true), new PrintWriter(c.err, true), args);
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
