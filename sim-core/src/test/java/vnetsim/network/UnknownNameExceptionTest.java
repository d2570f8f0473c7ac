package vnetsim.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a message quotes of a name the network does not have: all of a normal one, a safe part of a hostile one. */
class UnknownNameExceptionTest {
    private static final List<String> HOSTS = List.of("node0", "node1", "Switch", "Firewall");

    @Test
    void a_misspelt_name_is_quoted_whole_with_the_closest_names() {
        final UnknownNameException e = UnknownNameException.of("device", "nod0", HOSTS);

        assertThat(e.getMessage()).isEqualTo("no device named 'nod0'; closest: node0, node1");
    }

    @Test
    void a_name_of_a_hundred_thousand_characters_is_cut_saying_how_long_it_was() {
        final String name = "x".repeat(100_000);

        final UnknownNameException e = UnknownNameException.of("device", name, HOSTS);

        assertThat(e.getMessage()).hasSizeLessThan(200)
                .startsWith("no device named '" + "x".repeat(60) + "... (100000 characters)'");
        assertThat(e.name()).isEqualTo(name);
    }

    @Test
    void control_characters_in_a_name_cannot_move_the_terminal() {
        final UnknownNameException e = UnknownNameException.of("device", "vm1\n\u001b[2Jvm2", HOSTS);

        assertThat(e.getMessage()).startsWith("no device named 'vm1??[2Jvm2'").doesNotContain("\n", "\u001b");
    }

    @Test
    void a_long_name_is_never_cut_inside_a_character() {
        final String name = "a".repeat(59) + "\uD83D\uDE00".repeat(40);         // an emoji across the cut

        final String shown = vnetsim.io.Quoted.name(name);

        assertThat(shown).startsWith("a".repeat(59) + "... (");
        assertThat(shown.chars().filter(c -> Character.isSurrogate((char) c)).count()).isZero();
    }
}
