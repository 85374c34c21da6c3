package dev.picotool.cli;

import dev.picotool.config.ConfigFiles;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs picotool in-process as a user would, capturing what it prints. */
final class Cli {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    int rc = -1;

    /**
     * No implicit ./picotool.yaml and no login of a `picotool broker` that another test left in the config
     * directory ($XDG_CONFIG_HOME, target/test-config): what the test passes is all there is.
     */
    static Cli run(String... args) {
        Services s = Services.standard();
        return run(new Services(s.validator().withoutLocalBroker(), s.renderer(), s.devices(), s.timings(),
                ConfigFiles.none()), args);
    }

    /** As a user runs it on this computer: with the login `picotool broker` keeps in the config directory. */
    static Cli runWithLocalBroker(String... args) {
        return run(Services.standard().withConfigFiles(ConfigFiles.none()), args);
    }

    private static Cli run(Services services, String... args) {
        Cli c = new Cli();
        c.rc = PicoTool.execute(new PicoTool(services), new PrintWriter(c.out, true), new PrintWriter(c.err, true),
                args);
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
