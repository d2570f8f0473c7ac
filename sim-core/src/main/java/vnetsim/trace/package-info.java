/**
 * Traces in people's vocabulary: {@link vnetsim.trace.Step} rows in the document view (the design documents'
 * granularity) and the full view (every ingress and egress), the {@link vnetsim.trace.Outcome} and
 * {@link vnetsim.trace.Drop}, built after a run by {@link vnetsim.trace.TraceBuilder} from the engine's primitive
 * log and rendered by {@link vnetsim.trace.StepTable}.
 */
package vnetsim.trace;
