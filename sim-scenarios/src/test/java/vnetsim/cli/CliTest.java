package vnetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line as a user runs it: outputs, the JSON contract, exit statuses and error messages. */
class CliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void lists_and_describes_the_scenario() {
        assertThat(run("scenarios")).isZero();
        assertThat(out.toString()).startsWith("acp-virtualization");

        assertThat(run("describe", "acp-virtualization")).isZero();
        assertThat(out.toString()).contains("enp4s0f0.2003  802.1Q VLAN 2003")
                .contains("Ethernet1/3  switchport mode trunk, allowed vlan 2003-2005")
                .contains("vm1    Virtual Machine 1  vmnic1  172.16.4.208/24  gw 172.16.4.1  mac 02:00:ac:10:04:d0");
    }

    @Test
    void markdown_prints_the_documents_vm1_to_vm3_table() {
        assertThat(run("trace", "acp-virtualization", "vm1", "vm3", "--format", "markdown")).isZero();
        final String[] lines = out.toString().split("\n");
        assertThat(lines[0]).isEqualTo("| Step Number | Source | Destination | Device | Interface | Tagged/Untagged | Notes |");
        assertThat(lines).hasSize(13);
        assertThat(lines[4]).startsWith("| 3. | Virtual Machine 1 | Virtual Machine 3 | node0 | `enp4s0f0.2003` | Untagged | Adding VLAN tag 2003");
        assertThat(lines[7]).startsWith("| 6. | Virtual Machine 1 | Virtual Machine 3 | Firewall | `Uplink 1` | Tagged | Routed")
                .contains("tag changed from 2003 to 2004");
        assertThat(lines[10]).startsWith("| 9. | Virtual Machine 1 | Virtual Machine 3 | node0 | `enp4s0f0.2004` | Tagged | Removing VLAN tag 2004");
    }

    @Test
    void json_follows_the_contract() throws Exception {
        assertThat(run("trace", "acp-virtualization", "Virtual Machine 1", "vm3", "--format", "json")).isZero();
        final JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(fieldNames(root)).containsExactly("scenario", "from", "to", "protocol", "outcome", "drop", "steps",
                "events");
        assertThat(root.get("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(root.get("drop").isNull()).isTrue();
        final JsonNode firewall = root.get("steps").get(5);
        assertThat(fieldNames(firewall)).contains("step", "source", "destination", "device", "interface",
                "direction", "tagged", "vlan", "srcMac", "dstMac", "srcIp", "dstIp", "ttl", "etherType", "note");
        assertThat(firewall.get("device").asText()).isEqualTo("Firewall");
        assertThat(firewall.get("vlan").asInt()).isEqualTo(2003);
        assertThat(firewall.get("direction").isNull()).isTrue();
        assertThat(firewall.get("etherType").asText()).isEqualTo("0x0800");
        final JsonNode last = root.get("steps").get(10);
        assertThat(last.get("ttl").asInt()).isEqualTo(63);
        assertThat(last.get("srcMac").asText()).isEqualTo("00:1b:17:00:01:01");
        assertThat(root.get("events").get(0).has("time_ns")).isTrue();
        assertThat(root.get("events").get(0).get("direction").asText()).isEqualTo("out");
    }

    @Test
    void full_view_has_every_ingress_and_egress() throws Exception {
        assertThat(run("trace", "acp-virtualization", "vm1", "vm3", "--view", "full", "--format", "json")).isZero();
        final JsonNode steps = new ObjectMapper().readTree(out.toString()).get("steps");
        final List<String> places = new ArrayList<>();
        steps.forEach(s -> places.add(s.get("device").asText() + "/" + s.get("interface").asText() + " "
                + s.get("direction").asText()));
        assertThat(places).containsSubsequence("Switch/Ethernet1/3 in", "Switch/Ethernet1/1 out",
                "Firewall/Uplink 1 in", "Firewall/Uplink 1 out", "Switch/Ethernet1/1 in", "Switch/Ethernet1/3 out");
    }

    @Test
    void cold_json_events_hold_the_arp_broadcast_and_the_reply() throws Exception {
        assertThat(run("trace", "acp-virtualization", "vm1", "vm3", "--cold", "--format", "json")).isZero();
        final JsonNode events = new ObjectMapper().readTree(out.toString()).get("events");
        boolean broadcast = false;
        boolean reply = false;
        for (final JsonNode e : events) {
            broadcast |= e.get("etherType").asText().equals("0x0806") && e.get("dstMac").asText().equals("ff:ff:ff:ff:ff:ff");
            reply |= e.get("etherType").asText().equals("0x0806") && e.get("note").asText().startsWith("Answer sent by");
        }
        assertThat(broadcast).isTrue();
        assertThat(reply).isTrue();
    }

    @Test
    void a_dropped_packet_is_still_a_successful_run() {
        assertThat(run("trace", "acp-virtualization", "vm1", "vm3", "--protocol", "arp")).isZero();
        assertThat(out.toString()).contains("Outcome: DROPPED");
    }

    @Test
    void usage_errors_exit_2_with_one_message_naming_the_bad_argument() {
        assertThat(run("trace", "acp-virtualization", "vm1", "vm9")).isEqualTo(2);
        assertThat(err.toString()).startsWith("vnetsim: no endpoint 'vm9'; endpoints: vm1 (Virtual Machine 1)")
                .doesNotContain("Exception").doesNotContain("\tat ");

        err.getBuffer().setLength(0);
        assertThat(run("trace", "acp-virtualization", "vm1", "vm3", "--format", "xml")).isEqualTo(2);
        assertThat(err.toString()).contains("'--format'").contains("TABLE, MARKDOWN, JSON").contains("'xml'");

        err.getBuffer().setLength(0);
        assertThat(run("trace", "no-such", "vm1", "vm3")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("vnetsim: unknown scenario 'no-such'; scenarios: acp-virtualization, vsphere-lab, vsphere-nested-lab\n");

        err.getBuffer().setLength(0);
        assertThat(run("trace", "acp-virtualization", "vm1")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter: 'TO'");

        assertThat(run()).isEqualTo(2);
    }

    private static List<String> fieldNames(final JsonNode node) {
        final List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
