package dev.picotool.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadingRecorderTest {
    @TempDir
    Path dir;

    final Reading good = new Reading(Instant.parse("2025-01-01T12:00:00.250Z"), "pico/humidity/dht22", "45.5",
            OptionalDouble.of(45.5), "", false);
    final Reading bad = new Reading(Instant.parse("2025-01-01T12:00:10Z"), "pico/humidity/dht22",
            "say \"hi\", ok", OptionalDouble.empty(), "not a number", false);

    @Test
    void writesCsvWithQuotingAsReadingsArrive() throws Exception {
        Path csv = dir.resolve("readings.csv");
        try (ReadingRecorder r = ReadingRecorder.open(csv)) {
            r.reading(good, 1, 3);
            assertThat(Files.readAllLines(csv)).hasSize(2); // flushed at once: an interrupted run keeps it
            r.reading(bad, 2, 3);
        }
        assertThat(Files.readAllLines(csv)).containsExactly("time,topic,payload,value,retained,problem",
                "2025-01-01T12:00:00.250Z,pico/humidity/dht22,45.5,45.5,false,",
                "2025-01-01T12:00:10Z,pico/humidity/dht22,\"say \"\"hi\"\", ok\",,false,not a number");
    }

    @Test
    void writesJsonLinesForAJsonlFile() throws Exception {
        Path jsonl = dir.resolve("readings.jsonl");
        try (ReadingRecorder r = ReadingRecorder.open(jsonl)) {
            r.reading(good, 1, 3);
            r.reading(bad, 2, 3);
        }
        List<String> lines = Files.readAllLines(jsonl);
        assertThat(lines).hasSize(2);
        assertThat(Json.parse(lines.get(0))).isEqualTo(Map.of("time", "2025-01-01T12:00:00.250Z", "topic",
                "pico/humidity/dht22", "payload", "45.5", "value", 45.5, "retained", false, "problem", ""));
        assertThat(((Map<?, ?>) Json.parse(lines.get(1))).get("payload")).isEqualTo("say \"hi\", ok");
    }
}
