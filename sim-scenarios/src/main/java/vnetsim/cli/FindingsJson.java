package vnetsim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vnetsim.verify.Finding;

/**
 * The JSON form of a verification: {@code {"document", "scenario", "findings": [{"table", "step", "column",
 * "document", "simulated", "kind", "explanation"}]}}, fields in that order, nulls written as null.
 */
final class FindingsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FindingsJson() {
    }

    static String write(final String document, final String scenario, final List<Finding> findings) {
        final Map<String, Object> root = new LinkedHashMap<>();
        root.put("document", document);
        root.put("scenario", scenario);
        final List<Map<String, Object>> list = new ArrayList<>();
        for (final Finding f : findings) {
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("table", f.table());
            m.put("step", f.step());
            m.put("column", f.column());
            m.put("document", f.document());
            m.put("simulated", f.simulated());
            m.put("kind", f.kind().name());
            m.put("explanation", f.explanation());
            list.add(m);
        }
        root.put("findings", list);
        try {
            return MAPPER.writeValueAsString(root);
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("cannot write findings as JSON", e);
        }
    }
}
