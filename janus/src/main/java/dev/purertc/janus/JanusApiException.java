package dev.purertc.janus;

/**
 * An error answered by the Janus core: {@code {"janus":"error","error":{"code":N,"reason":"..."}}}
 * (codes in Janus's apierror.h, e.g. 458 no such session, 459 no such handle, 460 no such plugin).
 */
public final class JanusApiException extends JanusException {
    private static final long serialVersionUID = 1L;

    /** Janus core: no such session (the session timed out, was destroyed, or the server restarted). */
    public static final int NO_SUCH_SESSION = 458;
    /** Janus core: no such handle in the session. */
    public static final int NO_SUCH_HANDLE = 459;
    /** Janus core: no such plugin. */
    public static final int NO_SUCH_PLUGIN = 460;
    /** Janus core: unknown request. */
    public static final int UNKNOWN_REQUEST = 453;

    public JanusApiException(int code, String reason) {
        super(code, reason, "Janus error " + code + ": " + reason, null);
    }
}
