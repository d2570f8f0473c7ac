/**
 * The engine: {@link vnetsim.engine.Simulator} runs devices in virtual time over a compiled topology, records
 * each frame event into a primitive {@link vnetsim.engine.StepLog} and tells an optional
 * {@link vnetsim.engine.FrameObserver} (captures). It implements {@link vnetsim.device.Egress}; devices never
 * see the engine.
 */
package vnetsim.engine;
