package dev.picotool.verify;

import dev.picotool.PicoToolException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A broker that plays a script against a {@link FakeClock}: each event happens at its time after the start, and
 * waiting for the next one moves the clock there (or to the end of the wait, when nothing is due).
 */
final class ScriptedEvents implements BrokerEvents {
    private record Step(Duration at, Object what) {
    }

    private record Msg(String topic, byte[] payload, boolean retained) {
    }

    final FakeClock clock;
    private final Instant start;
    private final List<Step> script = new ArrayList<>();
    private PicoToolException refusal;
    List<String> subscribed;
    Optional<String> marker = Optional.empty();
    final List<String> published = new ArrayList<>();
    Instant deadline;
    boolean closed;

    ScriptedEvents(FakeClock clock) {
        this.clock = clock;
        this.start = clock.instant();
    }

    ScriptedEvents message(double atSeconds, String topic, String payload) {
        return message(atSeconds, topic, payload.getBytes(StandardCharsets.UTF_8), false);
    }

    ScriptedEvents message(double atSeconds, String topic, byte[] payload, boolean retained) {
        script.add(new Step(seconds(atSeconds), new Msg(topic, payload, retained)));
        return this;
    }

    /** The same payload every {@code everyS} seconds from {@code fromS}, {@code times} times. */
    ScriptedEvents every(double fromS, double everyS, int times, String topic, String payload) {
        for (int i = 0; i < times; i++) {
            message(fromS + i * everyS, topic, payload);
        }
        return this;
    }

    ScriptedEvents lost(double atSeconds, String reason) {
        script.add(new Step(seconds(atSeconds), new Lost(reason)));
        return this;
    }

    ScriptedEvents back(double atSeconds) {
        script.add(new Step(seconds(atSeconds), new Back()));
        return this;
    }

    ScriptedEvents refuseWith(PicoToolException e) {
        refusal = e;
        return this;
    }

    /** The broker returns our marker here: every retained message before it has arrived. */
    ScriptedEvents settled(double atSeconds) {
        script.add(new Step(seconds(atSeconds), new Settled()));
        return this;
    }

    @Override
    public void open(List<String> topics, Optional<String> marker, Instant deadline) {
        this.subscribed = topics;
        this.marker = marker;
        this.deadline = deadline;
        if (refusal != null) {
            throw refusal;
        }
        script.sort((a, b) -> a.at().compareTo(b.at()));
    }

    @Override
    public Optional<Event> next(Duration wait) {
        Instant until = clock.instant().plus(wait);
        if (script.isEmpty() || start.plus(script.get(0).at()).isAfter(until)) {
            clock.set(until);
            return Optional.empty();
        }
        Step s = script.remove(0);
        Instant at = start.plus(s.at());
        if (at.isAfter(clock.instant())) {
            clock.set(at);
        }
        if (s.what() instanceof Msg m) {
            return Optional.of(new Message(clock.instant(), m.topic(), m.payload(), m.retained()));
        }
        return Optional.of((Event) s.what());
    }

    @Override
    public void publish(String topic, byte[] payload, boolean retain, Instant deadline) {
        published.add(topic + (retain ? " retained " : " ") + new String(payload, StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        closed = true;
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos(Math.round(s * 1e9));
    }
}
