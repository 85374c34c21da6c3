package dev.picotool.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.testing.JsonDocs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReportTest {
    @Test
    @SuppressWarnings("unchecked")
    void parsesBackWithEveryTopicAndTheVerdict() {
        Map<String, Object> doc = (Map<String, Object>) JsonDocs.parse(JsonReport.render(Results.mixed()));

        assertThat(doc).containsEntry("passed", false).containsEntry("broker", "192.168.1.11:1883")
                .containsEntry("elapsed_s", 45.25).containsEntry("reconnects", 1.0).containsEntry("per_board", false);
        List<Map<String, Object>> boards = (List<Map<String, Object>>) doc.get("boards");
        assertThat(boards).singleElement().extracting(b -> b.get("board")).isNull();
        List<Map<String, Object>> topics = (List<Map<String, Object>>) boards.get(0).get("topics");
        assertThat(topics).extracting(t -> t.get("topic")).containsExactly("pico/temperature/internal",
                "pico/temperature/dht22");
        assertThat(topics.get(0)).containsEntry("passed", true).containsEntry("mean_interval_s", 10.0)
                .containsEntry("range", List.of(-20.0, 85.0));
        assertThat(topics.get(1)).containsEntry("passed", false).containsEntry("mean_interval_s", null)
                .containsEntry("count", 2.0).containsEntry("malformed", 1.0);
        assertThat((String) topics.get(1).get("reason")).contains("'<b>&\"x\u0001'");
        assertThat((Map<String, Object>) boards.get(0).get("status")).containsEntry("payload", "online");
        assertThat(boards.get(0)).containsEntry("diagnostics", null).containsEntry("discovery", null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void hugeValuesAreWrittenAsTheyAreNotAsLongMaxValue() {
        TopicExpectation any = TopicExpectation.explicit("t", java.util.Optional.empty());
        TopicResult huge = new TopicResult(any, 1, 1, 0, 0, 0, java.util.OptionalDouble.of(1e300),
                java.util.OptionalDouble.of(1e300), java.util.OptionalDouble.of(1e300), java.util.Optional.empty(),
                true, "1 reading");
        VerifyResult r = new VerifyResult("b:1883", java.time.Instant.EPOCH, java.time.Duration.ofSeconds(1),
                List.of(huge), java.util.Optional.empty(), 0);

        Map<String, Object> board = ((List<Map<String, Object>>) JsonDocs.object(JsonReport.render(r)).get("boards"))
                .get(0);
        Map<String, Object> topic = ((List<Map<String, Object>>) board.get("topics")).get(0);
        assertThat(topic).containsEntry("mean", 1e300).containsEntry("max", 1e300);
    }
}
