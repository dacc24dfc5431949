package dev.purertc.janus;

/**
 * The AudioBridge plugin's error codes (janus_audiobridge.c), as found in
 * {@link JanusPluginException#code()}.
 */
public final class AudioBridgeError {
    private AudioBridgeError() {
    }

    public static final int NO_MESSAGE = 480;
    public static final int INVALID_JSON = 481;
    /** Unknown request, e.g. a request of a later Janus. */
    public static final int INVALID_REQUEST = 482;
    /** A mandatory element is missing, e.g. the secret of a room that has one. */
    public static final int MISSING_ELEMENT = 483;
    public static final int INVALID_ELEMENT = 484;
    public static final int NO_SUCH_ROOM = 485;
    public static final int ROOM_EXISTS = 486;
    public static final int NOT_JOINED = 487;
    public static final int LIBOPUS_ERROR = 488;
    /** Wrong secret, PIN or token. */
    public static final int UNAUTHORIZED = 489;
    public static final int ID_EXISTS = 490;
    public static final int ALREADY_JOINED = 491;
    public static final int NO_SUCH_USER = 492;
    public static final int INVALID_SDP = 493;
    public static final int NO_SUCH_GROUP = 494;
    public static final int UNKNOWN_ERROR = 499;
}
