package dev.purertc.janus;

/** No final answer to a request arrived within the request timeout. */
public final class JanusTimeoutException extends JanusException {
    private static final long serialVersionUID = 1L;

    public JanusTimeoutException(String what, long timeoutMillis) {
        super(NO_CODE, what + ": no answer within " + timeoutMillis + " ms",
                what + ": no answer within " + timeoutMillis + " ms", null);
    }
}
