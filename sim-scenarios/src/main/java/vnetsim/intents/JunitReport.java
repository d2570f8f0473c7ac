package vnetsim.intents;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import vnetsim.whatif.Intent;

/**
 * The JUnit XML report CI systems render: one {@code <testsuite>} for the network, one {@code <testcase>} per
 * intent, a {@code <failure>} with the breaking trace for an intent that does not hold. Written with the JDK's
 * StAX writer (escaping done by it), then written by {@link vnetsim.draw.OutputFile}: all or nothing, never
 * replacing a device or a directory.
 */
public final class JunitReport {
    private JunitReport() {
    }

    /**
     * Writes the report to {@code file} all or nothing (a temporary file beside it, moved over it); a device or a
     * pipe ({@code /dev/null}, {@code /dev/full}) is written to and never replaced, a symbolic link keeps pointing
     * where it did.
     *
     * @param file    the report's path
     * @param network the network's name (the test suite's name)
     * @param results the intents' results, in order
     * @param seconds how long the checks took, in seconds
     * @throws vnetsim.draw.OutputFile.OutputException when the file cannot be written, naming it and why
     */
    public static void write(final Path file, final String network, final List<Intent.Result> results,
                             final double seconds) {
        vnetsim.draw.OutputFile.write(file, render(network, results, seconds), null);
    }

    /**
     * The report's XML text.
     *
     * @param network the network's name (the test suite's name)
     * @param results the intents' results, in order
     * @param seconds how long the checks took, in seconds
     * @return the JUnit XML document
     */
    public static String render(final String network, final List<Intent.Result> results, final double seconds) {
        final StringWriter w = new StringWriter();
        try {
            final XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(w);
            final long failures = results.stream().filter(r -> !r.holds()).count();
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", "vnetsim intents: " + network);
            x.writeAttribute("tests", String.valueOf(results.size()));
            x.writeAttribute("failures", String.valueOf(failures));
            x.writeAttribute("errors", "0");
            x.writeAttribute("skipped", "0");
            x.writeAttribute("time", String.format(java.util.Locale.ROOT, "%.3f", seconds));
            for (final Intent.Result r : results) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testcase");
                x.writeAttribute("classname", "vnetsim.intents." + network);
                x.writeAttribute("name", r.intent().name());
                if (!r.holds()) {
                    x.writeCharacters("\n    ");
                    x.writeStartElement("failure");
                    x.writeAttribute("message", firstLine(r.message()));
                    x.writeAttribute("type", "IntentViolated");
                    x.writeCharacters(r.message());
                    x.writeEndElement();
                    x.writeCharacters("\n  ");
                }
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("JUnit report: " + e.getMessage(), e);
        }
        return w.toString();
    }

    private static String firstLine(final String message) {
        final int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
