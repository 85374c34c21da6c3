package dev.picotool.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code picotool ha ...}: Home Assistant housekeeping. */
@Command(name = "ha", description = "Home Assistant housekeeping: remove a board's retained discovery.",
        subcommands = {HaRemoveCommand.class})
final class HaCommand implements Runnable {
    @ParentCommand
    PicoTool root;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "missing subcommand: remove");
    }
}
