package vnetsim.folder.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import vnetsim.folder.Diagnostics;
import vnetsim.folder.Location;

/**
 * Reads YAML (every document of a multi-document stream) and JSON into {@link Node} trees with line numbers,
 * safely: Jackson's YAML parser never instantiates types from tags, and the input is bounded (file size, nesting
 * depth, string length, aliases are refused, not expanded). A syntax error becomes one error naming file and line.
 */
public final class TreeReader {
    /** Largest file read: real policies and manifests are kilobytes. */
    public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    /** Deepest nesting accepted (a VirtualMachine manifest is about 10 deep). */
    public static final int MAX_DEPTH = 64;

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxStringLength(1_000_000)
            .maxNumberLength(100)
            .maxDocumentLength(MAX_FILE_BYTES)
            .build();
    private static final YAMLFactory YAML = yamlFactory();
    private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();

    private final Diagnostics diagnostics;

    public TreeReader(final Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    private static YAMLFactory yamlFactory() {
        final LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit((int) MAX_FILE_BYTES);
        options.setAllowRecursiveKeys(false);
        return YAMLFactory.builder().loaderOptions(options).streamReadConstraints(CONSTRAINTS).build();
    }

    /** Every document of a YAML file; an empty list (and an error) if it cannot be read. */
    public List<Node> readYamlFile(final Path file, final String displayName) {
        final String text = readText(file, displayName);
        return text == null ? List.of() : readYaml(text, displayName, 0);
    }

    /** Every document of YAML text; {@code lineOffset} is added to every line (text embedded in another file). */
    public List<Node> readYaml(final String text, final String displayName, final int lineOffset) {
        try (JsonParser p = YAML.createParser(text)) {
            return readAll(p, displayName, lineOffset);
        } catch (IOException | RuntimeException e) {
            report(e, displayName, lineOffset, "YAML");
            return List.of();
        }
    }

    /** One JSON document; null (and an error) if it cannot be read. */
    public Node readJson(final String text, final String displayName, final int lineOffset) {
        try (JsonParser p = JSON.createParser(text)) {
            final List<Node> docs = readAll(p, displayName, lineOffset);
            if (docs.size() != 1) {
                diagnostics.error(new Location(displayName, lineOffset + 1), docs.isEmpty()
                        ? "no JSON value" : "more than one JSON value");
                return null;
            }
            return docs.get(0);
        } catch (IOException | RuntimeException e) {
            report(e, displayName, lineOffset, "JSON");
            return null;
        }
    }

    /** The file's text as UTF-8, or null (and an error) if it is missing, too large or not UTF-8. */
    public String readText(final Path file, final String displayName) {
        try {
            final long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                diagnostics.error(Location.file(displayName), "file is " + size + " bytes; at most "
                        + MAX_FILE_BYTES + " bytes are read");
                return null;
            }
            try (InputStream in = Files.newInputStream(file)) {
                final byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
                return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            diagnostics.error(Location.file(displayName), "file is not UTF-8 text");
            return null;
        } catch (IOException e) {
            diagnostics.error(Location.file(displayName), "cannot read: " + e.getMessage());
            return null;
        }
    }

    private void report(final Exception e, final String displayName, final int lineOffset, final String format) {
        if (e instanceof Stop stop) {
            diagnostics.error(stop.at, stop.getMessage());
            return;
        }
        int line = 0;
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof JsonProcessingException jpe) {
            final JsonLocation loc = jpe.getLocation();
            line = loc == null ? 0 : Math.max(loc.getLineNr(), 0);
            message = jpe.getOriginalMessage();
        }
        // snakeyaml's messages interleave "in 'reader', line L" and a caret snippet: keep only the sentences
        final StringBuilder words = new StringBuilder();
        final java.util.List<String> lines = message.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            final String l = lines.get(i);
            if (l.isBlank() || l.startsWith(" in '") || l.startsWith("    ") || l.strip().equals("^")) {
                continue;
            }
            words.append(words.length() == 0 ? "" : "; ").append(l.strip());
        }
        message = words.length() == 0 ? message.strip() : words.toString();
        diagnostics.error(new Location(displayName, line == 0 ? 0 : line + lineOffset),
                "not valid " + format + ": " + message);
    }

    private List<Node> readAll(final JsonParser p, final String file, final int lineOffset) throws IOException {
        final List<Node> documents = new ArrayList<>();
        JsonToken token;
        while ((token = p.nextToken()) != null) {
            documents.add(value(p, token, file, lineOffset, 0));
        }
        return documents;
    }

    private Node value(final JsonParser p, final JsonToken token, final String file, final int lineOffset,
                       final int depth) throws IOException {
        final Location at = new Location(file, p.currentTokenLocation().getLineNr() + lineOffset);
        if (depth > MAX_DEPTH) {
            throw new Stop(at, "nesting deeper than " + MAX_DEPTH + " levels");
        }
        if (p instanceof YAMLParser yp && yp.isCurrentAlias()) {
            throw new Stop(at, "YAML aliases (*" + p.getText() + ") are not supported; write the value out");
        }
        switch (token) {
            case START_OBJECT -> {
                final LinkedHashMap<String, Node> values = new LinkedHashMap<>();
                final LinkedHashMap<String, Location> keys = new LinkedHashMap<>();
                JsonToken t;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    final String key = p.currentName();
                    final Location keyAt = new Location(file, p.currentTokenLocation().getLineNr() + lineOffset);
                    final Node child = value(p, p.nextToken(), file, lineOffset, depth + 1);
                    if (values.containsKey(key)) {
                        diagnostics.error(keyAt, "key '" + key + "' appears twice in one mapping (first at line "
                                + keys.get(key).line() + "); Kubernetes and nmstate reject duplicate keys");
                    }
                    values.put(key, child);
                    keys.putIfAbsent(key, keyAt);
                }
                if (t != JsonToken.END_OBJECT) {
                    throw new Stop(at, "unexpected " + t + " in a mapping");
                }
                return new MapNode(at, values, keys);
            }
            case START_ARRAY -> {
                final List<Node> items = new ArrayList<>();
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) {
                        throw new Stop(at, "unterminated list");
                    }
                    items.add(value(p, t, file, lineOffset, depth + 1));
                }
                return new ListNode(at, items);
            }
            case VALUE_NULL -> {
                return new ScalarNode(at, null, false);
            }
            case VALUE_STRING -> {
                return new ScalarNode(at, p.getText(), true);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_EMBEDDED_OBJECT -> {
                return new ScalarNode(at, p.getText(), false);
            }
            default -> throw new Stop(at, "unexpected " + token);
        }
    }

    /** A structural problem found while building the tree, with its location. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Location at;

        Stop(final Location at, final String message) {
            super(message, null, false, false);
            this.at = at;
        }
    }
}
