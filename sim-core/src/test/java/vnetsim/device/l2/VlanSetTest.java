package vnetsim.device.l2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** NX-OS VLAN list syntax ("switchport trunk allowed vlan 2003-2005"), semantics.md section 5. */
class VlanSetTest {

    @Test
    void parses_a_range_and_contains_exactly_its_ends_and_what_is_between() {
        final VlanSet set = VlanSet.parse("2003-2005");
        assertThat(set.contains(2002)).isFalse();
        assertThat(set.contains(2003)).isTrue();
        assertThat(set.contains(2004)).isTrue();
        assertThat(set.contains(2005)).isTrue();
        assertThat(set.contains(2006)).isFalse();
        assertThat(set).hasToString("2003-2005");
    }

    @Test
    void parses_a_list_of_ids_and_ranges() {
        final VlanSet set = VlanSet.parse("10,20,30-40");
        assertThat(set.contains(10)).isTrue();
        assertThat(set.contains(11)).isFalse();
        assertThat(set.contains(20)).isTrue();
        assertThat(set.contains(29)).isFalse();
        assertThat(set.contains(30)).isTrue();
        assertThat(set.contains(40)).isTrue();
        assertThat(set.contains(41)).isFalse();
        assertThat(set).hasToString("10,20,30-40");
        assertThat(VlanSet.parse(" 10 , 20 , 30 - 40 ")).isEqualTo(set);
    }

    @Test
    void contains_the_edges_of_the_vid_space() {
        final VlanSet all = VlanSet.parse("all");
        assertThat(all.contains(1)).isTrue();
        assertThat(all.contains(4094)).isTrue();
        assertThat(all.contains(0)).isFalse();
        assertThat(all.contains(4095)).isFalse();
        assertThat(all.contains(-1)).isFalse();
        assertThat(all.contains(4096)).isFalse();
        assertThat(VlanSet.parse("4094").contains(4094)).isTrue();
        assertThat(VlanSet.parse("63-64").contains(63)).isTrue();     // across a bitmap word
        assertThat(VlanSet.parse("63-64").contains(64)).isTrue();
        assertThat(VlanSet.parse("63-64").contains(65)).isFalse();
        assertThat(VlanSet.parse("none").isEmpty()).isTrue();
    }

    @Test
    void rejects_a_non_number_naming_it() {
        assertThatThrownBy(() -> VlanSet.parse("20x5"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'20x5'")
                .hasMessageContaining("not a VLAN ID");
    }

    @Test
    void rejects_a_vid_above_4095_naming_it() {
        assertThatThrownBy(() -> VlanSet.parse("4096"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'4096'");
        assertThatThrownBy(() -> VlanSet.parse("2003-4096"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'2003-4096'");
    }

    @Test
    void rejects_the_reserved_vids_0_and_4095_in_an_allowed_list() {
        assertThatThrownBy(() -> VlanSet.parse("0")).hasMessageContaining("'0' is not a VLAN ID (1-4094)");
        assertThatThrownBy(() -> VlanSet.parse("2003,4095")).hasMessageContaining("'4095'");
    }

    @Test
    void rejects_a_reversed_range_saying_so() {
        assertThatThrownBy(() -> VlanSet.parse("5-3"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'5-3'")
                .hasMessageContaining("reversed");
    }

    @Test
    void plus_and_minus() {
        final VlanSet trunk = VlanSet.parse("2003-2005").plus(VlanSet.of(1));
        assertThat(trunk).hasToString("1,2003-2005");
        assertThat(trunk.minus(VlanSet.of(2004))).hasToString("1,2003,2005");
    }

    // Issue #9 (e): 420,003 VlanSets of a 1,000-node topology each held a long[64]; equal sets are now one object.
    @Test
    void equal_sets_however_written_are_one_instance() {
        assertThat(VlanSet.parse("10-12")).isSameAs(VlanSet.of(10, 11, 12));
        assertThat(VlanSet.range(1, 4094)).isSameAs(VlanSet.ALL);
        assertThat(VlanSet.parse("5").minus(VlanSet.of(5))).isSameAs(VlanSet.NONE);
        assertThat(VlanSet.of(7).plus(VlanSet.of(9))).isSameAs(VlanSet.parse("7,9"));
    }

    // The printed form depends on the VIDs only, not on how a first equal set was written: NX-OS prints
    // consecutive VLANs as one range ("show running-config": "switchport trunk allowed vlan 10-11").
    @Test
    void prints_consecutive_vids_as_one_range_whichever_way_they_were_written() {
        assertThat(VlanSet.parse("10,11")).hasToString("10-11");
        assertThat(VlanSet.parse("10-20,15-25")).hasToString("10-25");
        assertThat(VlanSet.of(3, 1, 2)).hasToString("1-3");
    }

    @Test
    void answers_false_past_the_highest_vid_it_holds_and_for_negative_vids() {
        final VlanSet low = VlanSet.of(1);
        assertThat(low.contains(1)).isTrue();
        assertThat(low.contains(64)).isFalse();
        assertThat(low.contains(4094)).isFalse();
        assertThat(low.contains(Integer.MIN_VALUE)).isFalse();
        assertThat(low.contains(-63)).isFalse();
        assertThat(VlanSet.NONE.contains(0)).isFalse();
        assertThat(VlanSet.NONE.toArray()).isEmpty();
        assertThat(VlanSet.parse("1,4094").toArray()).containsExactly(1, 4094);
    }
}
