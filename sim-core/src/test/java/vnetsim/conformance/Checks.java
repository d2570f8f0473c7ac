package vnetsim.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

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
}
