package dev.picotool.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code picotool device ...}: small utilities on the board's files and REPL. */
@Command(name = "device", description = "Small utilities: list, show, remove files, run code, reset.",
        subcommands = {DeviceLsCommand.class, DeviceCatCommand.class, DeviceRmCommand.class, DeviceExecCommand.class,
                DeviceResetCommand.class})
final class DeviceCommand implements Runnable {
    @ParentCommand
    PicoTool root;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "missing subcommand: ls, cat, rm, exec "
                + "or reset");
    }
}
