package dev.purertc.janus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the AudioBridge plugin tells a participant's handle, as types (Janus 1.1.x shapes, shared
 * notes janus.md section 5). Delivered to {@link AudioBridge} listeners on the client's driver
 * thread. Payloads this client does not recognise become {@link Other}; payloads it recognises
 * but cannot read become {@link Invalid}: nothing is dropped.
 */
public sealed interface AudioBridgeEvent {

    /**
     * Own {@code joined}: this handle is in {@code room} as {@code id}; the others already there;
     * Janus's JSEP (answer, or offer with {@code generate_offer}); for a plain-RTP participant, the
     * address where the plugin expects its RTP, else null.
     */
    record Joined(long room, long id, List<Participant> participants, Jsep jsep, PlainRtp rtp) implements AudioBridgeEvent {
        public Joined {
            participants = List.copyOf(participants);
        }
    }

    /** Others {@code joined} (no top-level {@code id}): they entered the room. */
    record ParticipantsJoined(long room, List<Participant> participants) implements AudioBridgeEvent {
        public ParticipantsJoined {
            participants = List.copyOf(participants);
        }
    }

    /** {@code event} with {@code participants}: others changed display, muted state or setup. */
    record ParticipantsUpdated(long room, List<Participant> participants) implements AudioBridgeEvent {
        public ParticipantsUpdated {
            participants = List.copyOf(participants);
        }
    }

    /** {@code event} with {@code leaving}: a participant left. */
    record Leaving(long room, long id) implements AudioBridgeEvent {
    }

    /**
     * {@code event} with {@code kicked}: a participant (maybe this one) was kicked; or with
     * {@code kicked_all} ({@code kick_all}), sent to each participant with its own id.
     */
    record Kicked(long room, long id) implements AudioBridgeEvent {
    }

    /** {@code event} with a room-wide {@code muted}: the room was muted or unmuted. */
    record RoomMuted(long room, boolean muted) implements AudioBridgeEvent {
    }

    /** {@code talking} / {@code stopped-talking} (rooms with {@code audiolevel_event}). */
    record Talking(long room, long id, boolean talking) implements AudioBridgeEvent {
    }

    /** {@code event} with {@code result: ok}: own {@code configure} applied; the answer JSEP if an offer went with it. */
    record Configured(Jsep jsep) implements AudioBridgeEvent {
    }

    /** Own {@code roomchanged}: now in {@code room} as {@code id}, with the others there. */
    record RoomChanged(long room, long id, List<Participant> participants) implements AudioBridgeEvent {
        public RoomChanged {
            participants = List.copyOf(participants);
        }
    }

    /**
     * Own {@code left}: this handle left {@code room}. Also delivered (made by the client) when the
     * handle's PeerConnection is hung up while in a room, because the AudioBridge then takes the
     * participant out of the room without telling it (Janus 1.1.2, seen in the tests).
     */
    record Left(long room, long id) implements AudioBridgeEvent {
    }

    /** {@code hangingup}: the answer to the plugin's {@code hangup} request; a {@link JanusEvent.Hangup} follows. */
    record HangingUp() implements AudioBridgeEvent {
    }

    /** {@code destroyed}: the room is gone. */
    record Destroyed(long room) implements AudioBridgeEvent {
    }

    /** {@code announcement-started} / {@code announcement-stopped} of a {@code play_file}. */
    record Announcement(long room, String fileId, boolean playing) implements AudioBridgeEvent {
    }

    /** An error answer seen on the event stream (the failing request's future gets it too). */
    record Failed(JanusPluginException error) implements AudioBridgeEvent {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    /** An AudioBridge payload of a kind this client does not know, kept whole. */
    record Other(JsonNode data, Jsep jsep) implements AudioBridgeEvent {
    }

    /** A payload of a known kind that misses or mistypes a field. */
    record Invalid(JsonNode data, JanusProtocolException error) implements AudioBridgeEvent {
    }

    /**
     * Reads one AudioBridge payload ({@code plugindata.data}); throws only
     * {@link JanusProtocolException}.
     */
    static AudioBridgeEvent parse(ObjectMapper mapper, JsonNode data, Jsep jsep) {
        if (data == null || !data.isObject()) {
            throw new JanusProtocolException("plugindata.data", "not an object");
        }
        JsonNode kind = data.get("audiobridge");
        if (kind == null || !kind.isTextual()) {
            throw new JanusProtocolException("plugindata.data.audiobridge", "missing or not a string");
        }
        if (data.hasNonNull("error_code")) {
            JsonNode code = data.get("error_code");
            return new Failed(new JanusPluginException(AudioBridge.PLUGIN,
                    code.canConvertToInt() ? code.intValue() : JanusException.NO_CODE, data.path("error").asText("")));
        }
        switch (kind.textValue()) {
            case "joined":
                if (data.has("id")) {
                    return new Joined(id(data, "room"), id(data, "id"), participants(mapper, data), jsep,
                            data.has("rtp") ? plainRtp(mapper, data.get("rtp")) : null);
                }
                return new ParticipantsJoined(id(data, "room"), participants(mapper, data));
            case "roomchanged":
                return new RoomChanged(id(data, "room"), id(data, "id"), participants(mapper, data));
            case "left":
                return new Left(id(data, "room"), id(data, "id"));
            case "destroyed":
                return new Destroyed(id(data, "room"));
            case "hangingup":
                return new HangingUp();
            case "talking":
                return new Talking(id(data, "room"), id(data, "id"), true);
            case "stopped-talking":
                return new Talking(id(data, "room"), id(data, "id"), false);
            case "announcement-started":
                return new Announcement(id(data, "room"), text(data, "file_id"), true);
            case "announcement-stopped":
                return new Announcement(id(data, "room"), text(data, "file_id"), false);
            case "event":
                if (data.has("participants")) {
                    return new ParticipantsUpdated(id(data, "room"), participants(mapper, data));
                }
                if (data.has("leaving")) {
                    return new Leaving(id(data, "room"), id(data, "leaving"));
                }
                if (data.has("kicked")) {
                    return new Kicked(id(data, "room"), id(data, "kicked"));
                }
                if (data.has("kicked_all")) {
                    return new Kicked(id(data, "room"), id(data, "kicked_all"));
                }
                if (data.has("muted")) {
                    JsonNode muted = data.get("muted");
                    if (!muted.isBoolean()) {
                        throw new JanusProtocolException("plugindata.data.muted", "not a boolean");
                    }
                    return new RoomMuted(id(data, "room"), muted.booleanValue());
                }
                if ("ok".equals(data.path("result").asText(null))) {
                    return new Configured(jsep);
                }
                return new Other(data, jsep);
            default:
                return new Other(data, jsep);
        }
    }

    private static long id(JsonNode data, String field) {
        JsonNode v = data.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            // string_ids rooms are not supported by this client: ids are numbers.
            throw new JanusProtocolException("plugindata.data." + field, v == null ? "missing" : "not an integer id: " + v);
        }
        return v.longValue();
    }

    private static String text(JsonNode data, String field) {
        JsonNode v = data.get(field);
        if (v == null || !v.isTextual()) {
            throw new JanusProtocolException("plugindata.data." + field, v == null ? "missing" : "not a string");
        }
        return v.textValue();
    }

    private static PlainRtp plainRtp(ObjectMapper mapper, JsonNode node) {
        if (node == null || !node.isObject() || !node.path("ip").isTextual() || !node.path("port").canConvertToInt()) {
            throw new JanusProtocolException("plugindata.data.rtp", "not an object with ip and port");
        }
        try {
            return mapper.treeToValue(node, PlainRtp.class);
        } catch (Exception e) { // Jackson's checked and unchecked failures alike, and the record's checks
            throw new JanusProtocolException("plugindata.data.rtp", "cannot read: " + e.getMessage(), e);
        }
    }

    static List<Participant> participants(ObjectMapper mapper, JsonNode data) {
        JsonNode list = data.get("participants");
        if (list == null || !list.isArray()) {
            throw new JanusProtocolException("plugindata.data.participants", list == null ? "missing" : "not an array");
        }
        List<Participant> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(participant(mapper, list.get(i), "plugindata.data.participants[" + i + "]"));
        }
        return out;
    }

    static Participant participant(ObjectMapper mapper, JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new JanusProtocolException(where, "not an object");
        }
        JsonNode id = node.get("id");
        if (id == null || !id.isIntegralNumber() || !id.canConvertToLong()) {
            throw new JanusProtocolException(where + ".id", id == null ? "missing" : "not an integer id: " + id);
        }
        try {
            return mapper.treeToValue(node, Participant.class);
        } catch (Exception e) { // Jackson's checked and unchecked failures alike: mistyped fields
            throw new JanusProtocolException(where, "cannot read a participant: " + e.getMessage(), e);
        }
    }
}
