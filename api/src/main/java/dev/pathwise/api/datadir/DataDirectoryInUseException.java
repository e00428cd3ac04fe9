package dev.pathwise.api.datadir;

/** Another process (another Pathwise, most likely) holds the embedded database of this data directory. */
public class DataDirectoryInUseException extends RuntimeException {

    private final String dataDirectory;

    public DataDirectoryInUseException(String dataDirectory, Throwable cause) {
        super(
                "H2 file locked: another Pathwise is running on the data directory " + dataDirectory + "; stop it, or"
                        + " start this one on another directory with --pathwise.data-dir=<folder>",
                cause);
        this.dataDirectory = dataDirectory;
    }

    public String dataDirectory() {
        return dataDirectory;
    }
}
