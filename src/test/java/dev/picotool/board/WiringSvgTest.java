package dev.picotool.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class WiringSvgTest {
    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> texts(Document d) {
        List<String> out = new ArrayList<>();
        NodeList n = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        for (int i = 0; i < n.getLength(); i++) {
            out.add(n.item(i).getTextContent());
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"pico_w, dht22, GP15, 3v3, 20", "pico_w, dht22, GP16, vbus, 21", "pico2_w, dht11, GP0, 3v3, 1",
        "pico, dht22, GP28, 3v3, 34", "pico2_w, dht22, 22, vbus, 29"})
    void wellFormedSvgNamingTheChosenPinWithOneWirePerConnectedLeg(String board, String sensor, String pin,
                                                                    String power, int physical) throws Exception {
        WiringPlan plan = WiringPlan.of(Boards.get(BoardId.parse(board)), SensorSpec.get(sensor), pin,
                SensorPower.parse(power));
        String svg = WiringSvg.render(plan);
        Document d = parse(svg);
        Element root = d.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("viewBox")).matches("0 0 960 \\d+");
        String name = plan.data().name();
        assertThat(d.getElementsByTagNameNS("*", "title").item(0).getTextContent())
                .contains("DATA on " + name + " (physical pin " + physical + ")");
        assertThat(texts(d)).contains(name, String.valueOf(physical), "2 DATA", "1 VCC", "4 GND", "3 NC")
                .anySatisfy(t -> assertThat(t).contains("DATA  \u2192  " + name + ", physical pin " + physical));
        NodeList lines = d.getElementsByTagNameNS("*", "polyline");
        List<String> colours = new ArrayList<>();
        for (int i = 0; i < lines.getLength(); i++) {
            String stroke = ((Element) lines.item(i)).getAttribute("stroke");
            if (!stroke.equals("#ffffff")) {
                colours.add(stroke);
            }
        }
        assertThat(colours).containsExactly(WiringSvg.VCC, WiringSvg.DATA, WiringSvg.GND);
        assertThat(texts(d)).anySatisfy(t -> assertThat(t).startsWith(power.equals("vbus") ? "RISK:" : "Power the "
                + "sensor from 3V3(OUT)"));
        assertThat(svg).isEqualTo(WiringSvg.render(plan)); // deterministic, so the committed diagram can be checked
    }
}
