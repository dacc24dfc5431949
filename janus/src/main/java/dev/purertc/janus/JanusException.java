package dev.purertc.janus;

/**
 * Root of the one exception family of this module: every failure a caller can see from a Janus
 * request completes its future with a subclass of this type.
 *
 * <p>Server-side errors carry the server's numeric {@link #code()} and text {@link #reason()}:
 * {@link JanusApiException} for errors of the Janus core ({@code "janus":"error"}) and
 * {@link JanusPluginException} for errors a plugin reports inside its data
 * ({@code error_code} + {@code error}, AudioBridge codes 480..499). Client-side failures use
 * {@link #NO_CODE}: {@link JanusProtocolException} (the server sent something malformed),
 * {@link JanusTimeoutException} (no answer in time) and {@link JanusTransportException} (the
 * connection failed or the session is gone).
 */
public abstract class JanusException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The code of exceptions that do not come from the server. */
    public static final int NO_CODE = 0;

    private final int code;
    private final String reason;

    JanusException(int code, String reason, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.reason = reason == null ? "" : reason;
    }

    /** The server's error code (Janus core 403..490, AudioBridge 480..499), or {@link #NO_CODE}. */
    public int code() {
        return code;
    }

    /** The server's error text as sent, or a client-side description. Never null. */
    public String reason() {
        return reason;
    }
}
