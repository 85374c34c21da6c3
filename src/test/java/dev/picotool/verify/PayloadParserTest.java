package dev.picotool.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.config.PayloadFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadParserTest {
    final PayloadParser any = new PayloadParser(Optional.empty());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"23.1|23.1", "-4.0|-4.0", " 7 |7", "{\"value\": 23.1, \"unit\": \"°C\"}|23.1",
        "{\"value\": -1e1}|-10"})
    void readsPlainNumbersAndTheJsonObject(String payload, double value) {
        assertThat(any.parse(payload, "°C").value()).hasValue(value);
        assertThat(any.parse(payload, "°C").problem()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"abc|not a number", "NaN|not a number", "0x10|not a number",
        "''|empty payload",
        "{\"unit\": \"°C\"}|JSON has no \"value\"", "{\"value\": null}|\"value\" is null (the sensor read failed?)",
        "{\"value\": \"23\"}|\"value\" is not a number", "[1]|not a number",
        "{\"value\": 23.1, \"unit\": \"F\"}|unit is \"F\", expected \"°C\"", "1e309|not a finite number (too large "
            + "for a reading)", "{\"value\": 1e400}|\"value\" is not a finite number", "-Infinity|not a number",
        "{\"value\": 1, \"unit\": 5}|\"unit\" is not a string"})
    void saysWhatIsWrong(String payload, String problem) {
        PayloadParser.Parsed p = any.parse(payload, "°C");
        assertThat(p.value()).isEmpty();
        assertThat(p.problem()).isEqualTo(problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"value\": }", "{\"value\": 1,}", "{'value': 1}", "{\"value\": 01}",
        "{\"value\": NaN}", "{\"value\": 1} x", "{\"value\": 1, \"value\": 2}", "{\"value\": \"\\x\"}",
        "{\"value\": 1", "{\"value\": 1, \"a\": [[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]}"})
    void refusesJsonThatIsNotQuiteJson(String payload) {
        PayloadParser.Parsed p = any.parse(payload, "°C");
        assertThat(p.value()).as(payload).isEmpty();
        assertThat(p.problem()).as(payload).startsWith("invalid JSON: ");
    }

    @Test
    void aPayloadOverTheLimitIsNotParsedAtAll() {
        String nested = "{\"value\": 1, \"a\": " + "[".repeat(100_000);
        assertThat(any.parse(nested, "°C").problem()).isEqualTo("payload longer than 4096 bytes: not a reading");
        String justUnder = "{\"value\": 21.5, \"pad\": \"" + "x".repeat(4000) + "\"}";
        assertThat(any.parse(justUnder, "°C").value()).hasValue(21.5);
    }

    @Test
    void invalidUtf8IsNotANumber() {
        assertThat(any.parse(new byte[] {'2', (byte) 0xff, '1'}, "°C").problem()).isEqualTo("not a number");
        assertThat(any.parse(new byte[] {'{', '"', 'v', (byte) 0xc3, '"', ':', '1', '}'}, "°C").problem())
                .startsWith("invalid JSON: ");
    }

    @Test
    void aGivenFormatRefusesTheOther() {
        assertThat(new PayloadParser(Optional.of(PayloadFormat.JSON)).parse("23.1", "°C").problem())
                .startsWith("not a JSON object");
        assertThat(new PayloadParser(Optional.of(PayloadFormat.PLAIN)).parse("{\"value\": 1}", "°C").problem())
                .startsWith("JSON payload, but plain numbers were expected");
    }
}
