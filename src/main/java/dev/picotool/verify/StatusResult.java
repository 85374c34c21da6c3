package dev.picotool.verify;

import java.util.Optional;

/** The verdict on the retained status topic: the last payload seen there must be {@code online}. */
record StatusResult(String topic, Optional<String> payload, boolean passed, String reason) {
    public static final String ONLINE = "online";

    static StatusResult of(String topic, Optional<String> last) {
        if (last.isEmpty()) {
            return new StatusResult(topic, last, false, "nothing on " + topic + ": the firmware publishes a retained "
                    + "'online' there after connecting");
        }
        if (last.get().equals(ONLINE)) {
            return new StatusResult(topic, last, true, "online");
        }
        return new StatusResult(topic, last, false, "is '" + last.get() + "', expected 'online'"
                + (last.get().equals("offline") ? " (the broker published the Pico's last will: it went away)" : ""));
    }
}
