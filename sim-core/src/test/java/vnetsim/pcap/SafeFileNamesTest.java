package vnetsim.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeFileNamesTest {

    @Test
    void replaces_every_unsafe_character_by_one_underscore() {
        assertThat(SafeFileNames.sanitize("vm-ä/eth0")).isEqualTo("vm-__eth0");
        assertThat(SafeFileNames.sanitize("sw/Gi1/0/1 \"up\"*?<>|")).isEqualTo("sw_Gi1_0_1__up______");
        assertThat(SafeFileNames.sanitize("host/\uD83D\uDE00")).isEqualTo("host__"); // one code point, one '_'
    }

    @Test
    void never_yields_hidden_or_empty_or_overlong_names() {
        assertThat(SafeFileNames.sanitize("")).isEqualTo("_");
        assertThat(SafeFileNames.sanitize("..")).isEqualTo("_..");
        assertThat(SafeFileNames.sanitize("x".repeat(1000))).hasSize(SafeFileNames.MAX_BASE_LENGTH);
    }

    @Test
    void clashes_get_numeric_suffixes_in_first_seen_order_ignoring_case() {
        SafeFileNames names = new SafeFileNames(".pcap");
        assertThat(names.assign("a/b")).isEqualTo("a_b.pcap");
        assertThat(names.assign("a:b")).isEqualTo("a_b-2.pcap");
        assertThat(names.assign("A b")).isEqualTo("A_b-3.pcap");
        assertThat(names.assign("a/b-2")).isEqualTo("a_b-2-2.pcap");
    }
}
