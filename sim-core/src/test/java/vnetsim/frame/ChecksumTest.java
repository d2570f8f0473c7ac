package vnetsim.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Internet checksum (RFC 1071) and the TTL decrement that patches it incrementally (RFC 1624, RFC 1812). */
class ChecksumTest {

    @Test
    void matches_the_rfc_1071_worked_example() {
        final byte[] b = {0x00, 0x01, (byte) 0xf2, 0x03, (byte) 0xf4, (byte) 0xf5, (byte) 0xf6, (byte) 0xf7};
        assertThat(Checksum.sum(b, 0, b.length)).isEqualTo(0xddf2);
        assertThat(Checksum.compute(b, 0, b.length)).isEqualTo(0x220d);
    }

    @Test
    void matches_a_known_ipv4_header() {
        // 192.168.0.1 -> 192.168.0.199, UDP, TTL 64, DF: checksum 0xb861
        final byte[] h = hex("450000730000400040110000c0a80001c0a800c7");
        assertThat(Checksum.compute(h, 0, 20)).isEqualTo(0xb861);
    }

    @Test
    void sum_equals_a_plain_16_bit_loop_at_every_length_and_alignment() {
        // RFC 1071 section 4.1's loop, 16 bits at a time, is the reference for the 32-bit-word sum
        final Random random = new Random(1071);
        final byte[] b = new byte[200];
        for (int round = 0; round < 50; round++) {
            random.nextBytes(b);
            if (round % 5 == 0) {
                java.util.Arrays.fill(b, (byte) 0xff);          // the largest words: carries at every add
            }
            for (int off = 0; off < 8; off++) {
                for (int len = 0; len <= 150; len++) {
                    long reference = 0;
                    for (int i = 0; i + 1 < len; i += 2) {
                        reference += ((b[off + i] & 0xff) << 8) | (b[off + i + 1] & 0xff);
                    }
                    if ((len & 1) != 0) {
                        reference += (b[off + len - 1] & 0xff) << 8;
                    }
                    while ((reference >>> 16) != 0) {
                        reference = (reference & 0xffff) + (reference >>> 16);
                    }
                    assertThat(Checksum.sum(b, off, len)).as("offset %d length %d", off, len)
                            .isEqualTo((int) reference);
                }
            }
        }
    }

    @Test
    void odd_length_pads_with_a_zero_byte() {
        final byte[] b = {0x12, 0x34, 0x56};
        assertThat(Checksum.sum(b, 0, 3)).isEqualTo(0x1234 + 0x5600);
    }

    @Test
    void decrement_ttl_keeps_the_header_checksum_valid_for_every_identification_and_ttl() {
        final byte[] b = new byte[20];
        for (final int ttl : new int[] {2, 3, 64, 128, 255}) {
            for (int id = 0; id <= 0xffff; id++) {
                Ipv4.writeHeader(b, 0, 64, id, true, ttl, Ipv4.PROTOCOL_ICMP, 0xac10040a, 0xac10050a);
                Ipv4.decrementTtl(b, 0);
                assertDecremented(b, ttl, id);
            }
        }
    }

    @Test
    void decrement_ttl_keeps_the_checksum_valid_at_the_0x0000_and_0xffff_edges() {
        // find headers whose stored checksum is 0x0000 before or after the decrement (sum of the rest 0xffff)
        final byte[] b = new byte[20];
        int zeroBefore = 0;
        int zeroAfter = 0;
        for (int ttl = 2; ttl <= 255; ttl++) {
            for (int id = 0; id <= 0xffff; id += 1) {
                Ipv4.writeHeader(b, 0, 0, id, false, ttl, 0xff, 0xffffffff, 0xfffffffe);
                final int before = Ipv4.checksum(b, 0);
                if (before != 0 && before != 0xffff && before != 0x0100 && before != 0xfeff) {
                    continue;
                }
                zeroBefore += before == 0 ? 1 : 0;
                Ipv4.decrementTtl(b, 0);
                zeroAfter += Ipv4.checksum(b, 0) == 0 ? 1 : 0;
                assertDecremented(b, ttl, id);
            }
        }
        assertThat(zeroBefore).as("headers with checksum 0x0000 before").isPositive();
        assertThat(zeroAfter).as("headers with checksum 0x0000 after").isPositive();
    }

    @Test
    void decrement_ttl_on_random_headers_matches_a_full_recompute() {
        final Random random = new Random(2003);
        final byte[] b = new byte[20];
        for (int i = 0; i < 200_000; i++) {
            final int ttl = 2 + random.nextInt(254);
            Ipv4.writeHeader(b, 0, random.nextInt(1480), random.nextInt(0x10000), random.nextBoolean(), ttl,
                    random.nextInt(256), random.nextInt(), random.nextInt());
            b[1] = (byte) random.nextInt(256);                   // DSCP/ECN too
            Bytes.u16(b, 10, 0);
            Bytes.u16(b, 10, Checksum.compute(b, 0, 20));
            Ipv4.decrementTtl(b, 0);
            assertDecremented(b, ttl, Bytes.u16(b, 4));
        }
    }

    private static void assertDecremented(final byte[] b, final int ttlBefore, final int id) {
        assertThat(Ipv4.ttl(b, 0)).isEqualTo(ttlBefore - 1);
        final byte[] copy = b.clone();
        Bytes.u16(copy, 10, 0);
        assertThat(Ipv4.checksum(b, 0)).as("checksum after TTL %d->%d, id %d", ttlBefore, ttlBefore - 1, id)
                .isEqualTo(Checksum.compute(copy, 0, 20));
        assertThat(Ipv4.isValidHeader(b, 0, Ipv4.totalLength(b, 0))).isTrue();   // the whole packet arrived
    }

    static byte[] hex(final String s) {
        final byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
