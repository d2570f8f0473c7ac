package vnetsim.pcap;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opens the raw output stream for a (temporary) capture file. The writers use {@link #FILES}; tests substitute
 * streams that fail part-way, because a real full disk cannot be provoked portably.
 */
@FunctionalInterface
interface StreamOpener {

    OutputStream open(Path file) throws IOException;

    StreamOpener FILES = file -> Files.newOutputStream(file,
            StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
}
