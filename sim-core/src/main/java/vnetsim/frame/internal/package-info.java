/**
 * Engine-internal access that must not be public API: the trace bookkeeping a {@link vnetsim.frame.Frame}
 * carries for the engine. Not exported by the {@code vnetsim.core} module.
 */
package vnetsim.frame.internal;
