package dev.picotool.cli;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.device.DeviceExecException;
import dev.picotool.device.ExecResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code picotool device exec CODE}: run Python on the board and show its output. */
@Command(name = "exec", description = "Run Python code on the board, e.g. \"import os; print(os.uname())\".")
final class DeviceExecCommand implements Callable<Integer> {
    @ParentCommand
    DeviceCommand parent;

    @Mixin
    PortOptions port;

    @Parameters(paramLabel = "CODE")
    String code;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ExecResult r = BoardSession.run(parent.root, port, spec.commandLine().getErr(), repl -> repl.run(code));
        spec.commandLine().getOut().print(r.stdout());
        spec.commandLine().getOut().flush();
        if (r.failed()) {
            // The user's own code: the whole traceback helps them (MicroPython tracebacks hold no source lines).
            spec.commandLine().getErr().print(r.stderr().replace("\r\n", "\n"));
            try {
                r.orThrow("your code");
            } catch (DeviceExecException e) {
                throw e.errnoName().isPresent() ? e : new PicoToolException(ExitCode.DEVICE, e.getMessage(),
                        "the traceback above comes from your code: fix it and run it again");
            }
        }
        return 0;
    }
}
