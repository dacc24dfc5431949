package dev.purertc.janus;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * Everything Janus tells a client without being asked, and what the client concludes about its
 * sessions. Delivered to listeners on the client's driver thread ({@code purertc-janus-driver}),
 * in arrival order; listeners must not block.
 *
 * <p>Handle events ({@link WebrtcUp}, {@link Media}, {@link SlowLink}, {@link Hangup},
 * {@link Detached}, {@link PluginEvent}) carry the session and handle id; session events carry
 * the session id and a handle id of 0. A message of a kind this client does not know becomes an
 * {@link Unknown}, and a message that cannot be read becomes a {@link ProtocolError}: nothing
 * is dropped silently.
 */
public sealed interface JanusEvent {

    /** The session the event belongs to, or 0 for {@link ProtocolError}s without one. */
    long sessionId();

    /** The handle the event belongs to, or 0 for session-level events. */
    long handleId();

    /** {@code webrtcup}: ICE and DTLS are up on the handle's PeerConnection. */
    record WebrtcUp(long sessionId, long handleId) implements JanusEvent {
    }

    /**
     * {@code media}: Janus started or stopped receiving a medium.
     *
     * @param type {@code audio}, {@code video} or {@code data}
     * @param mid the media section's mid, or null (older Janus versions)
     * @param receiving whether Janus receives it now
     */
    record Media(long sessionId, long handleId, String type, String mid, boolean receiving) implements JanusEvent {
    }

    /**
     * {@code slowlink}: Janus saw many NACKs on the handle's media.
     *
     * @param media {@code audio} or {@code video}, or null
     * @param mid the media section's mid, or null
     * @param uplink true when the problem is on packets Janus receives
     * @param lost the number of packets lost (NACKed) in the last second
     */
    record SlowLink(long sessionId, long handleId, String media, String mid, boolean uplink, long lost)
            implements JanusEvent {
    }

    /** {@code hangup}: the handle's PeerConnection is closed; {@code reason} as Janus gives it. */
    record Hangup(long sessionId, long handleId, String reason) implements JanusEvent {
    }

    /** {@code detached}: the handle is gone on the server. */
    record Detached(long sessionId, long handleId) implements JanusEvent {
    }

    /**
     * {@code event} from the handle's plugin, with the plugin data and optional JSEP. Answers to
     * this client's asynchronous requests are delivered here too (with their {@code transaction}),
     * besides completing the request's future, so a listener sees the full ordered stream.
     *
     * @param plugin the plugin package name, e.g. {@code janus.plugin.audiobridge}
     * @param data the plugin's data object, read-only by convention
     * @param jsep the JSEP beside it, or null
     * @param transaction the transaction it answers, or null when unsolicited
     */
    record PluginEvent(long sessionId, long handleId, String plugin, JsonNode data, Jsep jsep, String transaction)
            implements JanusEvent {
        public PluginEvent {
            Objects.requireNonNull(plugin, "plugin");
            Objects.requireNonNull(data, "data");
        }
    }

    /** {@code timeout}: the server destroyed the session for inactivity. A {@link SessionLost} follows. */
    record SessionTimeout(long sessionId) implements JanusEvent {
        @Override
        public long handleId() {
            return 0;
        }
    }

    /**
     * The session is gone for good: it timed out, the server restarted or forgot it, or the
     * connection stayed down past the reclaim window. Requests on it fail; create a new session.
     *
     * @param reason why, in words
     */
    record SessionLost(long sessionId, String reason) implements JanusEvent {
        @Override
        public long handleId() {
            return 0;
        }
    }

    /** The connection dropped and came back, and the session was claimed on the new connection. */
    record SessionReclaimed(long sessionId) implements JanusEvent {
        @Override
        public long handleId() {
            return 0;
        }
    }

    /**
     * A message of a {@code janus} kind this client does not know (or a known kind with a plugin
     * payload it does not expect), delivered whole.
     */
    record Unknown(long sessionId, long handleId, String janus, JsonNode message) implements JanusEvent {
    }

    /**
     * The server sent something this client could not read. The text is kept (truncated to 4096
     * characters) for the log; the error says where and why.
     */
    record ProtocolError(long sessionId, long handleId, JanusProtocolException error, String text)
            implements JanusEvent {
        public ProtocolError {
            Objects.requireNonNull(error, "error");
        }
    }
}
