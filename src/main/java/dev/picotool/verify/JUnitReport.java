package dev.picotool.verify;

import java.io.StringWriter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The result as JUnit XML (one testsuite "picotool-verify", one testcase per board and topic, status and document,
 * named by the topic; a board's test cases have the class name "picotool-verify.ID"), which CI systems show as test
 * results. Written with the JDK's StAX writer so that payload text is escaped properly.
 */
final class JUnitReport {
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
            boolean boardCount = r.perBoard() && r.needed().atLeast() > 1;
            int tests = r.boards().stream().mapToInt(BoardResult::checks).sum() + (boardCount ? 1 : 0);
            long failures = r.boards().stream().mapToLong(b -> b.failing().size()).sum()
                    + (boardCount && r.boardsPassed() < r.needed().atLeast() ? 1 : 0);
            x.writeAttribute("tests", Integer.toString(tests));
            x.writeAttribute("failures", Long.toString(failures));
            x.writeAttribute("errors", "0");
            x.writeAttribute("skipped", "0");
            x.writeAttribute("time", seconds(r.elapsed().toMillis()));
            x.writeAttribute("timestamp", r.started().toString());
            x.writeAttribute("hostname", clean(r.broker()));
            for (BoardResult b : r.boards()) {
                String cls = b.board().map(id -> SUITE + "." + id).orElse(SUITE);
                for (TopicResult t : b.topics()) {
                    testcase(x, cls, t.topic(), r, t.passed(), t.reason(), "verification",
                            t.count() + " of " + t.needed() + " readings; " + t.reason());
                }
                if (b.status().isPresent()) {
                    StatusResult s = b.status().get();
                    testcase(x, cls, s.topic(), r, s.passed(), s.reason(), "status", "status "
                            + s.payload().orElse("(nothing)"));
                }
                for (DocumentResult d : b.diagnostics().stream().toList()) {
                    testcase(x, cls, d.topic(), r, d.passed(), d.reason(), d.kind(), d.reason());
                }
                for (DocumentResult d : b.discovery().stream().toList()) {
                    testcase(x, cls, d.topic(), r, d.passed(), d.reason(), d.kind(), d.reason());
                }
            }
            if (boardCount) {
                String boards = HumanReport.boards(r);
                testcase(x, SUITE, "boards", r, r.boardsPassed() >= r.needed().atLeast(), boards, "boards", boards);
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

    private static void testcase(XMLStreamWriter x, String classname, String name, VerifyResult r, boolean passed,
                                 String reason, String type, String detail) throws XMLStreamException {
        x.writeCharacters("\n  ");
        if (passed) {
            x.writeEmptyElement("testcase");
        } else {
            x.writeStartElement("testcase");
        }
        x.writeAttribute("classname", clean(classname));
        x.writeAttribute("name", clean(name));
        x.writeAttribute("time", seconds(r.elapsed().toMillis()));
        if (!passed) {
            x.writeCharacters("\n    ");
            x.writeStartElement("failure");
            x.writeAttribute("message", clean(reason));
            x.writeAttribute("type", type);
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
