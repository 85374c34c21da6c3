package dev.picotool.cli;

import dev.picotool.TerminalText;
import dev.picotool.config.PicoConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code picotool validate}: check the settings and show them as they will be used, secrets masked. */
@Command(name = "validate", description = "Check the settings and print them as resolved: value and where it came "
        + "from (passwords masked).")
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    PicoTool root;

    @Mixin
    SettingsOptions settings;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Services s = root.services();
        PicoConfig c = settings.load(s.validator(), s.configFiles());
        PrintWriter out = spec.commandLine().getOut();
        out.println("Settings are valid" + settings.usedFile().map(f -> " (file " + TerminalText.escape(f.toString())
                + " with the flags laid over it):").orElse(" (flags only; no settings file):"));
        ConfigPrinter.print(c, out);
        return 0;
    }
}
