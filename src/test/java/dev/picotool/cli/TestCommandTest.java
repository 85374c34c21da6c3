package dev.picotool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.testing.Cli;
import dev.picotool.testing.FakeSecrets;
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
        assertThat(junit()).containsExactly(java.util.Map.entry("lab/cpu", ""), java.util.Map.entry("lab/t", ""),
                java.util.Map.entry("lab/h", ""), java.util.Map.entry("lab/state", ""));
    }

    @Test
    void withoutASensorOnlyTheInternalTemperatureIsChecked() throws Exception {
        Cli.Result r = test(yaml("sensor:\n  type: none\n"));
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(junit().keySet()).hasSize(2).contains("pico/temperature/internal")
                .anySatisfy(k -> assertThat(k).matches("pico/[0-9a-f]{16}/status"));
    }

    @Test
    void homeAssistantDiscoveryOffPasses() throws Exception {
        Cli.Result r = test(yaml("home_assistant:\n  discovery: false\n"));
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).doesNotContain("discovery published");
        assertThat(junit().keySet()).hasSize(4).contains("pico/temperature/internal", "pico/temperature/dht22",
                "pico/humidity/dht22").anySatisfy(k -> assertThat(k).matches("pico/[0-9a-f]{16}/status"));
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
