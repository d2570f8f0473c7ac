package vnetsim.vsphere;

/** A vSphere YAML file that cannot be read: the message names the file, the line and what would be valid. */
public final class VsphereYamlException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public VsphereYamlException(final String message) {
        super(message);
    }
}
