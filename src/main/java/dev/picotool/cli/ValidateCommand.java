package dev.picotool.cli;

import dev.picotool.config.PicoConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code picotool validate}: check the settings and show them as they will be used, secrets masked. */
@Command(name = "validate", description = "Check the settings and print them as resolved (passwords masked).")
public final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    PicoTool root;

    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PicoConfig c = config.load(root.services().validator());
        PrintWriter out = spec.commandLine().getOut();
        out.println("Settings are valid:");
        ConfigPrinter.print(c, out);
        return 0;
    }
}
