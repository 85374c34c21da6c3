package dev.picotool.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the verifier hears from a broker, in the order it happened. {@link PahoBrokerEvents} talks to a real broker;
 * tests play a script against a fake clock, so timing is judged without waiting.
 */
interface BrokerEvents extends AutoCloseable {
    sealed interface Event permits Message, Lost, Back {
    }

    /** A message on one of the subscribed topics, stamped with the clock when it arrived. */
    record Message(Instant time, String topic, byte[] payload, boolean retained) implements Event {
    }

    /** The connection dropped; the source reconnects by itself. */
    record Lost(String reason) implements Event {
    }

    /** Connected again and subscribed again. */
    record Back() implements Event {
    }

    /**
     * Connects and subscribes to these exact topics (no wildcards), giving up at {@code deadline}.
     *
     * @throws dev.picotool.PicoToolException exit 5 when the broker cannot be reached or refuses
     */
    void open(List<String> topics, Instant deadline);

    /** The next event, waiting at most {@code wait}; empty when nothing came in that time. */
    Optional<Event> next(Duration wait) throws InterruptedException;

    /** Disconnects and stops every thread the source started. */
    @Override
    void close();

    /** Makes the source for one run; {@code clock} stamps the messages. */
    @FunctionalInterface
    interface Factory {
        BrokerEvents connectTo(BrokerConnection connection, Clock clock);
    }
}
