package dev.picotool.cli;

import dev.picotool.ExitCode;
import dev.picotool.device.Cancellation;
import java.io.PrintWriter;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What Ctrl-C (SIGINT) and SIGTERM do while picotool works on a board: the first one asks the operation to stop at
 * its next safe point (the board is left usable, the command ends with 130 or 143); a second one ends picotool at
 * once. Outside such an operation the signals keep their default effect.
 */
class Interrupts {
    /** Installs a signal handler that gets the exit code of each signal; returns how to remove it again. */
    private final Function<Consumer<ExitCode>, AutoCloseable> installer;

    Interrupts(Function<Consumer<ExitCode>, AutoCloseable> installer) {
        this.installer = installer;
    }

    static Interrupts system() {
        return new Interrupts(onSignal -> SignalTrap.install(name -> onSignal.accept(name.equals("TERM")
                ? ExitCode.TERMINATED : ExitCode.INTERRUPTED)));
    }

    /** A handle that must be closed when the board operation is over. */
    interface Guard extends AutoCloseable {
        @Override
        void close();
    }

    /** Until the guard is closed, a signal cancels {@code cancellation}, and says so on {@code err}. */
    Guard guard(Cancellation cancellation, PrintWriter err) {
        AutoCloseable installed = installer.apply(code -> {
            if (cancellation.requested()) {
                err.println("interrupted again: stopping at once; the board may be left stopped (`picotool device "
                        + "reset` starts it)");
                err.flush();
                Runtime.getRuntime().halt(code.code());
            }
            cancellation.cancel(code, code == ExitCode.TERMINATED ? "SIGTERM" : "Ctrl-C");
            err.println("interrupted: stopping at a safe point, leaving the board usable (press Ctrl-C again to "
                    + "stop at once)");
            err.flush();
        });
        return () -> {
            try {
                installed.close();
            } catch (Exception ignored) {
                // restoring the default handler is best effort; the process is about to end anyway
            }
        };
    }
}
