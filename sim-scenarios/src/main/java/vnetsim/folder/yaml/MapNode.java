package vnetsim.folder.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import vnetsim.folder.Location;

/** A mapping in document order; each key keeps the line it was written on. */
public final class MapNode implements Node {
    private final Location at;
    private final Map<String, Node> values;
    private final Map<String, Location> keyLines;

    MapNode(final Location at, final LinkedHashMap<String, Node> values, final LinkedHashMap<String, Location> keyLines) {
        this.at = at;
        this.values = Collections.unmodifiableMap(values);
        this.keyLines = Collections.unmodifiableMap(keyLines);
    }

    @Override
    public Location at() {
        return at;
    }

    @Override
    public String kindName() {
        return "a mapping";
    }

    public Node get(final String key) {
        return values.get(key);
    }

    public boolean has(final String key) {
        return values.containsKey(key);
    }

    public Set<String> keys() {
        return values.keySet();
    }

    /** The line of the key (falls back to the mapping's own line). */
    public Location keyAt(final String key) {
        return keyLines.getOrDefault(key, at);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
