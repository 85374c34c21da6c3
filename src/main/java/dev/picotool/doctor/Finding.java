package dev.picotool.doctor;

import dev.picotool.ExitCode;

/**
 * One line of the doctor's report: which check, how it came out, what was found, and the fix (empty when nothing is to
 * be done). {@code failCode} is the exit code a failure stands for (4 device, 5 broker, 3 settings).
 */
public record Finding(Status status, String check, String text, String fix, ExitCode failCode) {
    public static Finding ok(String check, String text) {
        return new Finding(Status.OK, check, text, "", ExitCode.OK);
    }

    public static Finding ok(String check, String text, String note) {
        return new Finding(Status.OK, check, text, note, ExitCode.OK);
    }

    public static Finding warn(String check, String text, String fix) {
        return new Finding(Status.WARN, check, text, fix, ExitCode.OK);
    }

    public static Finding fail(String check, String text, String fix, ExitCode code) {
        return new Finding(Status.FAIL, check, text, fix, code);
    }
}
