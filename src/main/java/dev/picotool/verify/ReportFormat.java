package dev.picotool.verify;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The report files {@code --report FORMAT FILE} can write. */
public enum ReportFormat {
    JSON,
    JUNIT;

    public String render(VerifyResult r) {
        return this == JSON ? JsonReport.render(r) : JUnitReport.render(r);
    }

    public void write(VerifyResult r, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, render(r), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PicoToolException(ExitCode.INTERNAL, "cannot write the " + id() + " report to " + file + ": "
                    + e.getMessage(), "check that the directory exists and you may write there", e);
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReportFormat parse(String text) {
        for (ReportFormat f : values()) {
            if (f.id().equalsIgnoreCase(text.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown report format '" + text + "' (json or junit)");
    }
}
