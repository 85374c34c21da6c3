package dev.picotool.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Everything a verification run found, for the table and the reports: one {@link BoardResult} per board, and one
 * without a board for the topics all boards share.
 *
 * @param needed   which boards and how many had to pass
 * @param perBoard true when the topics tell boards apart (they hold the board's placeholders)
 * @param notes    what the run noticed besides the verdicts (boards that cannot be told apart, old boards)
 */
public record VerifyResult(String broker, Instant started, Duration elapsed, List<BoardResult> boards,
                           VerifyPlan.Boards needed, boolean perBoard, List<String> notes, int reconnects) {
    public VerifyResult {
        boards = List.copyOf(boards);
        notes = List.copyOf(notes);
    }

    /** One board's (or the shared) topics and status, as a run on topics without placeholders finds them. */
    public VerifyResult(String broker, Instant started, Duration elapsed, List<TopicResult> topics,
                        Optional<StatusResult> status, int reconnects) {
        this(broker, started, elapsed, List.of(new BoardResult(Optional.empty(), topics, status, Optional.empty(),
                Optional.empty())), VerifyPlan.Boards.ANY_ONE, false, List.of(), reconnects);
    }

    /** A run that never got to listen (the board did not connect): every check fails for {@code reason}. */
    public static VerifyResult notRun(String broker, VerifyPlan plan, String reason) {
        Optional<String> board = plan.boards().named().stream().findFirst();
        List<TopicResult> topics = plan.topics().stream().map(t -> new TopicResult(t.withTopic(shown(t.topic(), board,
                plan)), 0, plan.count(), 0, 0, 0, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                Optional.empty(), false, reason)).toList();
        BoardResult only = new BoardResult(board, topics,
                plan.statusTopic().map(t -> new StatusResult(shown(t, board, plan), Optional.empty(), false, reason)),
                plan.diagnostics().map(t -> new DocumentResult(DocumentResult.DIAGNOSTICS, shown(t, board, plan),
                        false, reason)),
                plan.discovery().map(d -> new DocumentResult(DocumentResult.DISCOVERY, d.prefix() + "/…/config",
                        false, reason)));
        return new VerifyResult(broker, Instant.now(), Duration.ZERO, List.of(only), plan.boards(),
                board.isPresent(), List.of(), 0);
    }

    private static String shown(String template, Optional<String> board, VerifyPlan plan) {
        return board.map(b -> TopicPattern.of(template, plan.deviceName()).forBoard(b)).orElse(template);
    }

    /** Every reading topic checked, board by board. */
    public List<TopicResult> topics() {
        return boards.stream().flatMap(b -> b.topics().stream()).toList();
    }

    /** The status verdicts, board by board. */
    public List<StatusResult> statuses() {
        return boards.stream().flatMap(b -> b.status().stream()).toList();
    }

    /** The boards that passed. */
    public long boardsPassed() {
        return boards.stream().filter(b -> b.board().isPresent() && b.passed()).count();
    }

    /**
     * Passed when what every board shares passed, every named board passed, and (when the topics tell boards apart)
     * at least as many boards as needed.
     */
    public boolean passed() {
        boolean shared = boards.stream().filter(b -> b.board().isEmpty()).allMatch(BoardResult::passed);
        boolean named = needed.named().stream().allMatch(id -> boards.stream().anyMatch(b -> b.board().equals(
                Optional.of(id)) && b.passed()));
        return shared && named && (!perBoard || boardsPassed() >= needed.atLeast());
    }

    /** The checks that failed, in table order. */
    public List<String> failing() {
        List<String> names = new ArrayList<>();
        boards.forEach(b -> names.addAll(b.failing()));
        if (perBoard && boardsPassed() < needed.atLeast()) {
            names.add(boardsPassed() + " of " + needed.atLeast() + " boards needed");
        }
        return names;
    }
}
