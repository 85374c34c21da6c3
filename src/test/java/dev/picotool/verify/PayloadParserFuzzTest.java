package dev.picotool.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.picotool.config.PayloadFormat;
import dev.picotool.testing.UnicodeStrings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever a broker delivers (random bytes, hostile JSON, huge numbers), the parser answers a finite value or a
 * problem in words: never an exception, never a hang, never Infinity or NaN. Seeded: replay with -Dunicode.seed=N.
 */
class PayloadParserFuzzTest {
    static final List<String> PIECES = List.of("{", "}", "[", "]", "\"value\"", "\"unit\"", ":", ",", "1e309", "-0",
            "NaN", "Infinity", "null", "true", "\"°C\"", "\"%\"", "23.1", "1e-400", "\\u0000", "\"", "\\", "0x10",
            "99999999999999999999999999999", ".5", "5.", "+1", " ", "\n", "\uFEFF", "/*", "*/", "'", "\"value\": 1");

    @Test
    void anyPayloadIsAFiniteValueOrAProblem() {
        UnicodeStrings strings = new UnicodeStrings();
        Random random = new Random(strings.seed());
        List<PayloadParser> parsers = List.of(new PayloadParser(Optional.empty()),
                new PayloadParser(Optional.of(PayloadFormat.PLAIN)), new PayloadParser(Optional.of(PayloadFormat.JSON)));
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 20_000; i++) {
                byte[] payload;
                if (i % 3 == 0) {
                    payload = new byte[random.nextInt(64)];
                    random.nextBytes(payload);
                } else {
                    StringBuilder b = new StringBuilder();
                    for (int n = random.nextInt(12); n >= 0; n--) {
                        b.append(random.nextBoolean() ? PIECES.get(random.nextInt(PIECES.size())) : strings.next(6));
                    }
                    payload = b.toString().getBytes(StandardCharsets.UTF_8);
                }
                for (PayloadParser p : parsers) {
                    PayloadParser.Parsed r = p.parse(payload, random.nextBoolean() ? "°C" : "");
                    String replay = "case " + i + " seed " + strings.seed();
                    if (r.value().isPresent()) {
                        assertThat(Double.isFinite(r.value().getAsDouble())).as(replay).isTrue();
                    } else {
                        assertThat(r.problem()).as(replay).isNotBlank();
                    }
                }
            }
        });
    }

    @Test
    void deepOrHugePayloadsAreProblemsNotCrashes() {
        PayloadParser p = new PayloadParser(Optional.empty());
        assertThat(p.parse("[".repeat(100_000).getBytes(StandardCharsets.US_ASCII), "").value()).isEmpty();
        assertThat(p.parse("9".repeat(50_000_000).getBytes(StandardCharsets.US_ASCII), "").value()).isEmpty();
        assertThat(p.parse("{\"value\": 1e309}".getBytes(StandardCharsets.US_ASCII), "").value()).isEmpty();
    }
}
