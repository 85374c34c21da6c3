package dev.picotool.verify;

import java.io.StringWriter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The result as JUnit XML (one testsuite "picotool-verify", one testcase per topic), which CI systems show as
 * test results. Written with the JDK's StAX writer so that payload text is escaped properly.
 */
public final class JUnitReport {
    public static final String SUITE = "picotool-verify";

    private JUnitReport() {
    }

    public static String render(VerifyResult r) {
        StringWriter sw = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(sw);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", SUITE);
            int tests = r.topics().size() + (r.status().isPresent() ? 1 : 0);
            x.writeAttribute("tests", Integer.toString(tests));
            x.writeAttribute("failures", Integer.toString(r.failing().size()));
            x.writeAttribute("errors", "0");
            x.writeAttribute("skipped", "0");
            x.writeAttribute("time", seconds(r.elapsed().toMillis()));
            x.writeAttribute("timestamp", r.started().toString());
            x.writeAttribute("hostname", clean(r.broker()));
            for (TopicResult t : r.topics()) {
                testcase(x, t.topic(), r, t.passed(), t.reason(),
                        t.count() + " of " + t.needed() + " readings; " + t.reason());
            }
            if (r.status().isPresent()) {
                StatusResult s = r.status().get();
                testcase(x, s.topic(), r, s.passed(), s.reason(), "status " + s.payload().orElse("(nothing)"));
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return sw.toString();
    }

    private static void testcase(XMLStreamWriter x, String name, VerifyResult r, boolean passed, String reason,
                                 String detail) throws XMLStreamException {
        x.writeCharacters("\n  ");
        if (passed) {
            x.writeEmptyElement("testcase");
        } else {
            x.writeStartElement("testcase");
        }
        x.writeAttribute("classname", SUITE);
        x.writeAttribute("name", clean(name));
        x.writeAttribute("time", seconds(r.elapsed().toMillis()));
        if (!passed) {
            x.writeCharacters("\n    ");
            x.writeStartElement("failure");
            x.writeAttribute("message", clean(reason));
            x.writeAttribute("type", "verification");
            x.writeCharacters(clean(detail));
            x.writeEndElement();
            x.writeCharacters("\n  ");
            x.writeEndElement();
        }
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** XML 1.0 cannot carry most control characters, even escaped; a stray byte in a payload must not break it. */
    static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF ? c : 0xFFFD));
        return b.toString();
    }
}
