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
    sealed interface Event permits Message, Lost, Back, Settled {
    }

    /** A message on one of the subscribed topics, stamped with the clock when it arrived. */
    record Message(Instant time, String topic, byte[] payload, boolean retained) implements Event {
        /** The same message as one the broker kept from before. */
        Message asRetained() {
            return new Message(time, topic, payload, true);
        }
    }

    /** The connection dropped; the source reconnects by itself. */
    record Lost(String reason) implements Event {
    }

    /** Connected again and subscribed again. */
    record Back() implements Event {
    }

    /**
     * Our marker came back: every retained message of the subscriptions has arrived. A broker sends a subscription's
     * retained messages when it takes the SUBSCRIBE, and delivers what one session gets in order (MQTT 3.1.1,
     * sections 3.3.1.3 and 4.6), so a message we publish after the SUBACK arrives after all of them (checked on
     * Mosquitto and Moquette by RetainedMessagesTest). What arrives before the marker is what the broker kept: Moquette
     * 0.17, picotool's embedded broker, sends those messages with the RETAIN flag 0, against [MQTT-3.3.1-8].
     */
    record Settled() implements Event {
    }

    /**
     * Connects and subscribes to these topic filters ({@code +} and {@code #} allowed), giving up at
     * {@code deadline}. With a {@code marker} topic, subscribes to it too and publishes a message there once the
     * subscriptions are acknowledged, whose return is {@link Settled}; a broker that does not let us use the marker
     * topic (its access rules) never settles.
     *
     * @throws dev.picotool.PicoToolException exit 5 when the broker cannot be reached or refuses
     */
    void open(List<String> filters, Optional<String> marker, Instant deadline);

    /**
     * Publishes at QoS 1 and waits for the broker's acknowledgement, until {@code deadline} at most.
     *
     * @throws dev.picotool.PicoToolException exit 5 when the broker does not take it
     */
    void publish(String topic, byte[] payload, boolean retain, Instant deadline);

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
