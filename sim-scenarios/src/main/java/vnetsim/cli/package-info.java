/**
 * The {@code vnetsim} command line (picocli): {@code trace}, {@code describe}, {@code scenarios} and
 * {@code verify}, with text and JSON output. Exit status 0, 1 (a verified document disagrees, a capture cannot be
 * written) or 2 (usage or input error, one message, never a stack trace); see {@link vnetsim.cli.Main}.
 */
package vnetsim.cli;
