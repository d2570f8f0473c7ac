package vnetsim.folder.yaml;

import vnetsim.folder.Location;

/**
 * A scalar as written: its text ({@code null} for YAML null / empty value) and whether it was a string token (quoted
 * or plain text) rather than a number or boolean.
 */
public record ScalarNode(Location at, String text, boolean string) implements Node {
    public boolean isNull() {
        return text == null;
    }

    @Override
    public String kindName() {
        return isNull() ? "an empty value" : "'" + text + "'";
    }
}
