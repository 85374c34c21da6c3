package dev.picotool.verify;

import java.util.Locale;

/** The report files {@code --report FORMAT FILE} can write. */
public enum ReportFormat {
    JSON,
    JUNIT;

    public String render(VerifyResult r) {
        return this == JSON ? JsonReport.render(r) : JUnitReport.render(r);
    }

    /** Writes the report into a file prepared (and so checked) before the run. */
    public void write(VerifyResult r, OutputFile file) {
        file.write(render(r));
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
        throw new IllegalArgumentException("unknown report format '" + dev.picotool.TerminalText.escape(text)
                + "' (json or junit)");
    }
}
