package vnetsim.pcap;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Turns interface names like {@code "switch/port 1:trunk"} into file names that are valid everywhere
 * (Linux, macOS, Windows, zip archives): every character outside {@code [A-Za-z0-9._-]} becomes {@code _}.
 * Names are unique case-insensitively, because macOS and Windows file systems are; a clash gets a numeric
 * suffix ({@code a_b.pcap}, {@code a_b-2.pcap}, ...) in the order interfaces are first seen.
 */
final class SafeFileNames {

    /** Keeps names well under the usual 255-byte limit, leaving room for a suffix and extension. */
    static final int MAX_BASE_LENGTH = 200;

    private final String extension;
    private final Set<String> taken = new HashSet<>();

    SafeFileNames(String extension) {
        this.extension = extension;
    }

    /** A fresh unique file name for {@code name}. */
    String assign(String name) {
        String base = sanitize(name);
        String candidate = base + extension;
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = base + "-" + n + extension;
        }
        return candidate;
    }

    static String sanitize(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> sb.append(isSafe(cp) ? (char) cp : '_'));
        if (sb.length() == 0 || sb.charAt(0) == '.') {
            sb.insert(0, '_'); // no hidden files, no "." or ".."
        }
        if (sb.length() > MAX_BASE_LENGTH) {
            sb.setLength(MAX_BASE_LENGTH);
        }
        return sb.toString();
    }

    private static boolean isSafe(int cp) {
        return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')
                || cp == '.' || cp == '_' || cp == '-';
    }
}
