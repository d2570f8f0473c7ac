package vnetsim.pcap;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A capture could not be written. The message always names the target path and what failed, e.g.
 * {@code cannot write capture /nope/x.pcapng: parent directory does not exist}.
 */
public final class CaptureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path path;

    CaptureException(Path path, String what, Throwable cause) {
        super("cannot write capture " + path + ": " + what, cause);
        this.path = path;
    }

    CaptureException(Path path, String what) {
        this(path, what, null);
    }

    /** Wraps an I/O failure, turning the exception into a short human reason. */
    static CaptureException of(Path path, IOException e) {
        return new CaptureException(path, describe(e), e);
    }

    /** Same, saying which step failed, e.g. {@code "writing vm-a_eth0.pcap"}. */
    static CaptureException of(Path path, String step, IOException e) {
        return new CaptureException(path, step + ": " + describe(e), e);
    }

    /**
     * The capture target (file or directory) that could not be written.
     *
     * @return the path given to the writer
     */
    public Path path() {
        return path;
    }

    // FileSystemException.getMessage() glues file names and reason together; pick the parts a reader needs.
    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException nsf) {
            return "no such file or directory: " + nsf.getFile();
        }
        if (e instanceof AccessDeniedException ade) {
            return "permission denied: " + ade.getFile();
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason() + (fse.getFile() != null ? ": " + fse.getFile() : "");
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
