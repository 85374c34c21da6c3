package dev.picotool.verify;

import dev.picotool.TerminalText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Collects what arrives on one reading topic and judges it. Not thread-safe: the verifier's loop owns it. */
final class TopicCheck {
    private static final int SHOWN_PAYLOAD_CHARS = 40;

    private final TopicExpectation expectation;
    private final VerifyPlan plan;
    private final PayloadParser parser;
    private final List<Double> values = new ArrayList<>();
    private final List<Duration> gaps = new ArrayList<>();
    private int count;
    private int malformed;
    private int outOfRange;
    private int shortGaps;
    private Duration shortGapExample;
    private int longGaps;
    private Duration longGapExample;
    private String firstMalformed;
    private Double firstOutOfRange;
    private Instant last;
    private boolean gapExcused;

    TopicCheck(TopicExpectation expectation, VerifyPlan plan, PayloadParser parser) {
        this.expectation = expectation;
        this.plan = plan;
        this.parser = parser;
    }

    /** Judges one message. Retained replays are shown but not counted: they may be hours old. */
    Reading accept(Instant time, byte[] body, boolean retained) {
        PayloadParser.Parsed parsed = parser.parse(body, expectation.unit());
        String payload = PayloadParser.text(body);
        String problem = parsed.problem();
        if (problem.isEmpty() && expectation.range().isPresent()
                && !expectation.range().get().contains(parsed.value().getAsDouble())) {
            problem = "outside " + expectation.range().get() + unitSuffix();
        }
        Reading r = new Reading(time, expectation.topic(), payload, parsed.value(), problem, retained);
        if (retained) {
            return r;
        }
        count++;
        parsed.value().ifPresent(values::add);
        if (parsed.value().isEmpty()) {
            malformed++;
            if (firstMalformed == null) {
                firstMalformed = "'" + shorten(payload) + "': " + parsed.problem();
            }
        } else if (!problem.isEmpty()) {
            outOfRange++;
            if (firstOutOfRange == null) {
                firstOutOfRange = parsed.value().getAsDouble();
            }
        }
        if (last != null && !gapExcused) {
            Duration gap = Duration.between(last, time);
            gaps.add(gap);
            if (gap.compareTo(plan.minGap()) < 0) {
                shortGaps++;
                shortGapExample = shortGapExample == null ? gap : shortGapExample;
            } else if (gap.compareTo(latest()) > 0) {
                longGaps++;
                longGapExample = longGapExample == null ? gap : longGapExample;
            }
        }
        last = time;
        gapExcused = false;
        return r;
    }

    /** Readings missed while the connection was down would show as one long gap: that gap is not judged. */
    void connectionLost() {
        gapExcused = true;
    }

    int counted() {
        return count;
    }

    TopicResult result(Duration waited) {
        List<String> problems = new ArrayList<>();
        int needed = plan.count();
        if (count == 0) {
            problems.add("no readings in " + Durations.text(waited) + ": is the Pico publishing to this topic? "
                    + "(compare the topic with its serial output)");
        } else if (count < needed) {
            problems.add("only " + count + " of " + needed + " readings in " + Durations.text(waited));
        }
        if (malformed > 0) {
            problems.add(malformed + (malformed == 1 ? " payload" : " payloads") + " not understood (first: "
                    + firstMalformed + ")");
        }
        if (outOfRange > 0) {
            problems.add(outOfRange + (outOfRange == 1 ? " value" : " values") + " outside "
                    + expectation.range().orElseThrow() + unitSuffix() + " (first: " + firstOutOfRange + ")");
        }
        if (shortGaps > 0) {
            problems.add(gaps(shortGaps) + " under " + Durations.text(plan.minGap()) + ", much shorter than the "
                    + Durations.text(plan.interval()) + " interval (e.g. " + Durations.text(shortGapExample)
                    + "): does something else publish here too, or is the interval not the firmware's?");
        }
        if (longGaps > 0) {
            problems.add(gaps(longGaps) + " over " + Durations.text(latest()) + ", the " + Durations.text(
                    plan.interval()) + " interval + " + Durations.text(plan.tolerance()) + " (e.g. "
                    + Durations.text(longGapExample) + ")");
        }
        Optional<Duration> meanGap = gaps.isEmpty() ? Optional.empty()
                : Optional.of(gaps.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(gaps.size()));
        boolean passed = problems.isEmpty();
        String reason = passed ? passReason(meanGap) : String.join("; ", problems);
        return new TopicResult(expectation, count, needed, malformed, outOfRange, shortGaps + longGaps,
                values.stream().mapToDouble(Double::doubleValue).min(), average(),
                values.stream().mapToDouble(Double::doubleValue).max(), meanGap, passed, reason);
    }

    private Duration latest() {
        return plan.interval().plus(plan.tolerance());
    }

    private static String gaps(int n) {
        return n + (n == 1 ? " gap between readings" : " gaps between readings");
    }

    private String passReason(Optional<Duration> meanGap) {
        return count + (count == 1 ? " reading" : " readings")
                + expectation.range().map(r -> " in " + r + unitSuffix()).orElse("")
                + meanGap.map(g -> ", every " + Durations.text(g)).orElse("");
    }

    private OptionalDouble average() {
        return values.stream().mapToDouble(Double::doubleValue).average();
    }

    private String unitSuffix() {
        return expectation.unit().isEmpty() ? "" : (expectation.unit().equals("%") ? " %" : " " + expectation.unit());
    }

    private static String shorten(String s) {
        String cut = s.codePointCount(0, s.length()) <= SHOWN_PAYLOAD_CHARS ? s
                : s.substring(0, s.offsetByCodePoints(0, SHOWN_PAYLOAD_CHARS)) + "…";
        return TerminalText.escape(cut);
    }
}
