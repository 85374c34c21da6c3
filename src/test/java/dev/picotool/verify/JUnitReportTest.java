package dev.picotool.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitReportTest {
    @Test
    void isWellFormedAndCarriesTheFailures() throws Exception {
        String xml = JUnitReport.render(Results.mixed());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

        Element suite = doc.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("picotool-verify");
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("time")).isEqualTo("45.250");
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(3);
        assertThat(((Element) cases.item(0)).getAttribute("name")).isEqualTo("pico/temperature/internal");
        assertThat(((Element) cases.item(0)).getElementsByTagName("failure").getLength()).isZero();
        Element failure = (Element) ((Element) cases.item(1)).getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).startsWith("only 2 of 3 readings in 45 s")
                .contains("'<b>&\"x\uFFFD'");
        assertThat(failure.getTextContent()).startsWith("2 of 3 readings; only 2 of 3");
        assertThat(((Element) cases.item(2)).getAttribute("name")).isEqualTo("pico/status");
    }
}
