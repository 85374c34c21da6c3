package dev.picotool.config;

import static dev.picotool.config.ConfigValidatorTest.base;
import static dev.picotool.config.ConfigValidatorTest.invalid;
import static dev.picotool.config.ConfigValidatorTest.validate;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The settings of the board's life on a shelf (DeviceSettings, CalibrationSettings), its identity (placeholders in
 * TopicSettings and the device name) and Home Assistant's discovery mode.
 */
class RealWorldSettingsTest {
    @Test
    void defaults() {
        PicoConfig c = validate(base());
        assertThat(c.get(TopicSettings.STATUS)).isEqualTo("pico/{id}/status");
        assertThat(c.get(TopicSettings.DIAGNOSTICS)).isEqualTo("pico/{id}/diagnostics");
        assertThat(c.get(HomeAssistantSettings.DEVICE_NAME)).isEqualTo("Pico W {id4}");
        assertThat(c.get(HomeAssistantSettings.MODE)).isEqualTo(HomeAssistantSettings.Mode.DEVICE);
        assertThat(c.get(DeviceSettings.WATCHDOG)).isEqualByComparingTo("8");
        assertThat(c.get(DeviceSettings.LED)).isEqualTo(DeviceSettings.Led.ON);
        assertThat(c.get(DeviceSettings.DIAGNOSTICS_INTERVAL)).isEqualTo(60);
        assertThat(c.get(CalibrationSettings.TEMPERATURE)).isEqualByComparingTo("0");
        assertThat(c.get(CalibrationSettings.HUMIDITY)).isEqualByComparingTo("0");
        assertThat(c.get(CalibrationSettings.INTERNAL)).isEqualByComparingTo("0");
    }

    @Test
    void settingsPyConstants() {
        var groups = Schema.firmwareConstants(validate(base().put("watchdog", "0").put("led", "off")
                .put("calibration.temperature_offset", "-1.25").put("calibration.humidity_offset", "+3")
                .put("home_assistant.mode", "component").put("diagnostics_interval", "0")));
        assertThat(groups.get("Device")).containsEntry("WATCHDOG_MS", 0).containsEntry("STATUS_LED", false)
                .containsEntry("DIAGNOSTICS_INTERVAL_S", 0);
        assertThat(groups.get("Calibration (added on the board before publishing)"))
                .containsEntry("TEMPERATURE_OFFSET", new BigDecimal("-1.25"))
                .containsEntry("HUMIDITY_OFFSET", new BigDecimal("3"));
        assertThat(groups.get("Home Assistant")).containsEntry("HA_DISCOVERY_MODE", "component");
        assertThat(Schema.firmwareConstants(validate(base().put("watchdog", "8.388"))).get("Device"))
                .containsEntry("WATCHDOG_MS", 8388);
    }

    @Test
    void placeholdersInTopicsAndName() {
        PicoConfig c = validate(base().put("topics.internal", "home/{name}/cpu").put("device_name", "Lab {id4}")
                .put("topics.status", "pico-{id4}/state"));
        assertThat(c.get(TopicSettings.INTERNAL)).isEqualTo("home/{name}/cpu");
        assertThat(c.get(HomeAssistantSettings.DEVICE_NAME)).isEqualTo("Lab {id4}");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
        topics.status              | pico/{board}/status   | topics.status: has '{board}', which is not a placeholder picotool knows. Fix: use only {id}, {id4}, {name}
        topics.status              | pico/{id/status       | topics.status: has a lone '{'
        device_name                | Pico {name}           | device_name: has '{name}', which is not a placeholder picotool knows. Fix: use only {id}, {id4}
        home_assistant.prefix      | ha/{id}               | home_assistant.prefix: 'ha/{id}' contains {id}: placeholders are filled in by the board and are not allowed here
        watchdog                   | 3                     | watchdog: 3 s is too short for the board's longest step (a TLS handshake or a network timeout). Fix: use 0 (off) or 4 to 8.388 seconds
        watchdog                   | 9                     | watchdog: 9 s is longer than the RP2040's watchdog can wait (8.388 s). Fix: use 0 (off) or 4 to 8.388 seconds
        watchdog                   | 61                    | watchdog: 61 is out of range
        watchdog                   | -1                    | watchdog: -1 is out of range
        watchdog                   | 8.3881                | watchdog: '8.3881' is not a number
        led                        | blink                 | led: 'blink' is not one of on, off
        diagnostics_interval       | 5                     | diagnostics_interval: 5 s is too often. Fix: use 0 (off) or 10 to 86400 seconds
        calibration.temperature_offset | 11            | calibration.temperature_offset: 11 is out of range. Fix: use a value from -10 to 10 °C
        calibration.humidity_offset    | 1e1           | calibration.humidity_offset: '1e1' is not a number
        calibration.humidity_offset    | nan           | calibration.humidity_offset: 'nan' is not a number
        home_assistant.mode        | entity                | home_assistant.mode: 'entity' is not one of device, component
        """)
    void invalidValues(String field, String value, String message) {
        ConfigException e = invalid(base().put(field, value));
        assertThat(e.errors()).hasSize(1);
        assertThat(e.errors().get(0).toString()).startsWith(message);
    }

    @Test
    void topicLengthCountsTheBoardIdAndTheName() {
        String topic = "a".repeat(240) + "/{id}";  // 241 + 16 = 257 bytes on the board
        assertThat(invalid(base().put("topics.status", topic)).getMessage())
                .contains("topics.status: is 257 bytes on the board; picotool allows 256");
        String named = "a".repeat(200) + "/{name}";
        assertThat(invalid(base().put("topics.status", named).put("device_name", "b".repeat(60))).getMessage())
                .contains("topics.status: is 261 bytes once {name} is filled in");
    }

    @Test
    void aNameUsedInTopicsMustNotChangeTheirLevels() {
        ConfigException e = invalid(base().put("topics.status", "home/{name}/status").put("device_name", "Lab #1"));
        assertThat(e.getMessage()).contains("topics.status: uses {name}, but the device name 'Lab #1' contains /, + "
                + "or #");
        validate(base().put("device_name", "Lab #1"));  // fine where no topic uses it
    }

    @Test
    void theOneNameCountsTheIdAsSixteenCharacters() {
        validate(base().put("device_name", "n".repeat(48) + "{id}"));
        assertThat(invalid(base().put("device_name", "n".repeat(49) + "{id}")).getMessage())
                .contains("device_name: must be 1 to 64 characters (with {id} as 16)");
    }

    @Test
    void theWatchdogLimitIsTheChipsFromTheBoardData() {
        var pico2 = dev.picotool.testing.Configs.validator(new dev.picotool.testing.FakeSecrets().env("PW",
                "secretpass")).forBoard(dev.picotool.board.Boards.get(dev.picotool.board.BoardId.PICO2_W));
        assertThat(pico2.validate(dev.picotool.testing.Configs.tutorialRaw().put("watchdog", "16"))
                .get(DeviceSettings.WATCHDOG)).isEqualByComparingTo("16");
    }
}
