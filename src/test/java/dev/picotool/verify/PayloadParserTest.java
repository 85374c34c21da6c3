package dev.picotool.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.config.PayloadFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        "''|empty payload", "{\"value\": }|invalid JSON: unexpected '}' at character 11",
        "{\"unit\": \"°C\"}|JSON has no \"value\"", "{\"value\": null}|\"value\" is null (the sensor read failed?)",
        "{\"value\": \"23\"}|\"value\" is not a number", "[1]|not a number",
        "{\"value\": 23.1, \"unit\": \"F\"}|unit is \"F\", expected \"°C\"", "{\"value\": 1,}|invalid JSON: expected a "
            + "\"key\" at character 13"})
    void saysWhatIsWrong(String payload, String problem) {
        PayloadParser.Parsed p = any.parse(payload, "°C");
        assertThat(p.value()).isEmpty();
        assertThat(p.problem()).isEqualTo(problem);
    }

    @Test
    void aGivenFormatRefusesTheOther() {
        assertThat(new PayloadParser(Optional.of(PayloadFormat.JSON)).parse("23.1", "°C").problem())
                .startsWith("not a JSON object");
        assertThat(new PayloadParser(Optional.of(PayloadFormat.PLAIN)).parse("{\"value\": 1}", "°C").problem())
                .startsWith("JSON payload, but plain numbers were expected");
    }
}
