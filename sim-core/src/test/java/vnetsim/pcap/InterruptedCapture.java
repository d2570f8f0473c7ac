package vnetsim.pcap;

import java.nio.file.Path;
import java.util.List;

/** Test helper run in its own JVM: starts a pcapng and a pcap-dir capture in {@code args[0]}, then waits to be killed. */
public final class InterruptedCapture {
    private InterruptedCapture() {
    }

    public static void main(final String[] args) throws Exception {
        final Path dir = Path.of(args[0]);
        final CaptureSink sink = new TeeSink(List.of(PcapngWriter.create(dir.resolve("f.pcapng")),
                PcapDirectoryWriter.create(dir.resolve("caps"))));
        Scenario.play(sink);
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(60_000);
    }
}
