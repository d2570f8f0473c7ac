/**
 * Reads a network folder's Kubernetes manifests: Namespaces, NetworkAttachmentDefinitions using the bridge CNI
 * plugin, KubeVirt VirtualMachines and Pods attached to them through Multus.
 */
package vnetsim.folder.k8s;
