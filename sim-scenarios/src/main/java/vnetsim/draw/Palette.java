package vnetsim.draw;

import java.util.ArrayList;
import java.util.List;

/**
 * Colours: one per VLAN, in VID order, from a palette that stays apart for colour-blind readers (Tableau 10
 * without its orange and red, which mark the traced path and drops).
 */
final class Palette {
    static final String PATH = "#f28e2b";
    static final String PATH_DARK = "#c4540a";
    static final String DROP = "#c92a2a";
    static final String TRUNK = "#4d4d4d";
    static final String TEXT = "#1f2328";
    static final String MUTED = "#57606a";
    private static final String[] VLAN = {"#4e79a7", "#59a14f", "#b07aa1", "#76b7b2", "#9c755f", "#edc948",
        "#ff9da7", "#499894", "#8cd17d", "#86bcb6", "#79706e", "#d4a6c8"};

    private final List<Integer> vids;

    Palette(final Diagram diagram) {
        this.vids = new ArrayList<>(diagram.vlans().keySet());
    }

    /** The VLAN's colour; VLANs past the palette's length reuse it in order. */
    String vlan(final int vid) {
        final int i = vids.indexOf(vid);
        return i < 0 ? TRUNK : VLAN[i % VLAN.length];
    }
}
