package dev.picotool.verify;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The verdict on one topic.
 *
 * @param count        readings counted (retained replays excluded)
 * @param malformed    payloads that could not be understood
 * @param outOfRange   values outside the plausible range
 * @param badGaps      gaps between readings too far off the interval
 * @param meanInterval mean time between counted readings; empty with fewer than two
 * @param reason       why it passed or failed, in words
 */
record TopicResult(TopicExpectation expectation, int count, int needed, int malformed, int outOfRange,
                          int badGaps, OptionalDouble min, OptionalDouble mean, OptionalDouble max,
                          Optional<Duration> meanInterval, boolean passed, String reason) {
    public String topic() {
        return expectation.topic();
    }
}
