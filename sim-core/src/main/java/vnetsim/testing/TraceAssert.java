package vnetsim.testing;

import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import vnetsim.device.Action;
import vnetsim.device.DropReason;
import vnetsim.device.InterfaceNames;
import vnetsim.trace.Outcome;
import vnetsim.trace.PacketDrop;
import vnetsim.trace.Step;
import vnetsim.trace.StepTable;
import vnetsim.trace.Trace;
import vnetsim.trace.View;

/**
 * Fluent assertions on a {@link Trace} that read like the design documents:
 * <pre>{@code
 * assertThatTrace(t).isDelivered()
 *     .passes("node0", "enp4s0f0.2003").pushingTag(2003)
 *     .then("Firewall", "Uplink 1").changingTag(2003, 2004)
 *     .then("node0", "enp4s0f0.2004").poppingTag(2004);
 * }</pre>
 * {@code passes} and {@code then} find the next document-view row at that device and interface after the row
 * matched last (subsequence semantics); modifiers check the row just matched. A failure says what was expected
 * and prints the whole trace as the documents' table.
 */
public final class TraceAssert extends AbstractAssert<TraceAssert, Trace> {
    private int cursor = -1;
    private Step current;

    private TraceAssert(final Trace actual) {
        super(actual, TraceAssert.class);
    }

    /**
     * Starts the assertions on a trace (JUnit, AssertJ style): each check fails with an {@link AssertionError} that
     * says what was expected, what the trace did, and prints the trace as the documents' table.
     *
     * @param trace the trace to check, from {@code Network.trace}
     * @return the assertion
     */
    public static TraceAssert assertThatTrace(final Trace trace) {
        return new TraceAssert(trace);
    }

    // ---- outcome ------------------------------------------------------------------------------------------------

    /**
     * The trace's outcome is DELIVERED (the packet reached its destination).
     *
     * @return this assertion, to chain the next check
     * @throws AssertionError naming the actual outcome, and where and why it was dropped if it was
     */
    public TraceAssert isDelivered() {
        return hasOutcome(Outcome.DELIVERED);
    }

    /**
     * The trace's outcome is DROPPED (a device dropped the packet, or a packet it depended on).
     *
     * @return this assertion, to chain the next check
     * @throws AssertionError naming the actual outcome, and where and why it was dropped if it was
     */
    public TraceAssert isDropped() {
        return hasOutcome(Outcome.DROPPED);
    }

    /**
     * The trace's outcome is LOOP (the frame circulated until the engine stopped it).
     *
     * @return this assertion, to chain the next check
     * @throws AssertionError naming the actual outcome, and where and why it was dropped if it was
     */
    public TraceAssert isLoop() {
        return hasOutcome(Outcome.LOOP);
    }

    private TraceAssert hasOutcome(final Outcome expected) {
        isNotNull();
        if (actual.outcome() != expected) {
            throw failure("%s", message("to be " + expected, "it was " + actual.outcome() + dropText()));
        }
        return this;
    }

    /**
     * The trace was dropped, at this device and interface.
     *
     * @param device the device's name as the table shows it ("node0", "Virtual Machine 3"), in any case
     * @param iface  the interface as the table shows it or another spelling of it ("Ethernet 1/3", "eth1/3" and
     *     "Ethernet1/3" are one interface)
     * @return this assertion, to chain the next check
     * @throws AssertionError when it was not dropped, or dropped elsewhere (naming where)
     */
    public TraceAssert isDroppedAt(final String device, final String iface) {
        isDropped();
        if (!samePlace(actual.drop().device(), actual.drop().iface(), device, iface)) {
            throw failure("%s", message("to be dropped at " + device + " / " + iface,
                    "it was dropped at " + actual.drop().device() + " / " + actual.drop().iface()));
        }
        return this;
    }

    /**
     * The trace was dropped for this reason.
     *
     * @param reason the drop reason the device gave
     * @return this assertion, to chain the next check
     * @throws AssertionError when it was not dropped, or dropped for another reason (quoting it)
     */
    public TraceAssert because(final DropReason reason) {
        isNotNull();
        if (actual.drop() == null || actual.drop().cause() != reason) {
            throw failure("%s", message("to be dropped because " + reason, "it was " + actual.outcome()
                    + dropText()));
        }
        return this;
    }

    /**
     * The trace was dropped with a reason text containing this ("VLAN 2004 is not allowed").
     *
     * @param text the text the reason must contain, case-sensitive
     * @return this assertion, to chain the next check
     * @throws AssertionError when it was not dropped, or its reason lacks the text (quoting it)
     */
    public TraceAssert withReasonContaining(final String text) {
        isNotNull();
        if (actual.drop() == null || !actual.drop().reason().contains(text)) {
            throw failure("%s", message("to be dropped with a reason containing \"" + text + "\"",
                    "it was " + actual.outcome() + dropText()));
        }
        return this;
    }

    /**
     * The root cause ({@link Trace#cause()}) is at this device and interface, with this reason: for a flow that
     * failed because its ARP request was not flooded to the destination, the switch port that refused the VLAN.
     *
     * @param device the device's name as the table shows it ("node0", "Virtual Machine 3"), in any case
     * @param iface  the interface as the table shows it or another spelling of it ("Ethernet 1/3", "eth1/3" and
     *     "Ethernet1/3" are one interface)
     * @param reason the root cause's drop reason
     * @return this assertion, to chain the next check
     * @throws AssertionError when the trace has no root cause, or it is elsewhere or for another reason (quoting it)
     */
    public TraceAssert hasCauseAt(final String device, final String iface, final DropReason reason) {
        isNotNull();
        final PacketDrop cause = actual.cause();
        if (cause == null || !samePlace(cause.device(), cause.iface(), device, iface) || cause.code() != reason) {
            throw failure("%s", message("to have its root cause at " + device + " / " + iface + " (" + reason + ")",
                    cause == null ? "it has none (" + actual.outcome() + ")" : "it was: " + cause.text()
                            + " (" + cause.code() + ")"));
        }
        return this;
    }

    /**
     * The root cause's packet description contains this text ("ARP request who-has 172.16.5.10").
     *
     * @param text the text the packet description must contain, case-sensitive
     * @return this assertion, to chain the next check
     * @throws AssertionError when the trace has no root cause, or its packet is another (quoting it)
     */
    public TraceAssert withCausePacketContaining(final String text) {
        isNotNull();
        if (actual.cause() == null || !actual.cause().packet().contains(text)) {
            throw failure("%s", message("to have a root cause about a packet containing \"" + text + "\"",
                    actual.cause() == null ? "it has none" : "it was: " + actual.cause().text()));
        }
        return this;
    }

    // ---- path -----------------------------------------------------------------------------------------------------

    /**
     * The path passes this device and interface: finds the next document-view row there after the row matched last
     * (the first call searches from step 1). The checks that follow ({@link #tagged}, {@link #pushingTag}, ...) look at
     * that row.
     *
     * @param device the device's name as the table shows it ("node0", "Virtual Machine 3"), in any case
     * @param iface  the interface as the table shows it or another spelling of it ("Ethernet 1/3", "eth1/3" and
     *     "Ethernet1/3" are one interface)
     * @return this assertion, to chain the next check
     * @throws AssertionError when no later row is at that place
     */
    public TraceAssert passes(final String device, final String iface) {
        isNotNull();
        final List<Step> steps = actual.steps();
        for (int i = cursor + 1; i < steps.size(); i++) {
            if (samePlace(steps.get(i).device(), steps.get(i).iface(), device, iface)) {
                cursor = i;
                current = steps.get(i);
                return this;
            }
        }
        throw failure("%s", message("to pass " + device + " / " + iface
                + (cursor >= 0 ? " after step " + (cursor + 1) : ""), "it does not"));
    }

    /**
     * Same as {@link #passes}, read as "and then".
     *
     * @param device the device's name as the table shows it ("node0", "Virtual Machine 3"), in any case
     * @param iface  the interface as the table shows it or another spelling of it ("Ethernet 1/3", "eth1/3" and
     *     "Ethernet1/3" are one interface)
     * @return this assertion, to chain the next check
     * @throws AssertionError when no later row is at that place
     */
    public TraceAssert then(final String device, final String iface) {
        return passes(device, iface);
    }

    /**
     * The row matched last is where the frame got its tag: it arrived untagged and left tagged {@code vid}.
     *
     * @param vid   the VLAN ID, 1-4094
     * @return this assertion, to chain the next check
     * @throws AssertionError when the frame arrived tagged or left with another tag, or no row was matched yet
     */
    public TraceAssert pushingTag(final int vid) {
        final Step s = currentStep();
        if (s.tagged() || !Objects.equals(s.vlanOut(), vid)) {
            throw failure("%s", message("at step " + s.step() + " (" + s.place() + ") to push tag " + vid,
                    "it arrived " + tag(s.vlan()) + " and left " + tag(s.vlanOut())));
        }
        return this;
    }

    /**
     * The row matched last is where the tag came off: it arrived tagged {@code vid} and left untagged.
     *
     * @param vid   the VLAN ID, 1-4094
     * @return this assertion, to chain the next check
     * @throws AssertionError when the frame arrived with another tag or kept it, or no row was matched yet
     */
    public TraceAssert poppingTag(final int vid) {
        final Step s = currentStep();
        if (!Objects.equals(s.vlan(), vid) || s.vlanOut() != null || s.action() != Action.TAG_POPPED) {
            throw failure("%s", message("at step " + s.step() + " (" + s.place() + ") to pop tag " + vid,
                    "it arrived " + tag(s.vlan()) + " and left " + tag(s.vlanOut()) + " (" + s.action() + ")"));
        }
        return this;
    }

    /**
     * The row matched last changed the frame's tag (a router-on-a-stick retag): in tagged {@code from}, out tagged
     * {@code to}.
     *
     * @param from the VLAN ID the frame arrived with, 1-4094
     * @param to   the VLAN ID the frame left with, 1-4094
     * @return this assertion, to chain the next check
     * @throws AssertionError when either tag differs, or no row was matched yet
     */
    public TraceAssert changingTag(final int from, final int to) {
        final Step s = currentStep();
        if (!Objects.equals(s.vlan(), from) || !Objects.equals(s.vlanOut(), to)) {
            throw failure("%s", message("at step " + s.step() + " (" + s.place() + ") to change tag " + from
                    + " to " + to, "it arrived " + tag(s.vlan()) + " and left " + tag(s.vlanOut())));
        }
        return this;
    }

    /**
     * The frame arrived at the interface of the row matched last tagged {@code vid} (the table's "Tagged" column).
     *
     * @param vid   the VLAN ID, 1-4094
     * @return this assertion, to chain the next check
     * @throws AssertionError when it arrived untagged or with another tag, or no row was matched yet
     */
    public TraceAssert tagged(final int vid) {
        final Step s = currentStep();
        if (!Objects.equals(s.vlan(), vid)) {
            throw failure("%s", message("at step " + s.step() + " (" + s.place() + ") to be tagged " + vid,
                    "it arrived " + tag(s.vlan())));
        }
        return this;
    }

    /**
     * The frame arrived at the interface of the row matched last without a tag.
     *
     * @return this assertion, to chain the next check
     * @throws AssertionError when it arrived tagged, or no row was matched yet
     */
    public TraceAssert untagged() {
        final Step s = currentStep();
        if (s.tagged()) {
            throw failure("%s", message("at step " + s.step() + " (" + s.place() + ") to be untagged",
                    "it arrived " + tag(s.vlan())));
        }
        return this;
    }

    /**
     * The device of the row matched last did this ({@link Action#ROUTED}, {@link Action#SWITCHED}, ...).
     *
     * @param action what the device did with the frame
     * @return this assertion, to chain the next check
     * @throws AssertionError when it did something else, or no row was matched yet
     */
    public TraceAssert with(final Action action) {
        final Step s = currentStep();
        if (s.action() != action) {
            throw failure("%s", message("at step " + s.step() + " (" + s.place() + ") to be " + action,
                    "it was " + s.action()));
        }
        return this;
    }

    /**
     * The device of the row matched last routed the frame: same as {@code with(Action.ROUTED)}.
     *
     * @return this assertion, to chain the next check
     * @throws AssertionError when it did something else, or no row was matched yet
     */
    public TraceAssert routed() {
        return with(Action.ROUTED);
    }

    /**
     * The IPv4 TTL as the frame arrived at the interface of the row matched last.
     *
     * @param ttl the time to live, 0-255 (a sender starts at 64; each router decrements it)
     * @return this assertion, to chain the next check
     * @throws AssertionError when the frame carried another TTL, or no row was matched yet
     */
    public TraceAssert withTtl(final int ttl) {
        final Step s = currentStep();
        if (!Objects.equals(s.ttl(), ttl)) {
            throw failure("%s", message("at step " + s.step() + " (" + s.place() + ") to carry TTL " + ttl,
                    "it carried " + s.ttl()));
        }
        return this;
    }

    /**
     * The source MAC as the frame arrived at the interface of the row matched last.
     *
     * @param mac colon-separated hex ("00:1b:17:00:01:01"), any case
     * @return this assertion, to chain the next check
     * @throws AssertionError when the frame had another source MAC, or no row was matched yet
     */
    public TraceAssert withSourceMac(final String mac) {
        final Step s = currentStep();
        if (!s.srcMac().equalsIgnoreCase(mac)) {
            throw failure("%s", message("at step " + s.step() + " (" + s.place() + ") to have source MAC " + mac,
                    "it had " + s.srcMac()));
        }
        return this;
    }

    /**
     * The path never crosses this device and interface, at any step (independent of the rows matched so far).
     *
     * @param device the device's name as the table shows it ("node0", "Virtual Machine 3"), in any case
     * @param iface  the interface as the table shows it or another spelling of it ("Ethernet 1/3", "eth1/3" and
     *     "Ethernet1/3" are one interface)
     * @return this assertion, to chain the next check
     * @throws AssertionError naming the first step that does cross it
     */
    public TraceAssert neverPasses(final String device, final String iface) {
        isNotNull();
        for (final Step s : actual.steps()) {
            if (samePlace(s.device(), s.iface(), device, iface)) {
                throw failure("%s", message("never to pass " + device + " / " + iface, "it does at step " + s.step()));
            }
        }
        return this;
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private Step currentStep() {
        isNotNull();
        if (current == null) {
            throw failure("%s", message("to have a step matched by passes(device, interface) before checking it",
                    "none was matched"));
        }
        return current;
    }

    private static boolean samePlace(final String device, final String iface, final String wantedDevice,
                                     final String wantedIface) {
        return device.equalsIgnoreCase(wantedDevice.trim())
                && InterfaceNames.normalize(iface).equals(InterfaceNames.normalize(wantedIface));
    }

    private static String tag(final Integer vid) {
        return vid == null ? "untagged" : "tagged " + vid;
    }

    private String dropText() {
        return actual.drop() == null ? "" : " at " + actual.drop().device() + " / " + actual.drop().iface() + ": "
                + actual.drop().reason();
    }

    /**
     * Expecting / what was expected / but, then the trace as the documents' table. {@code expectation} reads on
     * from "Expecting trace of TITLE" ("to be DELIVERED", "at step 3 (node0 / eth0) to push tag 2003", "never to
     * pass ..."); {@code butWhat} from "but" ("it was DROPPED ...").
     */
    private String message(final String expectation, final String butWhat) {
        return String.format("%nExpecting trace of %s%n%s%nbut %s:%n%s", actual.title(), expectation, butWhat,
                StepTable.describe(actual, View.DOCUMENT));
    }
}
