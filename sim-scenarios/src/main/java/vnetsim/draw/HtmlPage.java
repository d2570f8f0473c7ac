package vnetsim.draw;

import static vnetsim.draw.Xml.esc;

/**
 * One self-contained HTML document: inline CSS, inline SVG, no script, no font, image or style from anywhere
 * else, so it opens offline and prints. Sized for a laptop screen (pictures scale to the page width); the print
 * style sheet prints A4 landscape, keeps each figure and table row on one page and prints the colours.
 */
final class HtmlPage {
    private static final String CSS = """
            :root { color-scheme: light; }
            * { box-sizing: border-box; }
            body { margin: 0; background: #f6f8fa; color: #1f2328;
                   font: 15px/1.45 'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif; }
            main { max-width: 1280px; margin: 0 auto; padding: 24px 28px 48px; background: #ffffff; }
            h1 { font-size: 1.6em; margin: 0 0 4px; }
            h2 { font-size: 1.25em; margin: 32px 0 8px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
            p.lead { color: #57606a; margin: 0 0 16px; }
            figure { margin: 12px 0; overflow-x: auto; }
            figure svg { display: block; max-width: 100%; height: auto; }
            figcaption { color: #57606a; font-size: 0.9em; margin-top: 4px; }
            table { border-collapse: collapse; font-size: 0.9em; margin: 8px 0; }
            th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; }
            th { background: #f0f3f6; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            code, td.mono { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 0.92em; }
            tr.drop td { background: #ffe3e3; }
            td.bad { background: #ffd8a8; font-weight: bold; }
            td.missing { background: #f1f3f5; color: #868e96; }
            .outcome-DELIVERED { color: #2b8a3e; font-weight: bold; }
            .outcome-DROPPED, .outcome-LOOP { color: #c92a2a; font-weight: bold; }
            .side { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
            .side > div { overflow-x: auto; }
            table.matrix td { text-align: center; min-width: 3.2em; font-weight: bold; }
            table.matrix td.ok { background: #b2f2bb; color: #1b5e20; }
            table.matrix td.fail { background: #ffc9c9; color: #a61e1e; }
            table.matrix td.loop { background: #ffd8a8; color: #8a4b00; }
            table.matrix td.self { background: #e9ecef; color: #868e96; font-weight: normal; }
            .legend span { display: inline-block; padding: 1px 8px; margin-right: 8px; border-radius: 3px; }
            @media (max-width: 900px) { .side { grid-template-columns: 1fr; } main { padding: 12px; } }
            @page { size: A4 landscape; margin: 12mm; }
            @media print {
              body { background: #ffffff; font-size: 10pt; }
              main { max-width: none; padding: 0; }
              figure, tr, .ladder { break-inside: avoid; page-break-inside: avoid; }
              h2 { break-after: avoid; page-break-after: avoid; }
              * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
              figure { overflow: visible; }
            }
            """;

    private final StringBuilder body = new StringBuilder(128 * 1024);
    private final String title;
    private String extraCss = "";

    HtmlPage(final String title) {
        this.title = title;
    }

    /** More style rules, after the common ones (pages that need them; the others stay byte for byte the same). */
    HtmlPage style(final String css) {
        extraCss = css;
        return this;
    }

    HtmlPage h1(final String text, final String lead) {
        body.append("<h1>").append(esc(text)).append("</h1>\n");
        if (lead != null && !lead.isEmpty()) {
            body.append("<p class=\"lead\">").append(esc(lead)).append("</p>\n");
        }
        return this;
    }

    HtmlPage h2(final String id, final String text) {
        body.append("<h2 id=\"").append(esc(id)).append("\">").append(esc(text)).append("</h2>\n");
        return this;
    }

    HtmlPage paragraph(final String text) {
        body.append("<p>").append(esc(text)).append("</p>\n");
        return this;
    }

    /** Raw markup the caller built and escaped. */
    HtmlPage raw(final String html) {
        body.append(html);
        return this;
    }

    HtmlPage figure(final String svg, final String caption) {
        body.append("<figure>\n").append(svg.replaceFirst("^<\\?xml[^>]*>\\s*", ""));
        if (caption != null && !caption.isEmpty()) {
            body.append("<figcaption>").append(esc(caption)).append("</figcaption>\n");
        }
        body.append("</figure>\n");
        return this;
    }

    String html() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"generator\" content=\"vnetsim\">\n"
                + "<title>" + esc(title) + "</title>\n<style>\n" + CSS + extraCss + "</style>\n</head>\n<body>\n<main>\n"
                + body + "</main>\n</body>\n</html>\n";
    }
}
