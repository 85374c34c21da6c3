package dev.picotool.verify;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener that keeps every live event as a line, readable from another thread while a run goes on. */
final class EventLog implements VerifyListener {
    final List<String> lines = new CopyOnWriteArrayList<>();
    final List<Reading> readings = new CopyOnWriteArrayList<>();
    private volatile Runnable onConnected = () -> { };

    /** Runs {@code action} once subscribed, e.g. to start the test publisher only when nothing can be missed. */
    EventLog whenConnected(Runnable action) {
        onConnected = action;
        return this;
    }

    @Override
    public void connected(String broker, List<String> topics) {
        lines.add("connected " + broker + " " + topics);
        onConnected.run();
    }

    @Override
    public void reading(Reading reading, int counted, int needed) {
        readings.add(reading);
        lines.add("reading " + reading.topic() + " " + reading.payload() + " " + counted + "/" + needed
                + (reading.retained() ? " retained" : "") + (reading.ok() ? "" : " problem: " + reading.problem()));
    }

    @Override
    public void status(String topic, String payload, boolean retained) {
        lines.add("status " + topic + " " + payload);
    }

    @Override
    public void document(String kind, String topic, boolean retained) {
        lines.add("document " + kind + " " + topic);
    }

    @Override
    public void connectionLost(String reason) {
        lines.add("lost " + reason);
    }

    @Override
    public void reconnected() {
        lines.add("reconnected");
    }

    long count(String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).count();
    }
}
