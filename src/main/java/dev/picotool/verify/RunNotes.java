package dev.picotool.verify;

import java.util.ArrayList;
import java.util.List;

/** What a run noticed besides the verdicts, in words: boards that cannot be told apart, old boards, boards left out. */
final class RunNotes {
    private static final int NAMED = 5;

    private RunNotes() {
    }

    /**
     * @param counted        the boards judged
     * @param old            boards seen only in messages the broker kept from before
     * @param sharedReadings some reading topics hold no placeholder: every board publishes there
     * @param overflow       messages of boards beyond {@link RunState#MAX_BOARDS}
     * @param ignored        boards not named with --board
     */
    static List<String> of(List<BoardState> counted, List<BoardState> old, boolean sharedReadings, int overflow,
                           int ignored) {
        List<String> notes = new ArrayList<>();
        if (sharedReadings && counted.size() > 1) {
            notes.add(counted.size() + " boards are running (" + list(counted.stream().map(BoardState::name).toList())
                    + "), but the reading topics hold no {id}: their readings arrive mixed on the same topics and "
                    + "cannot be told apart. Put {id} in the reading topics (e.g. pico/{id}/temperature/dht22) to "
                    + "check each board.");
        }
        if (!old.isEmpty()) {
            notes.add("not counted, seen only in messages the broker kept from before (not running now?): "
                    + list(old.stream().map(b -> b.name() + b.status.map(s -> " (status '" + s + "')").orElse(""))
                    .toList()));
        }
        if (overflow > 0) {
            notes.add("more than " + RunState.MAX_BOARDS + " boards: " + overflow + (overflow == 1 ? " message"
                    : " messages") + " of further boards left aside");
        }
        if (ignored > 0) {
            notes.add("ignored " + ignored + (ignored == 1 ? " board" : " boards") + " not named with --board");
        }
        return notes;
    }

    private static String list(List<String> items) {
        return items.size() <= NAMED ? String.join(", ", items)
                : String.join(", ", items.subList(0, NAMED)) + " and " + (items.size() - NAMED) + " more";
    }
}
