package dev.picotool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.config.PicoConfig;
import dev.picotool.render.DeviceFile;
import dev.picotool.render.FirmwareBundle;
import dev.picotool.render.FirmwareRenderer;
import dev.picotool.testing.Cli;
import dev.picotool.testing.Configs;
import dev.picotool.testing.FakeSecrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A user's own configuration, end to end on the virtual Pico against the embedded broker. */
class TestCommandTest {
    @TempDir
    Path dir;

    private Path yaml(String text) throws Exception {
        Path f = dir.resolve("picotool.yaml");
        Files.writeString(f, "wifi:\n  ssid: CI Net\n  password_env: PW\nmqtt:\n  broker: 192.168.1.11\n"
                + "interval: 2\n" + text);
        return f;
    }

    private Cli.Result test(Path config, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("test", "--config", config.toString(), "--report",
                "junit", dir.resolve("junit.xml").toString()));
        args.addAll(List.of(more));
        return Cli.run(new FakeSecrets().env("PW", "ci-secret-1"), args.toArray(String[]::new));
    }

    /** testcase name → failure message ("" when it passed). */
    private java.util.Map<String, String> junit() throws Exception {
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("junit.xml")
                .toFile());
        java.util.Map<String, String> cases = new java.util.LinkedHashMap<>();
        NodeList list = d.getElementsByTagName("testcase");
        for (int i = 0; i < list.getLength(); i++) {
            Element tc = (Element) list.item(i);
            NodeList failure = tc.getElementsByTagName("failure");
            cases.put(tc.getAttribute("name"), failure.getLength() == 0 ? ""
                    : ((Element) failure.item(0)).getAttribute("message"));
        }
        return cases;
    }

    @Test
    void customTopicsJsonPayloadAndDht11PassWithATestCasePerTopic() throws Exception {
        Cli.Result r = test(yaml("topics:\n  internal: lab/cpu\n  temperature: lab/t\n  humidity: lab/h\n"
                + "  status: lab/state\nsensor:\n  type: dht11\n  pin: GP16\npayload: json\n"));
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("the broker 192.168.1.11:1883 is replaced by an embedded broker on this "
                + "computer for the test", "simulated access point 'CI Net'", "{\"value\": ")
                .containsPattern("lab/t +2/2 .* PASS .* in 0…50 °C");
        assertThat(r.out()).containsPattern("homeassistant/device/[0-9a-f]{16}/config +\\(Home Assistant "
                + "discovery\\) +PASS +device document, 6 sensors on lab/t, lab/h, lab/cpu, ");
        java.util.Map<String, String> cases = junit();
        assertThat(cases).hasSize(6).containsEntry("lab/cpu", "").containsEntry("lab/t", "").containsEntry("lab/h", "")
                .containsEntry("lab/state", "");
        assertThat(cases.keySet()).anySatisfy(k -> assertThat(k).matches("homeassistant/device/[0-9a-f]{16}/config"))
                .anySatisfy(k -> assertThat(k).matches("pico/[0-9a-f]{16}/diagnostics"));
        assertThat(cases.values()).containsOnly("");
    }

    @Test
    void withoutASensorOnlyTheInternalTemperatureIsChecked() throws Exception {
        Cli.Result r = test(yaml("sensor:\n  type: none\n"));
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(junit().keySet()).hasSize(4).contains("pico/temperature/internal")
                .anySatisfy(k -> assertThat(k).matches("pico/[0-9a-f]{16}/status"))
                .anySatisfy(k -> assertThat(k).matches("homeassistant/device/[0-9a-f]{16}/config"));
        assertThat(junit().values()).containsOnly("");
    }

    @Test
    void homeAssistantDiscoveryOffPasses() throws Exception {
        Cli.Result r = test(yaml("home_assistant:\n  discovery: false\n"));
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).doesNotContain("discovery published");
        assertThat(junit().keySet()).hasSize(5).contains("pico/temperature/internal", "pico/temperature/dht22",
                "pico/humidity/dht22").anySatisfy(k -> assertThat(k).matches("pico/[0-9a-f]{16}/status"))
                .anySatisfy(k -> assertThat(k).matches("pico/[0-9a-f]{16}/diagnostics"))
                .noneSatisfy(k -> assertThat(k).startsWith("homeassistant/"));
    }

    /**
     * The discovery check is its own test case (it passes with the firmware as it is: see the tests above), and fails
     * when the document points elsewhere (a firmware whose hadiscovery.py names other state topics, as an old or
     * broken one might).
     */
    @Test
    void homeAssistantDiscoveryIsATestCaseThatFailsWhenTheDocumentPointsElsewhere() throws Exception {
        Path config = yaml("payload: json\n");
        FirmwareRenderer elsewhere = new FirmwareRenderer("0.1.0") {
            @Override
            public FirmwareBundle render(PicoConfig c) {
                return new FirmwareBundle(super.render(c).files().stream().map(f -> !f.name().equals(
                        "hadiscovery.py") ? f : DeviceFile.text(f.name(), new String(f.content(),
                        StandardCharsets.UTF_8).replace("'stat_t': topic,", "'stat_t': topic + '/old',"))).toList());
            }
        };
        Cli.Result bad = Cli.run(new Services(Configs.validator(new FakeSecrets().env("PW", "ci-secret-1")),
                elsewhere), "test", "--config", config.toString(), "--count", "1", "--report", "junit",
                dir.resolve("junit.xml").toString());
        assertThat(bad.exitCode()).as(bad.out() + bad.err()).isEqualTo(6);
        assertThat(junit()).anySatisfy((name, failure) -> {
            assertThat(name).matches("homeassistant/device/[0-9a-f]{16}/config");
            assertThat(failure).startsWith("no sensor reads pico/temperature/internal; no sensor reads "
                    + "pico/temperature/dht22;");
        });
        assertThat(junit()).containsEntry("pico/temperature/internal", "");
    }

    @Test
    void anAbsentSensorFailsWithExit6AndATestCaseNamingTheTopic() throws Exception {
        Cli.Result r = test(yaml(""), "--simulate", "absent-sensor", "--count", "1");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(6);
        assertThat(junit().get("pico/temperature/dht22")).startsWith("no readings");
        assertThat(junit().get("pico/temperature/internal")).isEmpty();
    }

    @Test
    void aBoardThatCannotJoinStillWritesItsReport() throws Exception {
        Cli.Result r = test(yaml(""), "--simulate", "wifi-down", "--count", "1");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(4);
        assertThat(junit().values()).allSatisfy(m -> assertThat(m).startsWith("the board did not connect: [wifi] "
                + "FAILED"));
    }
}
