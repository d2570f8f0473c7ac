/**
 * Reads the cabling of a network folder: Batfish's layer-1 topology JSON, one edge per cable.
 */
package vnetsim.folder.layer1;
