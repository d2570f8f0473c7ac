package vnetsim.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written heading scanner gives the old expressions' results, in linear time. */
class HeadingsTest {
    /** The expressions Headings replaces (they backtrack quadratically on long runs of blanks). */
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern FLOW_TITLE =
            Pattern.compile("^(.+?)\\s+(?:to|→|->)\\s+(.+)$", Pattern.CASE_INSENSITIVE);
    /** A hang guard, not a speed target: linear code takes milliseconds, the old expressions minutes. */
    private static final Duration GUARD = Duration.ofSeconds(10);

    @Test
    void agreesWithTheOldExpressionsOnRandomLines() {
        final Random random = new Random(10);
        final String alphabet = "  \t##ttoOT->→aVM1x";
        for (int n = 0; n < 200_000; n++) {
            final StringBuilder line = new StringBuilder();
            final int length = random.nextInt(16);
            for (int i = 0; i < length; i++) {
                line.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            final String s = line.toString();
            final Matcher h = HEADING.matcher(s);
            assertThat(Headings.text(s)).as("heading of [%s]", s).isEqualTo(h.matches() ? h.group(1) : null);
            final Matcher f = FLOW_TITLE.matcher(s);
            assertThat(Headings.flow(s)).as("flow of [%s]", s)
                    .isEqualTo(f.matches() ? new String[] {f.group(1), f.group(2)} : null);
        }
    }

    @Test
    void readsTheDocumentsHeadings() {
        assertThat(Headings.text("### VM1 to VM3 ###")).isEqualTo("VM1 to VM3");
        assertThat(Headings.text("####### seven")).isNull();
        assertThat(Headings.text("    # indented code")).isNull();
        assertThat(Headings.flow("Virtual Machine 1 → Virtual Machine 4"))
                .containsExactly("Virtual Machine 1", "Virtual Machine 4");
        assertThat(Headings.flow("Traffic Flow")).isNull();
    }

    @Test
    void headingWithTenThousandSpacesIsReadInLinearTime() {
        final String line = "# a" + " ".repeat(10_000) + "b";
        assertTimeoutPreemptively(GUARD, () -> assertThat(Headings.text(line)).endsWith("b"));
    }

    @Test
    void hundredThousandCharacterHeadingsAndTitlesAreReadInLinearTime() {
        for (final String body : new String[] {" ".repeat(100_000), "a ".repeat(50_000), "to ".repeat(33_333),
                "#".repeat(100_000), "x" + " \t".repeat(50_000) + "to", "-> ".repeat(33_333) + "#"}) {
            assertTimeoutPreemptively(GUARD, () -> {
                Headings.text("# " + body);
                Headings.flow(body);
                Headings.flow("A" + body + "B");
            });
        }
    }
}
