package dev.picotool.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one board showed: its reading topics, its status, health report and discovery. {@code board} is empty for
 * what every board shares (topics without the board's placeholders), and for topics no board published on.
 */
record BoardResult(Optional<String> board, List<TopicResult> topics, Optional<StatusResult> status,
                          Optional<DocumentResult> diagnostics, Optional<DocumentResult> discovery) {
    public BoardResult {
        topics = List.copyOf(topics);
    }

    public boolean passed() {
        return topics.stream().allMatch(TopicResult::passed) && status.map(StatusResult::passed).orElse(true)
                && diagnostics.map(DocumentResult::passed).orElse(true)
                && discovery.map(DocumentResult::passed).orElse(true);
    }

    /** The topics (and documents) that failed, in table order. */
    public List<String> failing() {
        List<String> names = new ArrayList<>();
        topics.stream().filter(t -> !t.passed()).forEach(t -> names.add(t.topic()));
        status.filter(s -> !s.passed()).ifPresent(s -> names.add(s.topic()));
        diagnostics.filter(d -> !d.passed()).ifPresent(d -> names.add(d.topic()));
        discovery.filter(d -> !d.passed()).ifPresent(d -> names.add(d.topic()));
        return names;
    }

    /** How many checks: one per topic, status and document. */
    public int checks() {
        return topics.size() + (status.isPresent() ? 1 : 0) + (diagnostics.isPresent() ? 1 : 0)
                + (discovery.isPresent() ? 1 : 0);
    }
}
