package vnetsim.intents;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import vnetsim.analysis.Protocol;
import vnetsim.whatif.Intent;

/**
 * Reads an intents file:
 *
 * <pre>
 * intents:
 *   - name: VM 1 reaches VM 3 through the firewall     # optional; a name is made up otherwise
 *     from: vm1
 *     to: vm3
 *     expect: reaches                                  # reaches | cannot-reach
 *     through: Firewall                                # optional: a device the path must cross
 *   - from: vm1
 *     to: pod2
 *     expect: reaches
 *     within-vlan: 2003                                # optional: never routed, every tag 2003
 *   - from: pod7
 *     to: vm1
 *     expect: cannot-reach
 *     protocol: udp                                    # optional: icmp (default), udp, arp
 *   - expect: every-workload-reaches-its-gateway
 * </pre>
 *
 * YAML is loaded safely (plain data, no types; at most 1 MiB, nesting depth 20); an unknown key or a wrong
 * value is an {@link IllegalArgumentException} naming the file, line and what would be valid.
 */
public final class IntentsFile {
    private static final int MAX_BYTES = 1 << 20;
    private static final Set<String> KEYS = Set.of("name", "from", "to", "expect", "through", "within-vlan",
            "protocol");

    private IntentsFile() {
    }

    /**
     * Reads and parses an intents file.
     *
     * @param file the intents file (UTF-8 YAML, at most 1 MiB)
     * @return the intents, in the file's order
     * @throws IllegalArgumentException when the file is missing, a directory, unreadable, too large, not UTF-8 or
     *                                  not a valid intents file; the message names it (and the line)
     */
    public static List<Intent> read(final Path file) {
        final String text;
        try {
            text = vnetsim.io.TextFiles.readUtf8(file, MAX_BYTES, "YAML intents file");
        } catch (final vnetsim.io.InputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    static List<Intent> parse(final String text, final String where) {
        final LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(MAX_BYTES);
        final YAMLFactory yaml = YAMLFactory.builder().loaderOptions(options).build();
        final ObjectMapper mapper = new ObjectMapper(yaml);
        final JsonNode root;
        try (JsonParser parser = yaml.createParser(text)) {
            root = mapper.readTree(parser);
        } catch (JsonProcessingException e) {
            final JsonLocation at = e.getLocation();
            throw new IllegalArgumentException(where + (at == null ? "" : ":" + at.getLineNr()) + ": not valid YAML: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
        if (root == null || !root.isObject() || !root.has("intents") || !root.get("intents").isArray()) {
            throw new IllegalArgumentException(where + ": expected a mapping with an 'intents' list");
        }
        final List<Intent> intents = new ArrayList<>();
        final JsonNode list = root.get("intents");
        final List<Integer> lines = lines(text);
        for (int i = 0; i < list.size(); i++) {
            final String at = where + (i < lines.size() ? ":" + lines.get(i) : "") + ": intent " + (i + 1);
            intents.add(intent(list.get(i), at));
        }
        if (intents.isEmpty()) {
            throw new IllegalArgumentException(where + ": the 'intents' list is empty");
        }
        return intents;
    }

    private static Intent intent(final JsonNode n, final String at) {
        if (!n.isObject()) {
            throw new IllegalArgumentException(at + ": expected a mapping with 'expect'");
        }
        for (final Iterator<String> keys = n.fieldNames(); keys.hasNext(); ) {
            final String key = keys.next();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(at + ": unknown key '" + key + "'; keys: " + String.join(", ",
                        KEYS.stream().sorted().toList()));
            }
        }
        final String expect = text(n, "expect", at, true).toLowerCase(Locale.ROOT);
        final Protocol protocol = protocol(n, at);
        switch (expect) {
            case "every-workload-reaches-its-gateway" -> {
                return new Intent.EveryWorkloadReachesItsGateway(name(n, at, "every workload reaches its gateway"));
            }
            case "reaches" -> {
                final String from = text(n, "from", at, true);
                final String to = text(n, "to", at, true);
                final String through = text(n, "through", at, false);
                final int vlan = n.has("within-vlan") ? vlan(n.get("within-vlan"), at) : 0;
                return new Intent.Reaches(name(n, at, from + " reaches " + to
                        + (through == null ? "" : " through " + through)
                        + (vlan == 0 ? "" : " without leaving VLAN " + vlan)), from, to, protocol, through, vlan);
            }
            case "cannot-reach" -> {
                final String from = text(n, "from", at, true);
                final String to = text(n, "to", at, true);
                return new Intent.CannotReach(name(n, at, from + " cannot reach " + to), from, to, protocol);
            }
            default -> throw new IllegalArgumentException(at + ": expect '" + expect + "' is not one of reaches, "
                    + "cannot-reach, every-workload-reaches-its-gateway");
        }
    }

    private static String name(final JsonNode n, final String at, final String made) {
        final String given = text(n, "name", at, false);
        return given == null ? made : given;
    }

    private static Protocol protocol(final JsonNode n, final String at) {
        final String p = text(n, "protocol", at, false);
        if (p == null) {
            return Protocol.ICMP;
        }
        for (final Protocol candidate : Protocol.values()) {
            if (candidate.label().equalsIgnoreCase(p)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException(at + ": protocol '" + p + "' is not one of icmp, udp, arp");
    }

    private static int vlan(final JsonNode v, final String at) {
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1 || v.asInt() > 4094) {
            throw new IllegalArgumentException(at + ": within-vlan must be a VLAN ID 1-4094, not '" + v.asText()
                    + "'");
        }
        return v.asInt();
    }

    private static String text(final JsonNode n, final String key, final String at, final boolean required) {
        final JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException(at + ": '" + key + "' is required");
            }
            return null;
        }
        if (!v.isValueNode() || v.asText().isBlank()) {
            throw new IllegalArgumentException(at + ": '" + key + "' must be a non-empty text");
        }
        return v.asText().strip();
    }

    /** Line numbers of the list items ("  - ") under intents, in order: good enough to point at an entry. */
    private static List<Integer> lines(final String text) {
        final List<Integer> lines = new ArrayList<>();
        final String[] all = text.split("\n", -1);
        for (int i = 0; i < all.length; i++) {
            if (all[i].stripLeading().startsWith("- ") || all[i].strip().equals("-")) {
                lines.add(i + 1);
            }
        }
        return lines;
    }
}
