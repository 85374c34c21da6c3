package dev.picotool.verify;

import java.util.List;

/** Live events of a verification run, called on the verifier's own thread in the order they happened. */
public interface VerifyListener {
    VerifyListener NONE = new VerifyListener() {
    };

    default void connected(String broker, List<String> topics) {
    }

    /**
     * @param counted readings counted so far on this topic (retained ones are not counted)
     * @param needed  readings needed on this topic
     */
    default void reading(Reading reading, int counted, int needed) {
    }

    default void status(String topic, String payload, boolean retained) {
    }

    /** A board's retained document arrived: its health report or Home Assistant discovery ({@link DocumentResult}). */
    default void document(String kind, String topic, boolean retained) {
    }

    default void connectionLost(String reason) {
    }

    default void reconnected() {
    }

    /** Both listeners, this one first. */
    default VerifyListener and(VerifyListener other) {
        VerifyListener first = this;
        return new VerifyListener() {
            @Override
            public void connected(String broker, List<String> topics) {
                first.connected(broker, topics);
                other.connected(broker, topics);
            }

            @Override
            public void reading(Reading reading, int counted, int needed) {
                first.reading(reading, counted, needed);
                other.reading(reading, counted, needed);
            }

            @Override
            public void status(String topic, String payload, boolean retained) {
                first.status(topic, payload, retained);
                other.status(topic, payload, retained);
            }

            @Override
            public void document(String kind, String topic, boolean retained) {
                first.document(kind, topic, retained);
                other.document(kind, topic, retained);
            }

            @Override
            public void connectionLost(String reason) {
                first.connectionLost(reason);
                other.connectionLost(reason);
            }

            @Override
            public void reconnected() {
                first.reconnected();
                other.reconnected();
            }
        };
    }
}
