package dev.pathwise.authoring.remote;

/** No answer from the service at the URL: not running, wrong address, or the connection broke. */
final class ServiceUnreachable extends RuntimeException {

    private final String url;

    ServiceUnreachable(String url, Exception cause) {
        super(reason(cause), cause);
        this.url = url;
    }

    private static String reason(Exception cause) {
        if (cause instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (cause instanceof java.net.http.HttpTimeoutException) {
            return "no answer in time";
        }
        if (cause instanceof java.nio.channels.UnresolvedAddressException) {
            return "unknown host";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** One sentence: the URL, what went wrong, what to try. */
    String sentence() {
        return "cannot connect to the Pathwise service at " + url + " (" + getMessage() + "); start it with"
                + " ./pathwise serve, or give its address with --url or PATHWISE_URL";
    }
}
