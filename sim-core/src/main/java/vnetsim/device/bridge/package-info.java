/**
 * A Linux bridge's forwarding state as the kernel keeps it (net/bridge): the forwarding database with its entry
 * types, learning and ageing ({@link vnetsim.device.bridge.BridgeFdb}), per-port flags and STP port states. Rules
 * and sources: {@code src/docs/forwarding-rules.md}.
 */
package vnetsim.device.bridge;
