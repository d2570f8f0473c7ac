/**
 * Assertions for users' JUnit tests: {@link vnetsim.testing.TraceAssert#assertThatTrace} reads like the design
 * documents and prints the whole trace as their table when it fails. Shipped as main code so users get it.
 */
package vnetsim.testing;
