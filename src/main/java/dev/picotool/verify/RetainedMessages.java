package dev.picotool.verify;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.TerminalText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and clears retained messages, connected exactly as verify connects ({@link BrokerEvents}: login, TLS, topics
 * Paho cannot carry). Knowing when every retained message has arrived needs no waiting on a clock: after
 * subscribing, a marker goes to a topic of our own, and it comes back after all of them ({@link BrokerEvents.Settled}).
 */
public final class RetainedMessages {
    /** How long one read or clear may take, connecting included. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Retained messages larger than this are not what picotool reads (discovery documents are about 2 KB). */
    static final int MAX_PAYLOAD = 64 * 1024;

    private final BrokerConnection conn;
    private final Clock clock;
    private final BrokerEvents.Factory brokers;

    public RetainedMessages(BrokerConnection conn) {
        this(conn, Clock.systemUTC(), PahoBrokerEvents::new);
    }

    RetainedMessages(BrokerConnection conn, Clock clock, BrokerEvents.Factory brokers) {
        this.conn = conn;
        this.clock = clock;
        this.brokers = brokers;
    }

    /**
     * Topic → payload of every retained message matching the filters (empty payloads are deletions: none).
     *
     * @throws PicoToolException exit 5 when the broker cannot be used or does not return our marker in time
     */
    public Map<String, byte[]> read(List<String> filters) {
        Map<String, byte[]> found = new LinkedHashMap<>();
        Instant deadline = clock.instant().plus(TIMEOUT);
        String marker = Verifier.marker();
        try (BrokerEvents events = brokers.connectTo(conn, clock)) {
            events.open(filters, Optional.of(marker), deadline);
            while (true) {
                Duration wait = Duration.between(clock.instant(), deadline);
                if (wait.isNegative() || wait.isZero()) {
                    throw new PicoToolException(ExitCode.BROKER, "the broker at " + conn.address() + " did not "
                            + "deliver our own test message within " + Durations.text(TIMEOUT), "check that this user "
                            + "may subscribe to " + TerminalText.escape(String.join(", ", filters)) + " and publish "
                            + "to " + Verifier.MARKER_PREFIX + "#");
                }
                Optional<BrokerEvents.Event> next = events.next(wait);
                if (next.isEmpty()) {
                    continue;
                }
                BrokerEvents.Event ev = next.get();
                if (ev instanceof BrokerEvents.Settled) {
                    return found;
                }
                if (ev instanceof BrokerEvents.Lost l) {
                    throw new PicoToolException(ExitCode.BROKER, "the broker at " + conn.address() + " dropped the "
                            + "connection while we read its retained messages (" + TerminalText.escape(l.reason())
                            + ")", "look at the broker's log");
                }
                // Before the marker, every message is a retained one, whatever its RETAIN flag (Moquette's is 0).
                if (ev instanceof BrokerEvents.Message m && m.payload().length > 0
                        && m.payload().length <= MAX_PAYLOAD) {
                    found.put(m.topic(), m.payload());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PicoToolException(ExitCode.BROKER, "interrupted while reading from " + conn.address(), "");
        }
    }

    /** Deletes the retained message of each topic: an empty retained message (MQTT 3.1.1 section 3.3.1.3). */
    public void clear(List<String> topics) {
        Instant deadline = clock.instant().plus(TIMEOUT);
        try (BrokerEvents events = brokers.connectTo(conn, clock)) {
            events.open(List.of(), Optional.empty(), deadline);
            topics.forEach(t -> events.publish(t, new byte[0], true, deadline));
        }
    }
}
