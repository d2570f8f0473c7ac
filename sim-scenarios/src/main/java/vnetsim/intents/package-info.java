/** Intents files ({@code vnetsim check --intents FILE}): what a network must keep doing, in YAML; JUnit XML reports. */
package vnetsim.intents;
