package vnetsim.frame;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Big-endian (network order) reads and writes on a byte array, without allocation. */
public final class Bytes {
    private static final VarHandle U16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle U32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle U64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Bytes() {
    }

    /** The unsigned byte at offset {@code off}. */
    public static int u8(final byte[] b, final int off) {
        return b[off] & 0xff;
    }

    /** The unsigned 16-bit big-endian value at offset {@code off}. */
    public static int u16(final byte[] b, final int off) {
        return Short.toUnsignedInt((short) U16.get(b, off));
    }

    /** Writes the low 16 bits of {@code value} big-endian at offset {@code off}. */
    public static void u16(final byte[] b, final int off, final int value) {
        U16.set(b, off, (short) value);
    }

    /** The 32-bit big-endian value at offset {@code off}. */
    public static int i32(final byte[] b, final int off) {
        return (int) U32.get(b, off);
    }

    /** Writes {@code value} big-endian at offset {@code off}. */
    public static void i32(final byte[] b, final int off, final int value) {
        U32.set(b, off, value);
    }

    /** 48-bit MAC at {@code off}: one 8-byte load shifted, not six byte reads (the C reference measured the difference). */
    public static long mac(final byte[] b, final int off) {
        if (off + 8 <= b.length) {
            return ((long) U64.get(b, off)) >>> 16;
        }
        return ((long) u16(b, off) << 32) | (i32(b, off + 2) & 0xffffffffL);
    }

    /** Writes the 48-bit MAC held in the low bits of {@code mac} at offset {@code off}. */
    public static void mac(final byte[] b, final int off, final long mac) {
        u16(b, off, (int) (mac >>> 32));
        i32(b, off + 2, (int) mac);
    }
}
