package vnetsim.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MacAddressTest {

    @Test
    void parse_and_format_round_trip() {
        for (final String text : new String[] {"52:54:00:00:04:0a", "00:00:00:00:00:01", "ff:ff:ff:ff:ff:ff",
                "0a:58:c0:a8:16:03", "fe:dc:ba:98:76:54"}) {
            assertThat(MacAddress.format(MacAddress.parse(text))).isEqualTo(text);
        }
        assertThat(MacAddress.parse("52:54:00:00:04:0a")).isEqualTo(0x5254_0000_040aL);
    }

    @Test
    void parse_accepts_upper_case_and_dashes_and_formats_lower_case_colons() {
        assertThat(MacAddress.format(MacAddress.parse("52-54-00-AB-CD-EF"))).isEqualTo("52:54:00:ab:cd:ef");
    }

    @Test
    void parse_rejects_malformed_text_naming_it() {
        assertThatThrownBy(() -> MacAddress.parse("52:54:00:00:04"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'52:54:00:00:04'");
        assertThatThrownBy(() -> MacAddress.parse("52:54:00:00:04:zz"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("52:54:00:00:04:zz");
        assertThatThrownBy(() -> MacAddress.parse("52:54:00:00:04:100"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void multicast_is_the_group_bit() {
        assertThat(MacAddress.isMulticast(MacAddress.BROADCAST)).isTrue();
        assertThat(MacAddress.isMulticast(MacAddress.parse("01:00:5e:00:00:01"))).isTrue();
        assertThat(MacAddress.isMulticast(MacAddress.parse("33:33:00:00:00:01"))).isTrue();
        assertThat(MacAddress.isMulticast(MacAddress.parse("01:80:c2:00:00:00"))).isTrue();
        assertThat(MacAddress.isMulticast(MacAddress.parse("52:54:00:00:04:0a"))).isFalse();
        assertThat(MacAddress.isMulticast(MacAddress.parse("02:00:00:00:00:00"))).as("local bit only").isFalse();
        assertThat(MacAddress.isBroadcast(MacAddress.BROADCAST)).isTrue();
    }

    @Test
    void valid_source_is_unicast_and_not_zero() {
        assertThat(MacAddress.isValidSource(MacAddress.parse("52:54:00:00:04:0a"))).isTrue();
        assertThat(MacAddress.isValidSource(MacAddress.ZERO)).isFalse();
        assertThat(MacAddress.isValidSource(MacAddress.BROADCAST)).isFalse();
        assertThat(MacAddress.isValidSource(MacAddress.parse("01:00:5e:00:00:01"))).isFalse();
    }

    @Test
    void link_local_is_exactly_01_80_c2_00_00_00_to_0f() {
        assertThat(MacAddress.isLinkLocal(MacAddress.parse("01:80:c2:00:00:00"))).isTrue();
        assertThat(MacAddress.isLinkLocal(MacAddress.parse("01:80:c2:00:00:01"))).isTrue();
        assertThat(MacAddress.isLinkLocal(MacAddress.parse("01:80:c2:00:00:0e"))).isTrue();
        assertThat(MacAddress.isLinkLocal(MacAddress.parse("01:80:c2:00:00:0f"))).isTrue();
        assertThat(MacAddress.isLinkLocal(MacAddress.parse("01:80:c2:00:00:10"))).isFalse();
        assertThat(MacAddress.isLinkLocal(MacAddress.parse("01:80:c2:00:01:00"))).isFalse();
        assertThat(MacAddress.isLinkLocal(MacAddress.BROADCAST)).isFalse();
    }
}
