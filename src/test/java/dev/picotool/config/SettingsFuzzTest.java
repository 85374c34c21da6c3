package dev.picotool.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.picotool.PicoToolException;
import dev.picotool.testing.Configs;
import dev.picotool.testing.FakeSecrets;
import dev.picotool.testing.UnicodeStrings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile settings files and values: whatever comes in, the answer is a valid configuration or a ConfigException
 * (exit 3), never another exception, never a hang. A password put where no value is ever shown back (as a key, an
 * alias or tag name, an inline password, a variable name or path of a secret) is never repeated. Seeded: replay
 * with -Dunicode.seed=N.
 */
class SettingsFuzzTest {
    static final int CASES = 1500;
    static final String PASSWORD = "fuzz-secret-42";
    static final List<String> SYNTAX = List.of("", ":", ": ", "\n", "\n  ", "- ", "[", "]", "{", "}", ",", "&a ", "*a",
            "!!int ", "!!binary ", "!foo ", "? ", "---\n", "...\n", "|\n  ", ">\n  ", "'", "\"", "#", "%YAML 1.1\n",
            "<<: ", "\t", "\uFEFF", "~", "null", "0x1F", "1e400", "015", "12:30", "yes", "NO", "2024-01-01", "-1",
            "99999999999999999999", ".inf", ".nan");

    @TempDir
    Path dir;

    @Test
    void hostileFilesEndInAConfigOrAConfigError() {
        UnicodeStrings strings = new UnicodeStrings();
        Random random = new Random(strings.seed());
        List<String> keys = new java.util.ArrayList<>(Schema.fileKeys());
        keys.addAll(List.of("wifi", "mqtt", "topics", "sensor", "home_assistant", "wifi.password", "unknown"));
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int i = 0; i < CASES; i++) {
                StringBuilder doc = new StringBuilder();
                int lines = 1 + random.nextInt(8);
                for (int l = 0; l < lines; l++) {
                    String key = keys.get(random.nextInt(keys.size()));
                    String[] parts = key.split("\\.");
                    if (parts.length == 2 && random.nextBoolean()) {
                        doc.append(parts[0]).append(":\n  ").append(parts[1]);
                    } else {
                        doc.append(key);
                    }
                    doc.append(random.nextInt(4) == 0 ? SYNTAX.get(random.nextInt(SYNTAX.size())) : ": ");
                    boolean secretPlace = key.endsWith("password") || Schema.secretOf(key).isPresent();
                    doc.append(random.nextBoolean() ? strings.next(12) : SYNTAX.get(random.nextInt(SYNTAX.size())));
                    doc.append(secretPlace && random.nextBoolean() ? PASSWORD : "").append('\n');
                    if (random.nextInt(6) == 0) {
                        doc.append(List.of(PASSWORD + ": x", "x: *" + PASSWORD, "x: !" + PASSWORD + " y",
                                "'" + PASSWORD + "': 1").get(random.nextInt(4))).append('\n');
                    }
                }
                check(doc.toString(), "case " + i + " seed " + strings.seed());
            }
        });
    }

    private void check(String text, String replay) throws Exception {
        Path f = dir.resolve("fuzz.yaml");
        Files.write(f, text.getBytes(StandardCharsets.UTF_8));
        FakeSecrets secrets = new FakeSecrets().env("PW", PASSWORD).file("/pw", PASSWORD);
        boolean inAValue = false;
        try {
            RawSettings raw = YamlConfigLoader.load(f).overriddenBy(new RawSettings().put("wifi.password_env", "PW"));
            // A multi-line scalar can swallow the password's line into another setting's value, which messages
            // about that setting rightly show: only a password that stayed in a secret place must never appear.
            inAValue = raw.asMap().entrySet().stream().anyMatch(e -> Schema.secretOf(e.getKey()).isEmpty()
                    && e.getValue().text().contains(PASSWORD));
            Configs.validator(secrets).validate(raw);
            Configs.validator(secrets).validate(raw, Use.VERIFY);
        } catch (ConfigException e) {
            if (!inAValue) {
                assertThat(e.getMessage()).as(replay).doesNotContain(PASSWORD);
            }
            assertThat(e.getMessage()).as(replay).isNotBlank();
            assertThat(e.exitCode().code()).as(replay).isEqualTo(3);
        } catch (PicoToolException e) {
            assertThat(e.exitCode().code()).as(replay + ": " + e.getMessage()).isBetween(2, 6);
        }
    }

    @Test
    void hostileFlagValuesEndInAConfigOrAConfigError() {
        UnicodeStrings strings = new UnicodeStrings();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (Setting<?> s : Schema.ALL) {
                for (int i = 0; i < 40; i++) {
                    String value = i < SYNTAX.size() ? SYNTAX.get(i) : strings.next(40);
                    RawSettings raw = Configs.tutorialRaw().put(s.key(), value);
                    if (s.isSecret()) {
                        raw = Configs.tutorialRaw().put(s.key() + (i % 2 == 0 ? "_env" : "_file"), value + PASSWORD);
                    }
                    try {
                        Configs.validator(new FakeSecrets().env("PW", PASSWORD)).validate(raw);
                    } catch (ConfigException e) {
                        assertThat(e.exitCode().code()).isEqualTo(3);
                        if (s.isSecret()) {
                            assertThat(e.getMessage()).doesNotContain(PASSWORD);
                        }
                    }
                }
            }
        });
    }
}
