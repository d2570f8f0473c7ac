package vnetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vnetsim.analysis.Network;
import vnetsim.analysis.PairEquivalence;
import vnetsim.analysis.Reachability;
import vnetsim.network.NetworkSpec;
import vnetsim.network.SyntheticNetwork;
import vnetsim.trace.Outcome;
import vnetsim.whatif.ChangeParser;
import vnetsim.whatif.SpecEquivalence;

/** The synthetic network generator, and the matrix's fast (path-less) mode against full traces. */
class SyntheticNetworkTest {
    @Test
    void aSmallSyntheticNetworkReachesEverywhereAndIsTheSameEachTime() {
        final NetworkSpec spec = SyntheticNetwork.generate(4, 3, 20);
        assertThat(spec).isEqualTo(SyntheticNetwork.generate(4, 3, 20));
        assertThat(spec.hosts()).hasSize(4);
        assertThat(spec.workloads()).hasSize(20);
        assertThat(spec.switchNamed("Switch").ports()).hasSize(5);
        final Reachability matrix = Reachability.of(spec.network());
        assertThat(matrix.cells()).hasSize(20 * 19).allSatisfy(c -> assertThat(c.outcome()).isEqualTo(Outcome.DELIVERED));
        assertThat(matrix.cell("w0", "w1").path()).contains("Firewall / Uplink 1");     // VLAN 100 -> 101: routed
    }

    @Test
    void withoutPathsTheMatrixDecidesEveryPairAsTheFullTraceDoes() {
        final Network changed = SyntheticNetwork.generate(4, 3, 20).network()
                .with(ChangeParser.parse("remove vlan 101 from Switch Ethernet1/3"))
                .with(ChangeParser.parse("add acl on Firewall: deny 10.2.0.0/16 10.0.0.0/16 icmp"));
        final Reachability full = Reachability.of(changed);
        final Reachability fast = Reachability.of(changed, Reachability.Options.defaults().withoutPaths());
        assertThat(full.failures()).isNotEmpty();
        assertThat(fast.cells()).hasSameSizeAs(full.cells());
        for (final Reachability.Cell c : full.cells()) {
            final Reachability.Cell f = fast.cell(c.from(), c.to());
            assertThat(f.outcome()).as(c.pair()).isEqualTo(c.outcome());
            assertThat(f.drop()).as(c.pair()).isEqualTo(c.drop());
            assertThat(f.cause()).as(c.pair()).isEqualTo(c.cause());
        }
    }

    /**
     * The equivalence the scale runs rely on: pairs whose sender and destination sit alike (alike hosts, same
     * bridge and VLAN, subnet, ACL matches, same-host and same-bridge relation) behave alike. Checked against a
     * full simulation of every pair, on networks with failures of several kinds (a trunk missing a VLAN on one
     * node, an ACL rule, a shut subinterface, a moved workload).
     */
    @Test
    void pairsOfOneEquivalenceClassBehaveAlikeAsFullSimulationShows() {
        final NetworkSpec base = SyntheticNetwork.generate(5, 3, 30);
        final String[][] changes = {
            {},
            {"remove vlan 101 from Switch Ethernet1/3"},
            {"add acl on Firewall: deny 10.2.0.0/16 10.0.0.12/32 icmp", "shut node4 enp4s0f0.100"},
            {"move w7 to node0", "set mtu 1400 on node2 enp4s0f0"},
        };
        for (final String[] set : changes) {
            Network net = base.network();
            for (final String c : set) {
                net = net.with(ChangeParser.parse(c));
            }
            final NetworkSpec spec = (NetworkSpec) net.source().orElseThrow();
            final SpecEquivalence classes = SpecEquivalence.of(spec);
            assertThat(classes.classes()).as(String.join(", ", set)).isLessThan(spec.workloads().size());
            final Reachability full = Reachability.of(net, Reachability.Options.defaults().withoutPaths());
            final Reachability fast = Reachability.of(net, Reachability.Options.defaults().withEquivalence(classes));
            for (final Reachability.Cell c : full.cells()) {
                final Reachability.Cell f = fast.cell(c.from(), c.to());
                assertThat(f.outcome()).as(String.join(", ", set) + ": " + c.pair()).isEqualTo(c.outcome());
                assertThat(f.drop()).as(c.pair()).isEqualTo(c.drop());
                assertThat(f.cause()).as(c.pair()).isEqualTo(c.cause());
            }
            final java.util.Map<Long, Outcome> byClass = new java.util.HashMap<>();
            for (final Reachability.Cell c : full.cells()) {
                final Outcome seen = byClass.putIfAbsent(classes.key(c.from(), c.to()), c.outcome());
                assertThat(seen == null || seen == c.outcome()).as("class of " + c.pair()).isTrue();
            }
            // the matrix asks by index (SpecEquivalence.indexed): the same keys as by id, for every pair
            final List<String> ids = full.endpoints();
            final PairEquivalence.Indexed byIndex = classes.indexed(ids);
            for (int f = 0; f < ids.size(); f++) {
                for (int t = 0; t < ids.size(); t++) {
                    assertThat(byIndex.key(f, t)).as(ids.get(f) + " -> " + ids.get(t))
                            .isEqualTo(classes.key(ids.get(f), ids.get(t)));
                }
            }
        }
    }

    /**
     * Grouping and filling by class run on the worker threads, and filled cells are made when read: the matrix
     * is the same on one and two threads, with the equivalence asked by index (SpecEquivalence) or by id (a plain
     * lambda, PairEquivalence's default), by rows too, and only the representatives and the failing pairs are
     * traced. Progress reaches the number of pairs.
     */
    @Test
    void the_matrix_by_class_is_the_same_on_one_and_two_threads_and_traces_only_representatives_and_failures() {
        final Network net = SyntheticNetwork.generate(5, 3, 30).network()
                .with(ChangeParser.parse("remove vlan 101 from Switch Ethernet1/3"));
        final SpecEquivalence classes = SpecEquivalence.of((NetworkSpec) net.source().orElseThrow());
        final Reachability full = Reachability.of(net, Reachability.Options.defaults().withoutPaths());
        final java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        final Reachability.Options byClass = Reachability.Options.defaults().withEquivalence(classes)
                .withProgress(done -> most.accumulateAndGet(done, Math::max));
        final Reachability one = Reachability.of(net, byClass.withThreads(1));
        final Reachability two = Reachability.of(net, byClass.withThreads(2));
        final Reachability byId = Reachability.of(net, Reachability.Options.defaults().withThreads(2)
                .withEquivalence((from, to) -> classes.key(from, to)));
        assertThat(most.get()).isEqualTo(30 * 29);
        assertThat(one.failures()).isNotEmpty().isEqualTo(full.failures());
        assertThat(one.cells()).hasSize(30 * 29).isEqualTo(full.cells()).isEqualTo(two.cells())
                .isEqualTo(byId.cells());
        assertThat(one.cell("w0", "w1")).isEqualTo(one.cells().get(0)).isEqualTo(full.cell("w0", "w1"));
        assertThat(full.tracedPairs()).isEqualTo(30 * 29);
        assertThat(one.tracedPairs()).isEqualTo(two.tracedPairs()).isEqualTo(byId.tracedPairs())
                .isLessThan(30 * 29).isGreaterThanOrEqualTo(one.failures().size());

        final Reachability.Options rows = byClass.withSenders(List.of("w3", "w11"));
        assertThat(Reachability.of(net, rows.withThreads(1)).cells()).hasSize(2 * 29)
                .isEqualTo(Reachability.of(net, rows.withThreads(2)).cells())
                .isEqualTo(full.cells().stream().filter(c -> c.from().equals("w3") || c.from().equals("w11")).toList());
    }

    @Test
    void sendersRestrictTheRowsAndOneOrTwoThreadsGiveTheSameMatrix() {
        final Network net = SyntheticNetwork.generate(3, 2, 12).network();
        final Reachability.Options rows = Reachability.Options.defaults().withSenders(List.of("w0", "w7"));
        final Reachability one = Reachability.of(net, rows.withThreads(1));
        final Reachability two = Reachability.of(net, rows.withThreads(2));
        assertThat(one.cells()).hasSize(2 * 11).isEqualTo(two.cells());
    }
}
