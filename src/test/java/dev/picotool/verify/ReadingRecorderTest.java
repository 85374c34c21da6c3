package dev.picotool.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.testing.JsonDocs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadingRecorderTest {
    @TempDir
    Path dir;

    final Reading good = new Reading(Instant.parse("2025-01-01T12:00:00.250Z"), "pico/humidity/dht22", "45.5",
            OptionalDouble.of(45.5), "", false);
    final Reading bad = new Reading(Instant.parse("2025-01-01T12:00:10Z"), "pico/humidity/dht22",
            "say \"hi\", ok", OptionalDouble.empty(), "not a number", false);

    ReadingRecorder open(Path file) {
        return ReadingRecorder.open(OutputFile.prepare(file, "--record"));
    }

    @Test
    void writesCsvWithQuotingAndPutsTheFileInPlaceWhenFinished() throws Exception {
        Path csv = dir.resolve("readings.csv");
        try (ReadingRecorder r = open(csv)) {
            r.reading(good, 1, 3);
            assertThat(csv).doesNotExist(); // written next to it first: the file appears whole
            assertThat(partials()).hasSize(1).allSatisfy(p -> assertThat(p).hasContent(
                    "time,topic,payload,value,retained,problem\n"
                            + "2025-01-01T12:00:00.250Z,pico/humidity/dht22,45.5,45.5,false,"));
            r.reading(bad, 2, 3);
            r.finish();
        }
        assertThat(Files.readAllLines(csv)).containsExactly("time,topic,payload,value,retained,problem",
                "2025-01-01T12:00:00.250Z,pico/humidity/dht22,45.5,45.5,false,",
                "2025-01-01T12:00:10Z,pico/humidity/dht22,\"say \"\"hi\"\", ok\",,false,not a number");
        assertThat(partials()).isEmpty();
    }

    @Test
    void csvDefusesSpreadsheetFormulasAndControlCharactersButKeepsNegativeNumbers() throws Exception {
        Path csv = dir.resolve("hostile.csv");
        try (ReadingRecorder r = open(csv)) {
            r.reading(reading("=HYPERLINK(\"http://x\",\"click\")", "+1+cmd"), 1, 1);
            r.reading(reading("@SUM(A1)", "-3.5"), 1, 1);
            r.reading(reading("line\nPASS\u001b[2J", "\tTAB\r"), 1, 1);
            r.finish();
        }
        assertThat(Files.readAllLines(csv)).containsExactly("time,topic,payload,value,retained,problem",
                "2025-01-01T00:00:00Z,'+1+cmd,\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",,false,",
                "2025-01-01T00:00:00Z,-3.5,'@SUM(A1),,false,",
                "2025-01-01T00:00:00Z,\\tTAB\\r,line\\nPASS\\x1b[2J,,false,");
    }

    @Test
    void anUnfinishedRecordingLeavesTheTargetAlone() throws Exception {
        Path csv = dir.resolve("old.csv");
        Files.writeString(csv, "old\n");
        try (ReadingRecorder r = open(csv)) {
            r.reading(good, 1, 3);
        }
        assertThat(csv).hasContent("old");
        assertThat(partials()).isEmpty();
    }

    @Test
    void writesJsonLinesForAJsonlFile() throws Exception {
        Path jsonl = dir.resolve("readings.jsonl");
        try (ReadingRecorder r = open(jsonl)) {
            r.reading(good, 1, 3);
            r.reading(bad, 2, 3);
            r.reading(reading("\u001b[31mred", "t"), 3, 3);
            r.finish();
        }
        List<String> lines = Files.readAllLines(jsonl);
        assertThat(lines).hasSize(3);
        assertThat(JsonDocs.parse(lines.get(0))).isEqualTo(Map.of("time", "2025-01-01T12:00:00.250Z", "topic",
                "pico/humidity/dht22", "payload", "45.5", "value", 45.5, "retained", false, "problem", ""));
        assertThat(JsonDocs.object(lines.get(1)).get("payload")).isEqualTo("say \"hi\", ok");
        assertThat(lines.get(2)).contains("\\u001B[31mred");
        assertThat(JsonDocs.object(lines.get(2)).get("payload")).isEqualTo("\u001b[31mred");
    }

    static Reading reading(String payload, String topic) {
        return new Reading(Instant.parse("2025-01-01T00:00:00Z"), topic, payload, OptionalDouble.empty(), "", false);
    }

    List<Path> partials() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".partial")).toList();
        }
    }
}
