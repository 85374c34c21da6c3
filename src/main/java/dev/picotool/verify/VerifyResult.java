package dev.picotool.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Everything a verification run found, for the table and the reports. */
public record VerifyResult(String broker, Instant started, Duration elapsed, List<TopicResult> topics,
                           Optional<StatusResult> status, int reconnects) {
    public VerifyResult {
        topics = List.copyOf(topics);
    }

    public boolean passed() {
        return topics.stream().allMatch(TopicResult::passed) && status.map(StatusResult::passed).orElse(true);
    }

    /** The topics (and status topic) that failed, in table order. */
    public List<String> failing() {
        var names = new java.util.ArrayList<String>();
        topics.stream().filter(t -> !t.passed()).forEach(t -> names.add(t.topic()));
        status.filter(s -> !s.passed()).ifPresent(s -> names.add(s.topic()));
        return names;
    }
}
