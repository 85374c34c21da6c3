package dev.picotool.verify;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * One message seen on a reading topic, as received.
 *
 * @param value    the number in the payload, empty when the payload could not be understood
 * @param problem  why the payload or its value is not acceptable; empty when it is fine
 * @param retained the broker replayed a stored (old) message on subscribe: it proves nothing about the Pico now
 */
public record Reading(Instant time, String topic, String payload, OptionalDouble value, String problem,
                      boolean retained) {
    public boolean ok() {
        return problem.isEmpty();
    }
}
