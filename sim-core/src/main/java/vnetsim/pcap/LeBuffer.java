package vnetsim.pcap;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A reusable, growable little-endian scratch buffer holding one block or record at a time. Both formats
 * are written little-endian (readers detect the order from the magic number), so we never need big-endian.
 */
final class LeBuffer {

    private ByteBuffer buf = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);

    LeBuffer clear() {
        buf.clear();
        return this;
    }

    int position() {
        return buf.position();
    }

    LeBuffer u16(int v) {
        ensure(2).putShort((short) v);
        return this;
    }

    LeBuffer u32(int v) {
        ensure(4).putInt(v);
        return this;
    }

    LeBuffer u64(long v) {
        ensure(8).putLong(v);
        return this;
    }

    LeBuffer bytes(byte[] b, int off, int len) {
        ensure(len).put(b, off, len);
        return this;
    }

    LeBuffer bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    /** Zero-pads to the next multiple of 4 bytes, as pcapng requires for packet data and option values. */
    LeBuffer pad32() {
        int pad = padding(buf.position());
        ensure(pad);
        for (int i = 0; i < pad; i++) {
            buf.put((byte) 0);
        }
        return this;
    }

    /** Overwrites the 32-bit value at an absolute index (used to back-fill pcapng block lengths). */
    void u32At(int index, int v) {
        buf.putInt(index, v);
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(buf.array(), 0, buf.position());
    }

    static int padding(int length) {
        return (4 - (length & 3)) & 3;
    }

    private ByteBuffer ensure(int n) {
        if (buf.remaining() < n) {
            int need = buf.position() + n;
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(need, buf.capacity() * 2)).order(ByteOrder.LITTLE_ENDIAN);
            buf.flip();
            bigger.put(buf);
            buf = bigger;
        }
        return buf;
    }
}
