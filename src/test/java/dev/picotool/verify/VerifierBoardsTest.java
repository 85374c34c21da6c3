package dev.picotool.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Several boards in one run, told apart by the {@code {id}} in their topics, with their health reports and Home
 * Assistant discovery: a scripted broker and a fake clock, so every timing is exact.
 */
class VerifierBoardsTest {
    static final String A = "e6614103e7a1b2c3";
    static final String B = "e66141040b0c0d0e";
    static final String C = "0123456789abcdef";
    static final Duration FAST = VerifierTest.FAST;
    static final String REPORT = DiagnosticsCheckTest.REPORT;

    final FakeClock clock = new FakeClock(VerifierTest.T0);
    final ScriptedEvents broker = new ScriptedEvents(clock);
    final EventLog log = new EventLog();

    VerifyResult run(VerifyPlan plan) {
        return new Verifier(clock, (conn, c) -> broker).run(VerifierTest.BROKER, plan, log);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Each board's own internal-temperature topic and status, 2 readings needed. */
    static VerifyPlan perBoard(Duration timeout) {
        return new VerifyPlan(List.of(TopicExpectation.internal("pico/{id}/internal")), 2, FAST, timeout,
                Optional.of("pico/{id}/status"), Optional.empty());
    }

    ScriptedEvents board(String id, double from) {
        return broker.message(from, "pico/" + id + "/status", bytes("online"), true)
                .every(from + 0.1, 0.2, 5, "pico/" + id + "/internal", "21.5");
    }

    @Test
    void twoBoardsOnTheirOwnTopicsGetTheirOwnRowsInOneRun() {
        board(A, 0);
        board(B, 0.05);

        VerifyResult r = run(perBoard(Duration.ofSeconds(5)));

        assertThat(r.passed()).as("%s", r).isTrue();
        assertThat(broker.subscribed).containsExactly("pico/+/internal", "pico/+/status");
        assertThat(broker.marker).isEmpty();
        assertThat(r.perBoard()).isTrue();
        assertThat(r.boards()).extracting(b -> b.board().orElseThrow()).containsExactly(A, B);
        assertThat(r.topics()).extracting(TopicResult::topic).containsExactly("pico/" + A + "/internal",
                "pico/" + B + "/internal");
        assertThat(r.statuses()).extracting(StatusResult::topic).containsExactly("pico/" + A + "/status",
                "pico/" + B + "/status");
        assertThat(r.elapsed()).isEqualTo(Duration.ofMillis(350)); // B's second reading at 0.35 s ends it
        List<String> table = HumanReport.lines(r);
        assertThat(table).contains("board " + A + ": PASS", "board " + B + ": PASS");
        assertThat(table.get(table.size() - 1)).isEqualTo("PASS: 2 of 2 boards passed (needed 1), 4 checks on "
                + "192.168.1.11:1883 in 0.4 s");
        assertThat(JUnitReport.render(r)).contains("classname=\"picotool-verify." + B + "\" name=\"pico/" + B
                + "/internal\"");
    }

    @Test
    void boardNamesRestrictTheRunAndEachNamedBoardMustPass() {
        board(A, 0);
        board(B, 0);

        VerifyResult r = run(perBoard(Duration.ofSeconds(2)).withBoards(new VerifyPlan.Boards(List.of(B, C), 1)));

        assertThat(r.passed()).isFalse();
        assertThat(r.boards()).extracting(b -> b.board().orElseThrow()).containsExactly(B, C);
        assertThat(r.boards().get(0).passed()).isTrue();
        assertThat(r.boards().get(1).failing()).containsExactly("pico/" + C + "/internal", "pico/" + C + "/status");
        assertThat(r.boards().get(1).topics().get(0).reason()).startsWith("no readings in 2 s");
        assertThat(r.notes()).containsExactly("ignored 1 board not named with --board");
        assertThat(log.lines).noneMatch(l -> l.contains(A));
    }

    @Test
    void atLeastTwoBoardsWaitsForTheSecond() {
        board(A, 0);
        VerifyResult one = run(perBoard(Duration.ofSeconds(3)).withBoards(new VerifyPlan.Boards(List.of(), 2)));
        assertThat(one.passed()).isFalse();
        assertThat(one.elapsed()).isEqualTo(Duration.ofSeconds(3));
        assertThat(one.failing()).containsExactly("1 of 2 boards needed");
        assertThat(JUnitReport.render(one)).contains("name=\"boards\"", "1 of 1 board passed (needed 2)");
    }

    @Test
    void atLeastTwoBoardsPassesWhenTheSecondComesLater() {
        board(A, 0);
        board(B, 1.0);
        VerifyResult two = run(perBoard(Duration.ofSeconds(3)).withBoards(new VerifyPlan.Boards(List.of(), 2)));
        assertThat(two.passed()).as("%s", two).isTrue();
        assertThat(two.elapsed()).isEqualTo(Duration.ofMillis(1300));
    }

    @Test
    void sharedReadingTopicsWithSeveralBoardsAreKeyedByTopicAndSaidSo() {
        broker.message(0, "pico/" + A + "/status", bytes("online"), true)
                .message(0, "pico/" + B + "/status", bytes("online"), true)
                .every(0.1, 0.2, 5, VerifierTest.INTERNAL, "21.5").every(0.15, 0.2, 5, VerifierTest.INTERNAL, "22.0");
        VerifyPlan plan = new VerifyPlan(List.of(TopicExpectation.internal(VerifierTest.INTERNAL)), 3,
                Duration.ofSeconds(1), Duration.ofSeconds(5), Optional.of("pico/{id}/status"), Optional.empty());

        VerifyResult r = run(plan);

        assertThat(r.boards()).extracting(BoardResult::board).containsExactly(Optional.empty(), Optional.of(A),
                Optional.of(B));
        assertThat(r.topics()).singleElement().extracting(TopicResult::topic).isEqualTo(VerifierTest.INTERNAL);
        assertThat(r.topics().get(0).reason()).contains("much shorter than the 1 s interval");
        assertThat(r.notes()).singleElement().asString().startsWith("2 boards are running (" + A + ", " + B + "), but "
                + "the reading topics hold no {id}");
        assertThat(r.passed()).isFalse();
    }

    @Test
    void aBoardSeenOnlyInOldRetainedMessagesIsNotedNotCounted() {
        broker.message(0, "pico/" + C + "/status", bytes("offline"), true);
        board(A, 0);

        VerifyResult r = run(perBoard(Duration.ofSeconds(5)));

        assertThat(r.passed()).as("%s", r).isTrue();
        assertThat(r.boards()).extracting(b -> b.board().orElseThrow()).containsExactly(A);
        assertThat(r.notes()).containsExactly("not counted, seen only in messages the broker kept from before (not "
                + "running now?): " + C + " (status 'offline')");
    }

    @Test
    void withNoBoardAtAllEveryTopicFailsByItsSetting() {
        VerifyResult r = run(perBoard(Duration.ofSeconds(1)));

        assertThat(r.passed()).isFalse();
        assertThat(r.boards()).singleElement().extracting(BoardResult::board).isEqualTo(Optional.empty());
        assertThat(r.failing()).containsExactly("pico/{id}/internal", "pico/{id}/status", "0 of 1 boards needed");
        assertThat(r.statuses().get(0).reason()).isEqualTo("no board published on pico/+/status");
    }

    /** A broker sending ever new board ids (hostile, or a script gone wrong) does not fill the memory. */
    @Test
    void aFloodOfBoardIdsIsCappedAndSaidSo() {
        for (int i = 0; i < RunState.MAX_BOARDS + 500; i++) {
            broker.message(0.001 * i, "pico/" + String.format("%016x", i) + "/status", bytes("online"), false);
        }

        VerifyResult r = run(perBoard(Duration.ofSeconds(2)));

        assertThat(r.boards()).hasSize(RunState.MAX_BOARDS);
        assertThat(r.notes()).contains("more than " + RunState.MAX_BOARDS + " boards: 500 messages of further boards "
                + "left aside");
        assertThat(r.passed()).isFalse();
    }

    @Test
    void boardsKnownOnlyByTheirLastFourDigitsAreJoinedUp() {
        broker.message(0, "pico/" + A + "/status", bytes("online"), true)
                .every(0.1, 0.2, 3, "cpu-b2c3/t", "21.5");
        VerifyPlan plan = new VerifyPlan(List.of(TopicExpectation.internal("cpu-{id4}/t")), 2, FAST,
                Duration.ofSeconds(5), Optional.of("pico/{id}/status"), Optional.empty());

        VerifyResult r = run(plan);

        assertThat(r.passed()).as("%s", r).isTrue();
        assertThat(r.boards()).singleElement().extracting(b -> b.board().orElseThrow()).isEqualTo(A);
        assertThat(broker.subscribed).containsExactly("+/t", "pico/+/status");
    }

    @Test
    void theHealthReportIsJudgedPerBoardAndAMissingOneSettlesWithTheMarker() {
        board(A, 0).message(0, "pico/" + A + "/diagnostics", bytes(REPORT), true);
        board(B, 0).message(0, "pico/" + B + "/diagnostics", bytes(REPORT.replace("-48", "12")), true);
        board(C, 0);
        broker.settled(0.01);

        VerifyResult r = run(perBoard(Duration.ofSeconds(30)).withDiagnostics("pico/{id}/diagnostics"));

        assertThat(broker.marker).get().asString().startsWith(Verifier.MARKER_PREFIX);
        assertThat(broker.subscribed).contains("pico/+/diagnostics");
        assertThat(r.elapsed()).isEqualTo(Duration.ofMillis(300)); // all done with the readings: no timeout
        assertThat(r.boards()).extracting(b -> b.diagnostics().orElseThrow().passed()).containsExactly(true, false,
                false);
        assertThat(r.boards().get(0).diagnostics().orElseThrow().reason()).startsWith("up 3600 s, Wi-Fi -48 dBm");
        assertThat(r.boards().get(1).diagnostics().orElseThrow().reason()).startsWith("field 'rssi_dbm' is 12");
        assertThat(r.boards().get(2).diagnostics().orElseThrow().reason()).startsWith("no health report on pico/" + C
                + "/diagnostics");
        assertThat(r.passed()).isTrue(); // one board passing is enough by default
        assertThat(log.lines).contains("document diagnostics pico/" + A + "/diagnostics");
    }

    @Test
    void withoutTheMarkerAMissingReportWaitsUntilTheTimeout() {
        board(A, 0);

        VerifyResult r = run(perBoard(Duration.ofSeconds(4)).withDiagnostics("pico/{id}/diagnostics"));

        assertThat(r.elapsed()).isEqualTo(Duration.ofSeconds(4));
        assertThat(r.passed()).isFalse();
    }

    /** The firmware's device document with only its internal-temperature sensor, for a plan of that topic. */
    static String internalOnly(String stateTopic) {
        com.fasterxml.jackson.databind.node.ObjectNode doc = DiscoveryCheckTest.resource("discovery-device.json");
        com.fasterxml.jackson.databind.node.ObjectNode cmps = (com.fasterxml.jackson.databind.node.ObjectNode)
                doc.get("cmps");
        cmps.retain("internal");
        ((com.fasterxml.jackson.databind.node.ObjectNode) cmps.get("internal")).put("stat_t", stateTopic)
                .put("exp_aft", 1); // three of the plan's 0.2 s intervals, rounded up
        return doc.toString();
    }

    VerifyResult discoveryRun(String document) {
        broker.message(0, "homeassistant/device/" + A + "/config", bytes(document), true).settled(0.01)
                .message(0.02, "pico/" + A + "/status", bytes("online"), true)
                .every(0.1, 0.2, 3, "pico/temperature/internal", "21.5");
        return run(new VerifyPlan(List.of(TopicExpectation.internal("pico/temperature/internal")), 2, FAST,
                Duration.ofSeconds(5), Optional.of("pico/{id}/status"), Optional.empty())
                .withDiscovery(new VerifyPlan.Discovery("homeassistant", Optional.of("device"), "pico/{id}/status",
                        Optional.empty(), Optional.empty())));
    }

    @Test
    void discoveryIsJudgedPerBoardAgainstItsTopics() {
        VerifyResult r = discoveryRun(internalOnly("pico/temperature/internal"));

        assertThat(r.passed()).as("%s", r).isTrue();
        assertThat(broker.subscribed).containsExactly("pico/temperature/internal", "pico/+/status",
                "homeassistant/device/+/config", "homeassistant/sensor/+/config");
        assertThat(r.elapsed()).isEqualTo(Duration.ofMillis(300));
        DocumentResult d = r.boards().get(1).discovery().orElseThrow();
        assertThat(d.topic()).isEqualTo("homeassistant/device/" + A + "/config");
        assertThat(d.reason()).isEqualTo("device document, 1 sensor on pico/temperature/internal");
        assertThat(JUnitReport.render(r)).contains("name=\"homeassistant/device/" + A + "/config\"");
    }

    @Test
    void aDiscoveryDocumentThatPointsElsewhereFails() {
        VerifyResult r = discoveryRun(internalOnly("pico/temperature/elsewhere"));

        assertThat(r.passed()).isFalse();
        assertThat(r.boards().get(1).discovery().orElseThrow().reason()).isEqualTo("no sensor reads "
                + "pico/temperature/internal; component 'internal' reads 'pico/temperature/elsewhere', which is none "
                + "of this board's topics (pico/temperature/internal)");
        assertThat(r.failing()).containsExactly("homeassistant/device/" + A + "/config", "0 of 1 boards needed");
        assertThat(JUnitReport.render(r)).contains("type=\"discovery\"");
    }

    @Test
    void aDiscoveryDocumentClearedWhileListeningCountsAsGone() {
        broker.message(0, "homeassistant/device/" + A + "/config", bytes("{}"), true)
                .message(0.05, "homeassistant/device/" + A + "/config", new byte[0], false).settled(0.06)
                .message(0.07, "pico/" + A + "/status", bytes("online"), true);
        VerifyPlan plan = new VerifyPlan(List.of(TopicExpectation.internal("pico/{id}/internal")), 1, FAST,
                Duration.ofSeconds(1), Optional.of("pico/{id}/status"), Optional.empty())
                .withDiscovery(new VerifyPlan.Discovery("homeassistant", Optional.empty(), "pico/{id}/status",
                        Optional.empty(), Optional.empty()));

        VerifyResult r = run(plan);

        assertThat(r.boards().get(0).discovery().orElseThrow().reason()).startsWith("no discovery document retained");
        assertThat(r.elapsed()).isEqualTo(Duration.ofSeconds(1));
    }
}
