package vnetsim.vsphere;

/** A vSphere YAML file that cannot be read: the message names the file, the line and what would be valid. */
public final class VsphereYamlException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The file as the user named it. */
    private final String file;
    /** The 1-based line, or 0 when the problem is the whole file. */
    private final int line;
    /** What is wrong, without file and line. */
    private final String problem;

    /**
     * @param file    the file as the user named it
     * @param line    the 1-based line, or 0 for the whole file
     * @param problem what is wrong and what would be valid
     */
    public VsphereYamlException(final String file, final int line, final String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** The file as the user named it. */
    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when the problem is the whole file. */
    public int line() {
        return line;
    }

    /** What is wrong, without file and line. */
    public String problem() {
        return problem;
    }
}
