package vnetsim.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * lib.sh's check_err / check_fail, recorded one by one instead of folded into RET, so that each check of a script
 * is its own JUnit test. {@code check_err $?} passes when the command before it succeeded; {@code check_fail $?}
 * passes when it failed.
 */
final class Checks {
    record Check(String function, String message, boolean passed) {
    }

    private final List<Check> checks = new ArrayList<>();
    private String function = "";

    /** The script function the following checks belong to. */
    Checks in(final String scriptFunction) {
        this.function = scriptFunction;
        return this;
    }

    /** check_err $? "message": the command (here: {@code succeeded}) must have succeeded. */
    void err(final boolean succeeded, final String message) {
        checks.add(new Check(function, message, succeeded));
    }

    /** check_fail $? "message": the command must have failed. */
    void fail(final boolean succeeded, final String message) {
        checks.add(new Check(function, message, !succeeded));
    }

    /** check_err_fail should_fail $? what. */
    void errFail(final boolean shouldFail, final boolean succeeded, final String what) {
        if (shouldFail) {
            fail(succeeded, what + " succeeded, but should have failed");
        } else {
            err(succeeded, what + " failed");
        }
    }

    int size() {
        return checks.size();
    }

    Check get(final int index) {
        return checks.get(index);
    }

    /** Asserts that check number {@code index} (0-based, in script order) passed and says which one it is. */
    void assertPassed(final int index, final String expectedMessage) {
        assertThat(checks).as("the script function ran far enough to reach check %d", index).hasSizeGreaterThan(index);
        final Check c = checks.get(index);
        assertThat(c.message()).as("check %d is the script's \"%s\"", index, expectedMessage)
                .isEqualTo(expectedMessage);
        assertThat(c.passed()).as("%s: %s", c.function(), c.message()).isTrue();
    }

    /**
     * One dynamic test per recorded check, named "function: message", after one that pins how many checks the script
     * function has (so a check that silently stopped being reached fails too).
     */
    Stream<DynamicTest> asTests(final int expectedCount) {
        final Stream<DynamicTest> count = Stream.of(DynamicTest.dynamicTest(
                "reaches all " + expectedCount + " checks of the script",
                () -> assertThat(checks).hasSize(expectedCount)));
        return Stream.concat(count, IntStream.range(0, checks.size()).mapToObj(i -> {
            final Check c = checks.get(i);
            return DynamicTest.dynamicTest((i + 1) + ". " + c.function() + ": " + c.message(),
                    () -> assertThat(c.passed()).as("%s: %s", c.function(), c.message()).isTrue());
        }));
    }
}
