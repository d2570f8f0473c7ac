/**
 * Network folders: a directory of the files people already write (nmstate policies, NX-OS configs, Kubernetes
 * manifests, firewall YAML, a layer-1 cabling file) read into a runnable network, with every error naming file
 * and line. Shipped folders live in {@code src/networks/NAME}; the format is documented in
 * {@code src/networks/README.md}.
 */
package vnetsim.folder;
