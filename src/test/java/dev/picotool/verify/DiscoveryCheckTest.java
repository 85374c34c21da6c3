package dev.picotool.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A board's Home Assistant discovery judged against the keys Home Assistant knows and the board's topics. The
 * documents in src/test/resources/dev/picotool/verify are what firmware/hadiscovery.py publishes with the default
 * settings (made with tool/tests/test_firmware_hadiscovery.py's {@code publish()}).
 */
class DiscoveryCheckTest {
    static final String ID = "e6614103e7a1b2c3";
    static final String DEVICE_TOPIC = "homeassistant/device/" + ID + "/config";
    static final ObjectMapper JSON = new ObjectMapper();

    static final DiscoveryCheck CHECK = new DiscoveryCheck(new DiscoveryCheck.Expect("homeassistant", Optional.empty(),
            List.of(pattern("pico/temperature/internal"), pattern("pico/temperature/dht22"),
                    pattern("pico/humidity/dht22")), pattern("pico/{id}/status"),
            Optional.of(pattern("pico/{id}/diagnostics")), Duration.ofSeconds(10), Optional.of(Duration.ofSeconds(60))));

    static TopicPattern pattern(String t) {
        return TopicPattern.of(t, "Pico W {id4}");
    }

    static ObjectNode resource(String name) {
        try (InputStream in = DiscoveryCheckTest.class.getResourceAsStream(name)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Object node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The firmware's device document, changed by {@code edit}, judged. */
    static Verdict device(Consumer<ObjectNode> edit) {
        ObjectNode doc = resource("discovery-device.json");
        edit.accept(doc);
        return CHECK.judge(ID, Map.of(DEVICE_TOPIC, bytes(doc)));
    }

    static ObjectNode component(ObjectNode doc, String key) {
        return (ObjectNode) doc.get("cmps").get(key);
    }

    /** The firmware's per-sensor documents, the one on {@code topic} changed by {@code edit}. */
    static Verdict components(String key, Consumer<ObjectNode> edit) {
        Map<String, byte[]> docs = new LinkedHashMap<>();
        resource("discovery-components.json").fields().forEachRemaining(e -> {
            if (e.getKey().contains("_" + key + "/")) {
                edit.accept((ObjectNode) e.getValue());
            }
            docs.put(e.getKey(), bytes(e.getValue()));
        });
        return CHECK.judge(ID, docs);
    }

    @Test
    void theFirmwaresDocumentsPassInBothModes() {
        Verdict v = device(d -> { });
        assertThat(v.passed()).as(v.reason()).isTrue();
        assertThat(v.reason()).isEqualTo("device document, 6 sensors on pico/temperature/dht22, pico/humidity/dht22, "
                + "pico/temperature/internal, pico/" + ID + "/diagnostics");
        Verdict c = components("none", d -> { });
        assertThat(c.passed()).as(c.reason()).isTrue();
        assertThat(c.reason()).startsWith("per-sensor documents, 6 sensors on ");
        assertThat(CHECK.boardOf(DEVICE_TOPIC)).contains(ID);
        assertThat(CHECK.boardOf("homeassistant/sensor/" + ID + "_rssi/config")).contains(ID);
        assertThat(CHECK.boardOf("homeassistant/device/kitchen/config")).isEmpty();
    }

    @Test
    void aStateTopicThatPointsElsewhereFailsNamingTheSensor() {
        Verdict v = device(d -> component(d, "temperature").put("stat_t", "pico/temperature/elsewhere"));

        assertThat(v.passed()).isFalse();
        assertThat(v.reason()).contains("component 'temperature' reads 'pico/temperature/elsewhere', which is none of "
                + "this board's topics (pico/temperature/internal, pico/temperature/dht22, pico/humidity/dht22, pico/"
                + ID + "/diagnostics)").contains("no sensor reads pico/temperature/dht22");
        assertThat(components("humidity", d -> d.put("stat_t", "x")).reason()).contains("component 'humidity' reads "
                + "'x'");
    }

    @Test
    void availabilityMustBeTheBoardsStatusTopic() {
        assertThat(device(d -> d.put("avty_t", "pico/status")).reason()).contains("component 'temperature' does not "
                + "take its availability from the status topic pico/" + ID + "/status ('avty_t' is \"pico/status\")");
        assertThat(device(d -> d.remove("avty_t")).reason()).contains("('avty_t' is missing)");
        Verdict list = device(d -> {
            d.remove("avty_t");
            d.putArray("avty").addObject().put("t", "pico/" + ID + "/status");
        });
        assertThat(list.passed()).as(list.reason()).isTrue();
    }

    @Test
    void expireAfterIsAboutThreeIntervals() {
        assertThat(device(d -> component(d, "internal").remove("exp_aft")).reason()).isEqualTo("component 'internal' "
                + "has no expire_after: it would show its last value for ever after the board stops");
        assertThat(device(d -> component(d, "internal").put("exp_aft", 300)).reason()).isEqualTo("component "
                + "'internal': expire_after is 300 s, expected about 3 intervals of 10 s (30 s)");
        assertThat(device(d -> component(d, "uptime").put("exp_aft", 30)).reason()).contains("component 'uptime': "
                + "expire_after is 30 s, expected about 3 intervals of 60 s (180 s)");
        assertThat(device(d -> component(d, "internal").put("exp_aft", "30")).reason()).contains("expected whole "
                + "seconds");
        assertThat(device(d -> component(d, "internal").put("exp_aft", 33)).passed()).isTrue();
    }

    @Test
    void keysHomeAssistantDoesNotKnowAreNamed() {
        assertThat(device(d -> component(d, "humidity").set("stat_topic", component(d, "humidity").remove("stat_t")))
                .reason()).contains("component 'humidity' has the key 'stat_topic', which Home Assistant does not know",
                        "component 'humidity' has no state topic ('stat_t')");
        assertThat(device(d -> ((ObjectNode) d.get("dev")).put("serial", "1")).reason()).contains("the device "
                + "document's device has the key 'serial'");
        assertThat(device(d -> d.put("p", "sensor")).reason()).contains("the device document has the key 'p'");
    }

    @Test
    void fullNamesAndTheBaseTopicAreAccepted() {
        Verdict v = device(d -> {
            ObjectNode t = component(d, "temperature");
            t.set("state_topic", t.remove("stat_t"));
            t.set("unique_id", t.remove("uniq_id"));
            t.set("platform", t.remove("p"));
            d.put("~", "pico/temperature");
            component(d, "internal").put("stat_t", "~/internal");
            d.set("availability_topic", d.remove("avty_t"));
        });
        assertThat(v.passed()).as(v.reason()).isTrue();
    }

    @Test
    void originDeviceAndComponentsMustBeComplete() {
        assertThat(device(d -> d.remove("o")).reason()).contains("the device document has no origin ('o')");
        assertThat(device(d -> ((ObjectNode) d.get("o")).remove("name")).reason()).contains("origin ('o') has no name");
        assertThat(device(d -> ((ObjectNode) d.get("dev")).putArray("ids").add("someone-else")).reason())
                .contains("device identifiers ('ids') do not hold the board id " + ID);
        assertThat(device(d -> component(d, "rssi").remove("p")).reason()).contains("component 'rssi' has no "
                + "platform ('p')");
        assertThat(device(d -> component(d, "rssi").remove("uniq_id")).reason()).contains("component 'rssi' has no "
                + "unique id ('uniq_id')");
        assertThat(device(d -> d.remove("cmps")).reason()).startsWith("the device document has no components");
        assertThat(components("temperature", d -> d.remove("o")).reason()).contains("sensor 'temperature' has no "
                + "origin ('o')");
    }

    @Test
    void missingDocumentsBrokenJsonAndBothModesAreSaid() {
        assertThat(CHECK.judge(ID, Map.of()).reason()).isEqualTo("no discovery document retained on " + DEVICE_TOPIC
                + " or homeassistant/sensor/" + ID + "_…/config: is discovery on (--ha-discovery)?");
        assertThat(CHECK.judge(ID, Map.of(DEVICE_TOPIC, "{\"dev\": ".getBytes(StandardCharsets.UTF_8))).reason())
                .startsWith(DEVICE_TOPIC + ": invalid JSON");
        Map<String, byte[]> both = new LinkedHashMap<>();
        both.put(DEVICE_TOPIC, bytes(resource("discovery-device.json")));
        resource("discovery-components.json").fields().forEachRemaining(e -> both.put(e.getKey(),
                bytes(e.getValue())));
        assertThat(CHECK.judge(ID, both).reason()).startsWith("both a device document and per-sensor documents are "
                + "retained").contains("picotool ha remove --board " + ID);
        DiscoveryCheck component = new DiscoveryCheck(new DiscoveryCheck.Expect("homeassistant",
                Optional.of("component"), List.of(pattern("pico/temperature/internal")), pattern("pico/{id}/status"),
                Optional.empty(), Duration.ofSeconds(10), Optional.empty()));
        assertThat(component.judge(ID, Map.of(DEVICE_TOPIC, bytes(resource("discovery-device.json")))).reason())
                .contains("the settings say component mode, but no component document is retained");
    }
}
