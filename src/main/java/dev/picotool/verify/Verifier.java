package dev.picotool.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Subscribes to the Pico's topics and judges what arrives until every topic has its readings or time runs out.
 * The events come from a {@link BrokerEvents} source and time from a {@link Clock}, both handed in: in production
 * Paho and the system clock, in tests a script and a fake clock. One loop on the caller's thread owns all state, so
 * the listener is called in order. The plan's timeout bounds the whole run, connecting included.
 */
public final class Verifier {
    /** What the status topic may say at most before it is not a status any more. */
    private static final int MAX_STATUS_BYTES = 64;

    private final Clock clock;
    private final BrokerEvents.Factory brokers;

    public Verifier() {
        this(Clock.systemUTC(), PahoBrokerEvents::new);
    }

    Verifier(Clock clock, BrokerEvents.Factory brokers) {
        this.clock = clock;
        this.brokers = brokers;
    }

    /** Runs one verification. Throws a {@link dev.picotool.PicoToolException} (exit 5) when the broker cannot be used. */
    public VerifyResult run(BrokerConnection conn, VerifyPlan plan, VerifyListener listener) {
        PayloadParser parser = new PayloadParser(plan.payload());
        Map<String, TopicCheck> checks = new LinkedHashMap<>();
        plan.topics().forEach(t -> checks.put(t.topic(), new TopicCheck(t, plan, parser)));
        List<String> topics = new ArrayList<>(checks.keySet());
        plan.statusTopic().filter(s -> !checks.containsKey(s)).ifPresent(topics::add);
        Instant started = clock.instant();
        Instant deadline = started.plus(plan.timeout());
        Optional<String> status = Optional.empty();
        int reconnects = 0;
        try (BrokerEvents events = brokers.connectTo(conn, clock)) {
            events.open(topics, deadline);
            listener.connected(conn.address(), topics);
            while (!done(checks, plan, status)) {
                Duration wait = Duration.between(clock.instant(), deadline);
                if (wait.isNegative() || wait.isZero()) {
                    break;
                }
                Optional<BrokerEvents.Event> next = events.next(wait);
                if (next.isEmpty()) {
                    continue;
                }
                BrokerEvents.Event ev = next.get();
                if (ev instanceof BrokerEvents.Message m) {
                    TopicCheck check = checks.get(m.topic());
                    if (check != null) {
                        listener.reading(check.accept(m.time(), m.payload(), m.retained()), check.counted(),
                                plan.count());
                    } else if (plan.statusTopic().filter(m.topic()::equals).isPresent()) {
                        String text = statusText(m.payload());
                        status = Optional.of(text);
                        listener.status(m.topic(), text, m.retained());
                    }
                } else if (ev instanceof BrokerEvents.Lost l) {
                    checks.values().forEach(TopicCheck::connectionLost);
                    listener.connectionLost(l.reason());
                } else if (ev instanceof BrokerEvents.Back) {
                    reconnects++;
                    listener.reconnected();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Duration elapsed = Duration.between(started, clock.instant());
        List<TopicResult> results = checks.values().stream().map(c -> c.result(elapsed)).toList();
        Optional<String> lastStatus = status;
        return new VerifyResult(conn.address(), started, elapsed, results,
                plan.statusTopic().map(t -> StatusResult.of(t, lastStatus)), reconnects);
    }

    private static boolean done(Map<String, TopicCheck> checks, VerifyPlan plan, Optional<String> status) {
        boolean statusDone = plan.statusTopic().isEmpty() || status.filter(StatusResult.ONLINE::equals).isPresent();
        return statusDone && checks.values().stream().allMatch(c -> c.counted() >= plan.count());
    }

    private static String statusText(byte[] payload) {
        String text = PayloadParser.text(payload);
        return text.length() <= MAX_STATUS_BYTES ? text : text.substring(0, MAX_STATUS_BYTES) + "…";
    }
}
