package dev.purertc.janus;

/**
 * The one parse exception of this layer: a message from the server is not valid JSON, is not an
 * object, or misses or mistypes a field this client needs. It says where ({@link #field()}, a
 * JSON path such as {@code plugindata.data.participants[0].id}, or {@code $} for the whole text)
 * and why. Arbitrary input from the server never escapes the parser as anything else.
 */
public final class JanusProtocolException extends JanusException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public JanusProtocolException(String field, String why) {
        this(field, why, null);
    }

    public JanusProtocolException(String field, String why, Throwable cause) {
        super(NO_CODE, why, "bad message from Janus: " + field + ": " + why, cause);
        this.field = field;
    }

    /** Where in the message: a JSON path, {@code $} for the message as a whole. */
    public String field() {
        return field;
    }
}
