package vnetsim.draw;

import static vnetsim.draw.Xml.esc;
import static vnetsim.draw.Xml.num;

import java.util.List;

/**
 * A ladder (sequence) diagram of an exchange as SVG: one vertical lane per device, one row per frame, with the
 * time and the frame in words in columns on the left and the arrow between lanes on the right, so no text ever
 * crosses an arrow. A dropped frame ends in a red cross.
 */
public final class LadderRenderer {
    private static final double ROW = 22;
    private static final double LANE = 104;
    private static final double HEAD = 44;
    private static final double TIME_COL = 92;

    private LadderRenderer() {
    }

    public static String render(final Exchange exchange) {
        final List<String> lanes = exchange.lanes();
        double frameCol = 120;
        for (final Exchange.Message m : exchange.messages()) {
            frameCol = Math.max(frameCol, Metrics.mono(m.frame() + " [" + m.tag() + "]", 11) + 16);
        }
        final double lanesX = TIME_COL + frameCol + LANE / 2;
        final double width = lanesX + Math.max(0, lanes.size() - 1) * LANE + LANE / 2 + 10;
        final double height = HEAD + exchange.messages().size() * ROW + 16;
        final StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ladder\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ')
                .append(num(height)).append("\" font-family=\"").append(esc(Metrics.SANS)).append("\">\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        sb.append("<text x=\"4\" y=\"").append(num(HEAD - 10)).append("\" font-size=\"12\" font-weight=\"bold\">time</text>");
        sb.append("<text x=\"").append(num(TIME_COL)).append("\" y=\"").append(num(HEAD - 10))
                .append("\" font-size=\"12\" font-weight=\"bold\">frame [tag on the wire]</text>\n");
        for (int i = 0; i < lanes.size(); i++) {
            final double x = lanesX + i * LANE;
            final List<String> words = Metrics.wrap(lanes.get(i), 14);
            double ty = HEAD - 10 - (words.size() - 1) * 13;
            for (final String w : words) {
                sb.append("<text class=\"lane\" x=\"").append(num(x)).append("\" y=\"").append(num(ty))
                        .append("\" font-size=\"11.5\" font-weight=\"bold\" text-anchor=\"middle\">").append(esc(w))
                        .append("</text>");
                ty += 13;
            }
            sb.append("<line x1=\"").append(num(x)).append("\" y1=\"").append(num(HEAD - 4)).append("\" x2=\"")
                    .append(num(x)).append("\" y2=\"").append(num(height - 6))
                    .append("\" stroke=\"#8c959f\" stroke-width=\"1\" stroke-dasharray=\"3 3\"/>\n");
        }
        double y = HEAD + ROW / 2 + 4;
        for (final Exchange.Message m : exchange.messages()) {
            final boolean dropped = m.dropped() != null;
            sb.append("<g class=\"frame").append(dropped ? " frame-drop" : "").append("\"><title>")
                    .append(esc(exchange.time(m) + " " + m.frame() + " [" + m.tag() + "] " + m.from() + " \u2192 "
                            + m.to() + (dropped ? ", dropped: " + m.dropped() : "")))
                    .append("</title>");
            sb.append("<text x=\"4\" y=\"").append(num(y + 4)).append("\" font-family=\"").append(esc(Metrics.MONO))
                    .append("\" font-size=\"11\" fill=\"#57606a\">").append(esc(exchange.time(m))).append("</text>");
            sb.append("<text x=\"").append(num(TIME_COL)).append("\" y=\"").append(num(y + 4)).append("\" font-family=\"")
                    .append(esc(Metrics.MONO)).append("\" font-size=\"11\" fill=\"")
                    .append(dropped ? Palette.DROP : Palette.TEXT).append("\">").append(esc(m.frame() + " [" + m.tag()
                            + "]")).append("</text>");
            final double x1 = lanesX + lanes.indexOf(m.from()) * LANE;
            final double x2 = lanesX + lanes.indexOf(m.to()) * LANE;
            final double dir = Math.signum(x2 - x1);
            final String colour = m.frame().startsWith("ARP") ? "#4e79a7" : Palette.PATH_DARK;
            sb.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y)).append("\" x2=\"")
                    .append(num(x2 - dir * 6)).append("\" y2=\"").append(num(y)).append("\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"1.8\"/>");
            if (dropped) {
                sb.append("<path class=\"drop\" d=\"M").append(num(x2 - 5)).append(',').append(num(y - 5)).append(" L")
                        .append(num(x2 + 5)).append(',').append(num(y + 5)).append(" M").append(num(x2 + 5)).append(',')
                        .append(num(y - 5)).append(" L").append(num(x2 - 5)).append(',').append(num(y + 5))
                        .append("\" stroke=\"").append(Palette.DROP).append("\" stroke-width=\"2.5\"/>");
            } else {
                sb.append("<path d=\"M").append(num(x2)).append(',').append(num(y)).append(" L").append(num(x2 - dir * 8))
                        .append(',').append(num(y - 4.5)).append(" L").append(num(x2 - dir * 8)).append(',')
                        .append(num(y + 4.5)).append(" Z\" fill=\"").append(colour).append("\"/>");
            }
            sb.append("</g>\n");
            y += ROW;
        }
        sb.append("</svg>\n");
        return sb.toString();
    }
}
