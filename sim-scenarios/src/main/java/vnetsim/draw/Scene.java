package vnetsim.draw;

import java.util.List;
import java.util.Map;

/**
 * A laid-out picture: absolute positions (pixels, origin at the top left of the drawing area) of every group,
 * box, link route and link label. Produced by {@link Layout}, read by the renderers.
 */
public record Scene(double width, double height, Map<String, Rect> groups, Map<String, Rect> elements,
                    Map<String, List<Point>> routes, Map<String, Rect> labels, Map<String, Box> boxes) {

    public record Point(double x, double y) {
    }

    public record Rect(double x, double y, double w, double h) {
        public double cx() {
            return x + w / 2;
        }

        public double cy() {
            return y + h / 2;
        }
    }

    /** What a box says, line by line, and the hops drawn inside it. */
    public record Box(String name, String detail, List<Overlay.Hop> hops, List<String> dropLines) {
    }
}
