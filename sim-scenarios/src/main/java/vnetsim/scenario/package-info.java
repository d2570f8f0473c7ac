/**
 * The built-in scenarios (the acp virtualization network, the nested vSphere lab): a topology plus the flows its
 * design document describes, listed by {@code vnetsim scenarios}.
 */
package vnetsim.scenario;
