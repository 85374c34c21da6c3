package dev.picotool.demo;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** The python3 the virtual Pico runs on: checked before anything is started, with the install command if missing. */
final class PythonRuntime {
    static final String COMMAND = "python3";

    private PythonRuntime() {
    }

    /** Throws (exit 4) when {@code python3} cannot be run or is older than 3.9. */
    public static void require() {
        String fix = "install Python 3 (Debian/Ubuntu: sudo apt-get install python3; Fedora: sudo dnf install "
                + "python3; macOS: xcode-select --install or brew install python) and run picotool again";
        try {
            Process p = new ProcessBuilder(COMMAND, "-c", "import sys; sys.exit(0 if sys.version_info >= (3, 9) "
                    + "else 3)").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new PicoToolException(ExitCode.DEVICE, COMMAND + " did not answer within 30 s", fix);
            }
            if (p.exitValue() == 3) {
                throw new PicoToolException(ExitCode.DEVICE, "the virtual Pico needs Python 3.9 or newer; "
                        + COMMAND + " is older", fix);
            }
            if (p.exitValue() != 0) {
                throw new PicoToolException(ExitCode.DEVICE, COMMAND + " is installed but does not run (exit "
                        + p.exitValue() + ")", fix);
            }
        } catch (IOException e) {
            throw new PicoToolException(ExitCode.DEVICE, "the virtual Pico runs on python3, which is not "
                    + "installed (or not on PATH)", fix);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PicoToolException(ExitCode.DEVICE, "interrupted while looking for python3", fix);
        }
    }
}
