/**
 * Verifying a design document's hand-written flow tables against the simulation.
 *
 * <p>{@link vnetsim.verify.FlowTableParser} finds each step-by-step table (Step, Source, Destination, Device,
 * Interface, Tagged/Untagged, Notes; spellings and order vary) under an "X to Y" heading.
 * {@link vnetsim.verify.DocumentVerifier} runs each flow through a {@link vnetsim.verify.FlowSimulator}, aligns the
 * rows with the simulated document-view rows and reports {@link vnetsim.verify.Finding}s;
 * {@link vnetsim.verify.DocumentFixer} rewrites just the wrong cells. {@code vnetsim.cli.VerifyCommand} is the
 * {@code vnetsim verify} subcommand.
 *
 * <p>Which scenario a document describes is given by {@code --scenario NAME}, or else by a file {@code .vnetsim}
 * in the document's directory containing a line {@code scenario: NAME} (see {@link vnetsim.verify.ScenarioSidecar}).
 */
package vnetsim.verify;
