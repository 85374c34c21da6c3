package dev.picotool.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One verification run's state: which topics to subscribe to, whose each arriving message is (board by board, when
 * the topics hold the board's placeholders), when everything needed has arrived, and the verdicts. Boards are
 * counted when they are named, or when they show they are running now: they sent something while we listened, or
 * their retained status says online. A board seen only in messages the broker kept from before is noted, not
 * judged. Not thread-safe: the verifier's loop owns it.
 */
final class RunState {
    private static final int MAX_STATUS_CHARS = 64;
    /**
     * Boards one run keeps track of, at most: a classroom has dozens; a broker that sends ever new board ids (a
     * hostile one, or a script gone wrong) must not fill the memory. Messages of further boards are left aside.
     */
    static final int MAX_BOARDS = 1000;

    private final VerifyPlan plan;
    private final PayloadParser parser;
    private final List<TopicPattern> readings = new ArrayList<>();
    private final Optional<TopicPattern> status;
    private final Optional<TopicPattern> diagnostics;
    private final Optional<DiscoveryCheck> discovery;
    private final Set<String> named = new LinkedHashSet<>();
    /** Boards by key: their whole id, or only its last 4 digits when some topic holds nothing more. */
    private final Map<String, BoardState> boards = new LinkedHashMap<>();
    private final boolean byId4;
    private final boolean livenessKnown;
    private final boolean perBoard;
    private final Set<String> ignored = new LinkedHashSet<>();
    private int overflow;
    private boolean settled;

    RunState(VerifyPlan plan, PayloadParser parser) {
        this.plan = plan;
        this.parser = parser;
        plan.topics().forEach(t -> readings.add(TopicPattern.of(t.topic(), plan.deviceName())));
        this.status = plan.statusTopic().map(t -> TopicPattern.of(t, plan.deviceName()));
        this.diagnostics = plan.diagnostics().map(t -> TopicPattern.of(t, plan.deviceName()));
        this.discovery = plan.discovery().map(d -> new DiscoveryCheck(new DiscoveryCheck.Expect(d.prefix(), d.mode(),
                readings, TopicPattern.of(d.statusTopic(), plan.deviceName()), d.reportTopic().map(r ->
                TopicPattern.of(r, plan.deviceName())), plan.interval(), d.reportInterval())));
        List<TopicPattern> own = keyed();
        this.byId4 = own.stream().anyMatch(p -> !p.hasWholeId());
        this.livenessKnown = !own.isEmpty();
        this.perBoard = livenessKnown || discovery.isPresent();
        if (perBoard) {
            plan.boards().named().forEach(id -> {
                named.add(key(TopicPattern.Board.of(id)));
                board(TopicPattern.Board.of(id));
            });
        }
    }

    /** The patterns of the board's own topics (readings, status, health report). */
    private List<TopicPattern> keyed() {
        List<TopicPattern> all = new ArrayList<>(readings);
        status.ifPresent(all::add);
        diagnostics.ifPresent(all::add);
        return all.stream().filter(TopicPattern::perBoard).toList();
    }

    /** True when the topics tell boards apart. */
    boolean perBoard() {
        return perBoard;
    }

    /** What to subscribe to, each once. */
    List<String> filters() {
        Set<String> f = new LinkedHashSet<>();
        readings.forEach(p -> f.add(p.filter()));
        status.ifPresent(p -> f.add(p.filter()));
        diagnostics.ifPresent(p -> f.add(p.filter()));
        discovery.ifPresent(d -> f.addAll(d.filters()));
        return List.copyOf(f);
    }

    /** Retained documents are judged: the run needs to know when all retained messages have arrived. */
    boolean needsSettling() {
        return diagnostics.isPresent() || discovery.isPresent();
    }

    void settled() {
        settled = true;
    }

    void connectionLost() {
        boards.values().forEach(b -> b.readings.values().forEach(TopicCheck::connectionLost));
    }

    /** Files one message under its board and topic, and tells the listener. */
    void accept(BrokerEvents.Message m, VerifyListener listener) {
        for (int i = 0; i < readings.size(); i++) {
            Optional<BoardState> b = owner(readings.get(i), m);
            if (b.isPresent()) {
                int at = i;
                TopicCheck check = b.get().readings.computeIfAbsent(at, k -> check(at, m.topic()));
                listener.reading(check.accept(m.time(), m.payload(), m.retained()), check.counted(), plan.count());
                return;
            }
        }
        Optional<BoardState> b = status.flatMap(p -> owner(p, m));
        if (b.isPresent()) {
            String text = PayloadParser.text(m.payload());
            b.get().status = Optional.of(text.length() <= MAX_STATUS_CHARS ? text
                    : text.substring(0, MAX_STATUS_CHARS) + "…");
            listener.status(m.topic(), b.get().status.get(), m.retained());
            return;
        }
        b = diagnostics.flatMap(p -> owner(p, m));
        if (b.isPresent()) {
            b.get().report = m.payload();
            listener.document(DocumentResult.DIAGNOSTICS, m.topic(), m.retained());
            return;
        }
        Optional<String> id = discovery.flatMap(d -> d.boardOf(m.topic()));
        if (id.isPresent()) {
            Optional<BoardState> owner = known(TopicPattern.Board.of(id.get()), m);
            owner.ifPresent(o -> {
                if (m.payload().length == 0) {
                    o.discovery.remove(m.topic());
                } else {
                    o.discovery.put(m.topic(), m.payload());
                }
                listener.document(DocumentResult.DISCOVERY, m.topic(), m.retained());
            });
        }
    }

    private TopicCheck check(int at, String topic) {
        return new TopicCheck(plan.topics().get(at).withTopic(topic), plan, parser);
    }

    /** The board a message on this pattern's topic belongs to; empty when it is not this topic or not ours. */
    private Optional<BoardState> owner(TopicPattern p, BrokerEvents.Message m) {
        return p.match(m.topic()).flatMap(whose -> whose.isEmpty() ? Optional.of(board(null))
                : known(whose.get(), m));
    }

    /** The board's state, or empty when --board names others. */
    private Optional<BoardState> known(TopicPattern.Board who, BrokerEvents.Message m) {
        String k = key(who);
        if (!named.isEmpty() && !named.contains(k)) {
            if (ignored.size() < MAX_BOARDS) {
                ignored.add(k);
            }
            return Optional.empty();
        }
        if (!boards.containsKey(k) && boards.size() - (boards.containsKey(BoardState.SHARED) ? 1 : 0) >= MAX_BOARDS) {
            overflow++;
            return Optional.empty();
        }
        BoardState b = board(who);
        b.live |= !m.retained();
        return Optional.of(b);
    }

    private String key(TopicPattern.Board who) {
        return byId4 || who.id().isEmpty() ? who.id4() : who.id().get();
    }

    /** The state of this board (null: of the shared topics), made when first seen. */
    private BoardState board(TopicPattern.Board who) {
        if (who == null) {
            return boards.computeIfAbsent(BoardState.SHARED, BoardState::new);
        }
        BoardState b = boards.computeIfAbsent(key(who), BoardState::new);
        b.identify(who);
        return b;
    }

    private boolean counted(BoardState b) {
        if (b.shared()) {
            return true;
        }
        if (!named.isEmpty()) {
            return named.contains(b.key);
        }
        return b.live || b.online() || !livenessKnown;
    }

    /** Everything needed has arrived: the shared topics, every board counted, and enough of them. */
    boolean done() {
        if (!complete(board(null))) {
            return false;
        }
        int complete = 0;
        for (BoardState b : boards.values()) {
            if (!b.shared() && counted(b)) {
                if (!complete(b)) {
                    return false;
                }
                complete++;
            }
        }
        return !perBoard || complete >= plan.boards().atLeast();
    }

    private boolean complete(BoardState b) {
        Predicate<TopicPattern> mine = p -> p.perBoard() != b.shared();
        for (int i = 0; i < readings.size(); i++) {
            TopicCheck c = b.readings.get(i);
            if (mine.test(readings.get(i)) && (c == null || c.counted() < plan.count())) {
                return false;
            }
        }
        if (status.filter(mine).isPresent() && !b.online()) {
            return false;
        }
        if (diagnostics.filter(mine).isPresent() && b.report == null && !settled) {
            return false;
        }
        return b.shared() || discovery.isEmpty() || settled || !b.discovery.isEmpty();
    }

    /** The verdicts: what the boards share first, then each board counted, in the order they appeared. */
    List<BoardResult> results(Duration waited) {
        List<BoardResult> out = new ArrayList<>();
        BoardResult shared = result(board(null), waited);
        if (shared.checks() > 0) {
            out.add(shared);
        }
        boards.values().stream().filter(b -> !b.shared() && counted(b)).forEach(b -> out.add(result(b, waited)));
        boolean noBoard = out.stream().noneMatch(r -> r.board().isPresent());
        if (perBoard && noBoard) {
            out.add(nobody(waited));
        }
        return out;
    }

    private BoardResult result(BoardState b, Duration waited) {
        Predicate<TopicPattern> mine = p -> p.perBoard() != b.shared();
        List<TopicResult> topics = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            if (mine.test(readings.get(i))) {
                TopicCheck c = b.readings.get(i);
                topics.add((c != null ? c : check(i, shown(readings.get(i), b))).result(waited));
            }
        }
        Optional<StatusResult> s = status.filter(mine).map(p -> StatusResult.of(shown(p, b), b.status));
        Optional<DocumentResult> report = diagnostics.filter(mine).map(p -> report(shown(p, b), b));
        Optional<DocumentResult> ha = discovery.filter(d -> !b.shared()).map(d -> discovery(d, b));
        return new BoardResult(b.shared() ? Optional.empty() : Optional.of(b.name()), topics, s, report, ha);
    }

    /** The board's own topics when no board showed up at all: each fails, named by its setting. */
    private BoardResult nobody(Duration waited) {
        String why = "no board published on ";
        List<TopicResult> topics = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            if (readings.get(i).perBoard()) {
                topics.add(check(i, readings.get(i).template()).result(waited));
            }
        }
        Optional<StatusResult> s = status.filter(TopicPattern::perBoard).map(p -> new StatusResult(p.template(),
                Optional.empty(), false, why + p.filter()));
        Optional<DocumentResult> report = diagnostics.filter(TopicPattern::perBoard).map(p -> new DocumentResult(
                DocumentResult.DIAGNOSTICS, p.template(), false, why + p.filter()));
        Optional<DocumentResult> ha = discovery.map(d -> new DocumentResult(DocumentResult.DISCOVERY, String.join(
                " or ", d.filters()), false, "no board's discovery is retained on " + String.join(" or ",
                d.filters())));
        return new BoardResult(Optional.empty(), topics, s, report, ha);
    }

    private static String shown(TopicPattern p, BoardState b) {
        return b.shared() ? p.template() : p.shownFor(b.board());
    }

    private DocumentResult report(String topic, BoardState b) {
        if (b.report == null) {
            return new DocumentResult(DocumentResult.DIAGNOSTICS, topic, false, "no health report on " + topic
                    + ": is diagnostics_interval 0 in the board's settings, or its firmware older than picotool?");
        }
        Verdict v = DiagnosticsCheck.judge(b.report);
        return new DocumentResult(DocumentResult.DIAGNOSTICS, topic, v.passed(), v.reason());
    }

    private DocumentResult discovery(DiscoveryCheck d, BoardState b) {
        if (b.id.isEmpty()) {
            return new DocumentResult(DocumentResult.DISCOVERY, d.filters().get(0), false, "no discovery document "
                    + "names board …" + b.id4);
        }
        String id = b.id.get();
        String topic = b.discovery.isEmpty() ? d.where(id) : String.join(", ", b.discovery.keySet());
        Verdict v = d.judge(id, b.discovery);
        return new DocumentResult(DocumentResult.DISCOVERY, topic.length() > 120 ? d.where(id) : topic, v.passed(),
                v.reason());
    }

    /** What the run noticed besides the verdicts. */
    List<String> notes() {
        List<BoardState> seen = boards.values().stream().filter(b -> !b.shared()).toList();
        return RunNotes.of(seen.stream().filter(this::counted).toList(), seen.stream().filter(b -> !counted(b))
                .toList(), readings.stream().anyMatch(p -> !p.perBoard()), overflow, ignored.size());
    }
}
