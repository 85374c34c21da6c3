package dev.picotool.verify;

/** Whether a document passed, and why, in words. */
record Verdict(boolean passed, String reason) {
    static Verdict of(String problems, String passReason) {
        return problems.isEmpty() ? new Verdict(true, passReason) : new Verdict(false, problems);
    }
}
