package vnetsim.pcap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Minimal structural walk over a little-endian pcapng file: block types, checking the framing as it goes. */
final class PcapngBlocks {

    private PcapngBlocks() {
    }

    static List<Integer> types(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> types = new ArrayList<>();
        while (b.remaining() > 0) {
            int start = b.position();
            int type = b.getInt(start);
            int length = b.getInt(start + 4);
            if (length % 4 != 0 || length < 12 || start + length > file.length) {
                throw new AssertionError("bad block length " + length + " at " + start);
            }
            if (b.getInt(start + length - 4) != length) {
                throw new AssertionError("trailing length differs at " + start);
            }
            types.add(type);
            b.position(start + length);
        }
        return types;
    }
}
