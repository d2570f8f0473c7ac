/**
 * Safe, bounded YAML and JSON reading into {@link vnetsim.folder.yaml.Node} trees that carry line numbers, so that
 * every importer's error can name file and line; YAML tags never instantiate types and aliases are refused.
 */
package vnetsim.folder.yaml;
