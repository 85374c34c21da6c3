package dev.picotool.verify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one board has shown so far, or (with {@link #SHARED}) what arrived on the topics every board shares. Not
 * thread-safe: the verifier's loop owns it.
 */
final class BoardState {
    /** The key of the topics without the board's placeholders. */
    static final String SHARED = "";

    final String key;
    /** The whole board id, once a topic or a discovery document told it. */
    Optional<String> id = Optional.empty();
    String id4 = "";
    /** Reading checks by the index of their topic in the plan. */
    final Map<Integer, TopicCheck> readings = new LinkedHashMap<>();
    Optional<String> status = Optional.empty();
    /** The last health report, or null. */
    byte[] report;
    /** Discovery topic → the document retained there (an empty payload removes it). */
    final Map<String, byte[]> discovery = new LinkedHashMap<>();
    /** It sent something while we listened (not only messages the broker kept from before). */
    boolean live;

    BoardState(String key) {
        this.key = key;
    }

    boolean shared() {
        return key.equals(SHARED);
    }

    /** Learns who this is: the whole id when the topic holds it, else its last 4 digits. */
    void identify(TopicPattern.Board b) {
        if (id.isEmpty() && b.id().isPresent()) {
            id = b.id();
        }
        if (id4.isEmpty()) {
            id4 = b.id4();
        }
    }

    TopicPattern.Board board() {
        return new TopicPattern.Board(id, id4);
    }

    /** The board as it is shown: its whole id when known, else "…" and its last 4 digits. */
    String name() {
        return id.orElse("…" + id4);
    }

    boolean online() {
        return status.filter(StatusResult.ONLINE::equals).isPresent();
    }
}
