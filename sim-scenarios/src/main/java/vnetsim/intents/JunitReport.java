package vnetsim.intents;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import vnetsim.whatif.Intent;

/**
 * The JUnit XML report CI systems render: one {@code <testsuite>} for the network, one {@code <testcase>} per
 * intent, a {@code <failure>} with the breaking trace for an intent that does not hold. Written with the JDK's
 * StAX writer (escaping done by it) to a temporary file moved into place, so a failure leaves no half-written
 * report.
 */
public final class JunitReport {
    private JunitReport() {
    }

    public static void write(final Path file, final String network, final List<Intent.Result> results,
                             final double seconds) throws IOException {
        final Path target = file.toAbsolutePath();
        final Path dir = target.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("cannot write " + file + ": no directory " + dir);
        }
        final Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
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
                throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String firstLine(final String message) {
        final int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
