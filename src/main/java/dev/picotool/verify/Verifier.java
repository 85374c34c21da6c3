package dev.picotool.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Subscribes to the Pico's topics and judges what arrives until every topic has its readings or time runs out. The
 * topics may hold the board's placeholders: then each board is judged on its own, and several boards in one run
 * ({@link RunState}). The events come from a {@link BrokerEvents} source and time from a {@link Clock}, both handed
 * in: in production Paho and the system clock, in tests a script and a fake clock. One loop on the caller's thread
 * owns all state, so the listener is called in order. The plan's timeout bounds the whole run, connecting included.
 */
public final class Verifier {
    /** Where the marker that says "every retained message has arrived" goes; a random level after it. */
    static final String MARKER_PREFIX = "picotool/verify/";

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
        RunState state = new RunState(plan, new PayloadParser(plan.payload()));
        Instant started = clock.instant();
        Instant deadline = started.plus(plan.timeout());
        int reconnects = 0;
        boolean beforeMarker = state.needsSettling();
        try (BrokerEvents events = brokers.connectTo(conn, clock)) {
            events.open(state.filters(), state.needsSettling() ? Optional.of(marker()) : Optional.empty(), deadline);
            listener.connected(conn.address(), state.filters());
            while (!state.done()) {
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
                    // Before our marker returns, it is what the broker kept, whatever its RETAIN flag says.
                    state.accept(beforeMarker ? m.asRetained() : m, listener);
                } else if (ev instanceof BrokerEvents.Settled) {
                    beforeMarker = false;
                    state.settled();
                } else if (ev instanceof BrokerEvents.Lost l) {
                    state.connectionLost();
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
        return new VerifyResult(conn.address(), started, elapsed, state.results(elapsed), plan.boards(),
                state.perBoard(), state.notes(), reconnects);
    }

    /** A topic of our own: nobody else publishes there, so what arrives on it is our marker. */
    static String marker() {
        return MARKER_PREFIX + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }
}
