package dev.picotool.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReportTest {
    @Test
    @SuppressWarnings("unchecked")
    void parsesBackWithEveryTopicAndTheVerdict() {
        Map<String, Object> doc = (Map<String, Object>) Json.parse(JsonReport.render(Results.mixed()));

        assertThat(doc).containsEntry("passed", false).containsEntry("broker", "192.168.1.11:1883")
                .containsEntry("elapsed_s", 45.25).containsEntry("reconnects", 1.0);
        List<Map<String, Object>> topics = (List<Map<String, Object>>) doc.get("topics");
        assertThat(topics).extracting(t -> t.get("topic")).containsExactly("pico/temperature/internal",
                "pico/temperature/dht22");
        assertThat(topics.get(0)).containsEntry("passed", true).containsEntry("mean_interval_s", 10.0)
                .containsEntry("range", List.of(-20.0, 85.0));
        assertThat(topics.get(1)).containsEntry("passed", false).containsEntry("mean_interval_s", null)
                .containsEntry("count", 2.0).containsEntry("malformed", 1.0);
        assertThat((String) topics.get(1).get("reason")).contains("'<b>&\"x\u0001'");
        assertThat((Map<String, Object>) doc.get("status")).containsEntry("payload", "online");
    }
}
