package vnetsim.folder.yaml;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import vnetsim.folder.Diagnostics;
import vnetsim.folder.Location;

/**
 * Typed reading of one mapping: each accessor marks its key as understood; {@link #finish()} warns about every key
 * nobody asked for ("not supported, ignored"), naming file and line. A value of the wrong shape or out of range is
 * an error naming the value and what would be valid; the accessor then returns empty so reading goes on.
 */
public final class Fields {
    private final MapNode map;
    private final Diagnostics diagnostics;
    private final String context;
    private final Set<String> used = new HashSet<>();

    /** @param context what the mapping is, for messages ("interface 'bond0'", "NetworkAttachmentDefinition") */
    public Fields(final MapNode map, final Diagnostics diagnostics, final String context) {
        this.map = map;
        this.diagnostics = diagnostics;
        this.context = context;
    }

    /** Reads {@code node} as a mapping, or reports that it is not one. */
    public static Optional<Fields> of(final Node node, final Diagnostics diagnostics, final String context) {
        if (node instanceof MapNode m) {
            return Optional.of(new Fields(m, diagnostics, context));
        }
        if (node instanceof ScalarNode s && s.isNull()) {
            return Optional.of(new Fields(new MapNode(s.at(), new java.util.LinkedHashMap<>(),
                    new java.util.LinkedHashMap<>()), diagnostics, context));
        }
        diagnostics.error(node.at(), context + " must be a mapping, not " + node.kindName());
        return Optional.empty();
    }

    public MapNode node() {
        return map;
    }

    public Location at() {
        return map.at();
    }

    public String context() {
        return context;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public boolean has(final String key) {
        return map.has(key);
    }

    /** Location of the key, or of the mapping if absent. */
    public Location at(final String key) {
        return map.keyAt(key);
    }

    /** Marks keys as understood without reading them (documented as having no effect on forwarding). */
    public void ignore(final String... keys) {
        used.addAll(List.of(keys));
    }

    public Optional<Node> node(final String key) {
        used.add(key);
        return Optional.ofNullable(map.get(key));
    }

    public Optional<String> string(final String key) {
        final Node n = node(key).orElse(null);
        if (n == null || n instanceof ScalarNode s && s.isNull()) {
            return Optional.empty();
        }
        if (n instanceof ScalarNode s) {
            return Optional.of(s.text());
        }
        diagnostics.error(n.at(), key + " in " + context + " must be a single value, not " + n.kindName());
        return Optional.empty();
    }

    public Optional<String> requiredString(final String key) {
        final Optional<String> value = string(key);
        if (value.isEmpty() && !(map.get(key) instanceof MapNode || map.get(key) instanceof ListNode)) {
            diagnostics.error(map.at(), context + " has no '" + key + "'");
        }
        return value;
    }

    /** An integer in [min, max]; numeric strings are accepted, as nmstate and Kubernetes accept them. */
    public Optional<Integer> integer(final String key, final int min, final int max, final String valid) {
        final Optional<String> text = string(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        final Location where = map.get(key).at();
        final int value;
        try {
            value = Integer.parseInt(text.get().trim());
        } catch (NumberFormatException e) {
            diagnostics.error(where, key + " '" + text.get() + "' in " + context + " is not a number; " + valid);
            return Optional.empty();
        }
        if (value < min || value > max) {
            diagnostics.error(where, key + " " + value + " in " + context + " is out of range; " + valid);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** true/false (also as strings "true"/"false", as nmstate's option_bool_or_string accepts). */
    public Optional<Boolean> bool(final String key) {
        final Optional<String> text = string(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return switch (text.get().toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> {
                diagnostics.error(map.get(key).at(), key + " '" + text.get() + "' in " + context
                        + " must be true or false");
                yield Optional.empty();
            }
        };
    }

    /** One of {@code allowed} (case as written in the real tool's schema). */
    public Optional<String> oneOf(final String key, final String... allowed) {
        final Optional<String> text = string(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (final String a : allowed) {
            if (a.equals(text.get())) {
                return text;
            }
        }
        diagnostics.error(map.get(key).at(), key + " '" + text.get() + "' in " + context + " is not valid; valid: "
                + String.join(", ", allowed));
        return Optional.empty();
    }

    public Optional<Fields> map(final String key, final String childContext) {
        final Node n = node(key).orElse(null);
        if (n == null) {
            return Optional.empty();
        }
        return of(n, diagnostics, childContext);
    }

    /** A list (a null value reads as empty). */
    public Optional<List<Node>> list(final String key) {
        final Node n = node(key).orElse(null);
        if (n == null) {
            return Optional.empty();
        }
        if (n instanceof ListNode l) {
            return Optional.of(l.items());
        }
        if (n instanceof ScalarNode s && s.isNull()) {
            return Optional.of(List.of());
        }
        diagnostics.error(n.at(), key + " in " + context + " must be a list, not " + n.kindName());
        return Optional.empty();
    }

    /** Warns about every key no accessor asked for. */
    public void finish() {
        for (final String key : map.keys()) {
            if (!used.contains(key)) {
                diagnostics.warn(map.keyAt(key), "key '" + key + "' in " + context + " is not supported; ignored");
            }
        }
    }
}
