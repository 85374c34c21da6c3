package dev.picotool.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Everything a verification run found, for the table and the reports. */
public record VerifyResult(String broker, Instant started, Duration elapsed, List<TopicResult> topics,
                           Optional<StatusResult> status, int reconnects) {
    public VerifyResult {
        topics = List.copyOf(topics);
    }

    /** A run that never got to listen (the board did not connect): every topic fails for {@code reason}. */
    public static VerifyResult notRun(String broker, VerifyPlan plan, String reason) {
        List<TopicResult> topics = plan.topics().stream().map(t -> new TopicResult(t, 0, plan.count(), 0, 0, 0,
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), false,
                reason)).toList();
        return new VerifyResult(broker, Instant.now(), Duration.ZERO, topics,
                plan.statusTopic().map(t -> new StatusResult(t, Optional.empty(), false, reason)), 0);
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
