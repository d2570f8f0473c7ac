package vnetsim.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vnetsim.analysis.Flow;
import vnetsim.analysis.Network;
import vnetsim.scenario.AcpVirtualization;

/**
 * The Mermaid output read by the real Mermaid: the npm package, installed with npm into target/mermaid, parses
 * and renders every block in headless chromium (Mermaid's parser needs a DOM: under plain node it stops at
 * DOMPurify, which has no window to sanitize labels with). A deliberately broken block proves the check can fail.
 */
class MermaidParserTest {
    static final String VERSION = "11.17.2";
    private static final Path DIR = Path.of("target", "mermaid");
    private static final Pattern BLOCK = Pattern.compile("```mermaid\n(.*?)```", Pattern.DOTALL);
    private static final Network ACP = new AcpVirtualization().network();

    @BeforeAll
    static void install() throws Exception {
        Chromium.binary();
        final Path js = DIR.resolve("node_modules/mermaid/dist/mermaid.min.js");
        final Path pkg = DIR.resolve("node_modules/mermaid/package.json");
        if (Files.exists(js) && Files.readString(pkg).contains("\"version\": \"" + VERSION + "\"")) {
            return;
        }
        Files.createDirectories(DIR);
        final Path log = DIR.resolve("npm.log");
        final Process p;
        try {
            p = new ProcessBuilder("npm", "install", "--prefix", DIR.toAbsolutePath().toString(), "--no-audit",
                    "--no-fund", "--no-save", "mermaid@" + VERSION).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (java.io.IOException e) {
            final String msg = "npm is not installed (Debian: apt-get install -y nodejs npm)";
            if (System.getenv("CI") != null) {
                fail(msg + " -- required because CI is set");
            }
            assumeTrue(false, msg + " -- skipping (set CI to make this a failure)");
            return;
        }
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            fail("npm install mermaid@" + VERSION + " failed: " + Files.readString(log));
        }
    }

    @Test
    void everyBlockParsesAndRenders() throws Exception {
        final List<String> blocks = new ArrayList<>();
        blocks.addAll(blocks(Drawing.network(ACP, null).mermaid()));
        blocks.addAll(blocks(Drawing.trace(ACP, Flow.icmp("vm1", "vm6"), null).mermaid()));
        blocks.addAll(blocks(Drawing.trace(ACP, Flow.icmp("vm1", "vm4").coldStart(), null).mermaid()));
        blocks.addAll(blocks(Drawing.trace(ACP, new Flow("vm1", "vm6", vnetsim.analysis.Protocol.ARP, false), null)
                .mermaid()));
        assertThat(blocks).hasSize(7);
        blocks.add("flowchart TD\n  a -->|\"unclosed| b\n");
        final JsonNode results = parse(blocks);
        for (int i = 0; i < blocks.size() - 1; i++) {
            assertThat(results.get(i).get("ok").asBoolean()).as("block %d: %s\n%s", i, results.get(i), blocks.get(i))
                    .isTrue();
            assertThat(results.get(i).get("svg").asInt()).isGreaterThan(1000);
        }
        assertThat(results.get(0).get("type").asText()).startsWith("flowchart");
        assertThat(results.get(2).get("type").asText()).isEqualTo("sequence");
        assertThat(results.get(blocks.size() - 1).get("ok").asBoolean()).as("the broken block is rejected").isFalse();
    }

    private static List<String> blocks(final String markdown) {
        final List<String> list = new ArrayList<>();
        final Matcher m = BLOCK.matcher(markdown);
        while (m.find()) {
            list.add(m.group(1));
        }
        return list;
    }

    private static JsonNode parse(final List<String> blocks) throws Exception {
        final ObjectMapper json = new ObjectMapper();
        final String page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n"
                + "<script src=\"node_modules/mermaid/dist/mermaid.min.js\"></script>\n<pre id=\"out\"></pre>\n"
                + "<script>\nmermaid.initialize({startOnLoad: false, securityLevel: 'strict'});\n"
                + "const blocks = " + json.writeValueAsString(blocks).replace("</", "<\\/") + ";\n"
                + "(async () => { const res = [];\n"
                + "  for (let i = 0; i < blocks.length; i++) {\n"
                + "    try { const p = await mermaid.parse(blocks[i]);\n"
                + "          const r = await mermaid.render('m' + i, blocks[i]);\n"
                + "          res.push({ok: true, type: p.diagramType, svg: r.svg.length}); }\n"
                + "    catch (e) { res.push({ok: false, error: String(e && e.message || e)}); } }\n"
                + "  document.getElementById('out').textContent = JSON.stringify(res); })();\n"
                + "</script></body></html>\n";
        final Path file = DIR.resolve("parse.html");
        Files.writeString(file, page, StandardCharsets.UTF_8);
        final String dom = Chromium.dumpDom(file, 20000);
        final int start = dom.indexOf("<pre id=\"out\">");
        final int end = dom.indexOf("</pre>", start);
        final String text = dom.substring(start + "<pre id=\"out\">".length(), end)
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
        assertThat(text).as("Mermaid wrote no result; DOM:\n" + dom).isNotEmpty();
        return json.readTree(text);
    }
}
