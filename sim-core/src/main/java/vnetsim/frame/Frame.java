package vnetsim.frame;

import vnetsim.frame.internal.FrameBookkeeping;

/**
 * One Ethernet frame in a reusable byte array, without FCS. Headroom in front lets an 802.1Q tag be pushed by
 * moving the 12 address bytes, never the payload (the kernel's skb_push + memmove in __vlan_insert_inner_tag).
 *
 * <pre>
 *   0        start                                                      end   capacity
 *   +--------+------+------+----------------+------+--------------------+-----+
 *   |headroom| dst 6| src 6| TPID TCI (4) * | type | payload            |     |
 *   +--------+------+------+----------------+------+--------------------+-----+
 * </pre>
 *
 * <p>Besides the bytes, a frame carries the engine's bookkeeping for the trace: the packet it belongs to
 * (copies made for a flood keep it), the trace event it last passed, and how many links it has crossed (the
 * loop guard). None of it is public: only the engine reaches it, through {@link FrameBookkeeping} in a package
 * the module does not export; a device that needs the id of a packet it originates asks its
 * {@link vnetsim.device.Egress#packetOf}.
 */
public final class Frame {
    /** Room for two tags (QinQ). */
    public static final int HEADROOM = 2 * VlanTag.LENGTH;
    /** Largest frame: 9216-byte jumbo payload, Ethernet header, two tags. */
    public static final int MAX_LENGTH = 9216 + Ethernet.HEADER_LENGTH + 2 * VlanTag.LENGTH;
    /** Shortest frame on the wire without FCS; shorter frames are padded (ARP: 42 bytes of data). */
    public static final int MIN_LENGTH = 60;

    private final byte[] bytes = new byte[HEADROOM + MAX_LENGTH];
    private int start = HEADROOM;
    private int end = HEADROOM;

    private int packetId;
    private int lastEvent = -1;
    private int hops;

    static {
        FrameBookkeeping.install(new FrameBookkeeping() {
            @Override
            public int packetId(final Frame frame) {
                return frame.packetId;
            }

            @Override
            public void setPacketId(final Frame frame, final int packetId) {
                frame.packetId = packetId;
            }

            @Override
            public int lastEvent(final Frame frame) {
                return frame.lastEvent;
            }

            @Override
            public void setLastEvent(final Frame frame, final int event) {
                frame.lastEvent = event;
            }

            @Override
            public int hops(final Frame frame) {
                return frame.hops;
            }

            @Override
            public int countHop(final Frame frame) {
                return ++frame.hops;
            }

            @Override
            public Frame recycle(final Frame frame) {
                frame.clear();
                frame.packetId = 0;
                frame.lastEvent = -1;
                frame.hops = 0;
                return frame;
            }
        });
    }

    /** An empty frame with its own buffer (the engine's pool holds the frames of a simulation). */
    public Frame() {
    }

    /** Empties the frame's bytes, keeping its buffer and bookkeeping, ready to be written from {@link #start()}. */
    public Frame clear() {
        start = HEADROOM;
        end = HEADROOM;
        return this;
    }

    /** The buffer holding the frame, from {@link #start()} to {@link #end()}; writes change the frame. */
    public byte[] bytes() {
        return bytes;
    }

    /** Offset of the destination MAC in {@link #bytes()}. */
    public int start() {
        return start;
    }

    /** Offset just past the frame's last byte in {@link #bytes()}. */
    public int end() {
        return end;
    }

    /** Frame length in bytes, without FCS. */
    public int length() {
        return end - start;
    }

    /** Sets the frame length (bytes from {@link #start()}); used by packet writers. */
    public void setLength(final int length) {
        if (length < 0 || start + length > bytes.length) {
            throw new IllegalArgumentException("frame length out of range: length=" + length + ", start=" + start);
        }
        end = start + length;
    }

    /** Pads with zeros to the Ethernet minimum of 60 bytes, as a NIC does before the FCS. */
    public void padToMinimum() {
        while (length() < MIN_LENGTH) {
            bytes[end++] = 0;
        }
    }

    /** Copies bytes and bookkeeping from another frame (used only where a flood must send different copies). */
    public Frame copyFrom(final Frame other) {
        start = other.start;
        end = other.end;
        System.arraycopy(other.bytes, start, bytes, start, end - start);
        packetId = other.packetId;
        lastEvent = other.lastEvent;
        hops = other.hops;
        return this;
    }

    /** Copies raw bytes in (e.g. a frame read from a file). */
    public Frame load(final byte[] source, final int offset, final int length) {
        clear();
        if (length < 0 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("frame length out of range 0-" + MAX_LENGTH + ": " + length);
        }
        System.arraycopy(source, offset, bytes, start, length);
        end = start + length;
        return this;
    }

    // ---- Ethernet header ------------------------------------------------------------------------------------

    /** The destination MAC (48 bits in the low bits of a long). */
    public long destinationMac() {
        return Bytes.mac(bytes, start);
    }

    /** The source MAC (48 bits in the low bits of a long). */
    public long sourceMac() {
        return Bytes.mac(bytes, start + Ethernet.SOURCE_OFFSET);
    }

    /** Rewrites the destination MAC (48 bits in the low bits of {@code mac}). */
    public void setDestinationMac(final long mac) {
        Bytes.mac(bytes, start, mac);
    }

    /** Rewrites the source MAC (48 bits in the low bits of {@code mac}). */
    public void setSourceMac(final long mac) {
        Bytes.mac(bytes, start + Ethernet.SOURCE_OFFSET, mac);
    }

    /**
     * The EtherType/TPID right after the source MAC: 0x8100 or 0x88a8 when tagged; {@link EtherType#NONE} when
     * the frame ends before it.
     */
    public int outerType() {
        return typeAt(start + Ethernet.TYPE_OFFSET);
    }

    /** The 16-bit type field at {@code off}, or {@link EtherType#NONE} when it does not lie inside the frame. */
    private int typeAt(final int off) {
        return off + 2 <= end ? Bytes.u16(bytes, off) : EtherType.NONE;
    }

    /**
     * True when the Ethernet header and every 802.1Q tag, each with the type field that follows it, lie inside
     * the frame: what a receiver needs before it can classify the frame (eth_type_trans() needs 14 bytes,
     * skb_vlan_untag() drops a frame whose tag is cut short). Every read of a header field is bounded by
     * {@link #end()} anyway; this says whether the fields mean anything.
     */
    public boolean hasCompleteHeader() {
        int off = start + Ethernet.TYPE_OFFSET;
        while (off + 2 <= end) {
            if (!EtherType.isVlanTpid(Bytes.u16(bytes, off))) {
                return true;                   // a type field inside the frame after every tag: one read per tag
            }
            off += VlanTag.LENGTH;
        }
        return false;
    }

    /** Whether the frame carries an outer VLAN tag (802.1Q or 802.1ad TPID after the source MAC). */
    public boolean isTagged() {
        return EtherType.isVlanTpid(outerType());
    }

    /** VID (0-4095) of the outer tag; only meaningful when {@link #isTagged()}; 0 when the tag is cut short. */
    public int vlanId() {
        final int off = start + VlanTag.TCI_OFFSET;
        return off + 2 <= end ? Bytes.u16(bytes, off) & VlanTag.VID_MASK : 0;
    }

    /** Outer VID, or {@link VlanTag#UNTAGGED} when the frame carries no tag. */
    public int outerVlanOrUntagged() {
        return isTagged() ? vlanId() : VlanTag.UNTAGGED;
    }

    /** Number of stacked VLAN tags. */
    public int tagCount() {
        int count = 0;
        int off = start + Ethernet.TYPE_OFFSET;
        while (off + 2 <= end && EtherType.isVlanTpid(Bytes.u16(bytes, off))) {
            count++;
            off += VlanTag.LENGTH;
        }
        return count;
    }

    /** Offset of the EtherType that follows all tags. */
    public int innerTypeOffset() {
        int off = start + Ethernet.TYPE_OFFSET;
        while (off + 2 <= end && EtherType.isVlanTpid(Bytes.u16(bytes, off))) {
            off += VlanTag.LENGTH;
        }
        return off;
    }

    /** The EtherType after any tags (0x0800 for IPv4, 0x0806 for ARP); {@link EtherType#NONE} when cut short. */
    public int etherType() {
        return typeAt(innerTypeOffset());
    }

    /** Offset of the network-layer header (IPv4 or ARP) in {@link #bytes()}. */
    public int l3Offset() {
        return innerTypeOffset() + 2;
    }

    /** Inserts a tag after the source MAC: the 12 address bytes move into the headroom (PCP 0, DEI 0). */
    public void pushVlanTag(final int tpid, final int vlanId) {
        if (start < VlanTag.LENGTH) {
            makeHeadroom();                    // a third tag: move the frame back, as skb_cow_head() reallocates
        }
        if (vlanId < 0 || vlanId > VlanTag.VID_MASK) {
            throw new IllegalArgumentException("VLAN ID out of range 0-4095: " + vlanId);
        }
        System.arraycopy(bytes, start, bytes, start - VlanTag.LENGTH, Ethernet.ADDRESSES_LENGTH);
        start -= VlanTag.LENGTH;
        Bytes.u16(bytes, start + Ethernet.TYPE_OFFSET, tpid);
        Bytes.u16(bytes, start + VlanTag.TCI_OFFSET, vlanId);
    }

    private void makeHeadroom() {
        final int shift = HEADROOM - start;
        if (end + shift > bytes.length) {
            throw new IllegalStateException("no room for a VLAN tag: frame of " + length() + " bytes");
        }
        System.arraycopy(bytes, start, bytes, HEADROOM, end - start);
        start += shift;
        end += shift;
    }

    /** Removes the outer tag: the 12 address bytes move forward over it. */
    public void popVlanTag() {
        if (!isTagged() || length() < Ethernet.HEADER_LENGTH + VlanTag.LENGTH) {
            throw new IllegalStateException("frame has no complete VLAN tag to pop");
        }
        System.arraycopy(bytes, start, bytes, start + VlanTag.LENGTH, Ethernet.ADDRESSES_LENGTH);
        start += VlanTag.LENGTH;
    }

    /** Rewrites the outer VID in place, keeping PCP and DEI (a router-on-a-stick retag). */
    public void setVlanId(final int vlanId) {
        final int off = start + VlanTag.TCI_OFFSET;
        if (off + 2 > end) {
            throw new IllegalStateException("frame has no complete VLAN tag to rewrite");
        }
        Bytes.u16(bytes, off, (Bytes.u16(bytes, off) & ~VlanTag.VID_MASK) | (vlanId & VlanTag.VID_MASK));
    }
}
