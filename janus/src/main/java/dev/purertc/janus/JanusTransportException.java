package dev.purertc.janus;

/**
 * The request could not be delivered or answered: the connection to Janus failed or closed, the
 * client is closed, or the session it belongs to is lost.
 */
public final class JanusTransportException extends JanusException {
    private static final long serialVersionUID = 1L;

    public JanusTransportException(String why, Throwable cause) {
        super(NO_CODE, why, why, cause);
    }

    public JanusTransportException(String why) {
        this(why, null);
    }
}
