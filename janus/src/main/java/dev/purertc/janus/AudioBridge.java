package dev.purertc.janus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AudioBridge plugin ({@code janus.plugin.audiobridge}, Janus 1.1.x) on one handle: every
 * request as a typed call, the plugin's events as {@link AudioBridgeEvent}s, and the live
 * {@link AudioBridgeRoom} model of the room this handle is in.
 *
 * <p>Room administration ({@code create}, {@code edit}, {@code list}, ...) needs no join. A handle
 * joins one room at a time; {@code join} and {@code configure} may carry a JSEP offer, and their
 * answer carries Janus's JSEP answer.
 *
 * <p>Errors: a request the plugin refuses fails with {@link JanusPluginException} whose
 * {@link JanusPluginException#code() code} is one of {@link AudioBridgeError}; Janus core errors
 * fail with {@link JanusApiException}. Thread-safe; futures complete and listeners run on the
 * client's driver thread.
 */
public final class AudioBridge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AudioBridge.class);

    /** The plugin's package name. */
    public static final String PLUGIN = "janus.plugin.audiobridge";

    private final JanusHandle handle;
    private final ObjectMapper mapper;
    private final AudioBridgeRoom room = new AudioBridgeRoom();
    private final CopyOnWriteArrayList<Consumer<AudioBridgeEvent>> listeners = new CopyOnWriteArrayList<>();

    /** Wraps a handle already attached to {@link #PLUGIN}. */
    public AudioBridge(JanusHandle handle) {
        this.handle = Objects.requireNonNull(handle, "handle");
        if (!handle.plugin().equals(PLUGIN)) {
            throw new IllegalArgumentException("handle is attached to " + handle.plugin() + ", not " + PLUGIN);
        }
        this.mapper = newMapper();
        handle.addListener(this::onEvent);
    }

    /** Attaches a new handle to the AudioBridge on {@code session}. */
    public static CompletableFuture<AudioBridge> attach(JanusSession session) {
        return session.attach(PLUGIN).thenApply(AudioBridge::new);
    }

    /** The JSON mapping of requests and typed answers: snake_case fields, nulls left out. */
    static ObjectMapper newMapper() {
        return new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** The request as the JSON body Janus receives. */
    static ObjectNode toJson(ObjectMapper mapper, AudioBridgeRequest request) {
        ObjectNode body = mapper.createObjectNode().put("request", request.request());
        body.setAll((ObjectNode) mapper.valueToTree(request));
        return body;
    }

    /** The handle this plugin client talks through. */
    public JanusHandle handle() {
        return handle;
    }

    /** The live model of the room this handle is in. */
    public AudioBridgeRoom room() {
        return room;
    }

    /** Adds a listener for this handle's AudioBridge events (driver thread). */
    public void addListener(Consumer<AudioBridgeEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Consumer<AudioBridgeEvent> listener) {
        listeners.remove(listener);
    }

    /** Sends any request and returns the plugin's raw answer; the typed methods below are preferred. */
    public CompletableFuture<PluginResponse> send(AudioBridgeRequest request, Jsep jsep) {
        return send(request, jsep, r -> r);
    }

    private <T> CompletableFuture<T> send(AudioBridgeRequest request, Jsep jsep, Function<PluginResponse, T> onAnswer) {
        Objects.requireNonNull(request, "request");
        return handle.message(toJson(mapper, request), jsep, onAnswer);
    }

    // --- room administration -------------------------------------------------------------

    /** {@code create}: a new room. */
    public CompletableFuture<RoomResult> create(AudioBridgeRequest.Create request) {
        return send(request, null, r -> roomResult(r, "created"));
    }

    /** {@code edit}: changes a room's description, secret, PIN or privacy. */
    public CompletableFuture<RoomResult> edit(AudioBridgeRequest.Edit request) {
        return send(request, null, r -> roomResult(r, "edited"));
    }

    /** {@code destroy}: removes a room. */
    public CompletableFuture<RoomResult> destroy(AudioBridgeRequest.Destroy request) {
        return send(request, null, r -> roomResult(r, "destroyed"));
    }

    /** {@code exists}: whether the room exists. */
    public CompletableFuture<Boolean> exists(long roomId) {
        return send(new AudioBridgeRequest.Exists(roomId), null, r -> bool(expect(r, "success"), "exists"));
    }

    /** {@code allowed}: edits the token ACL; completes with the tokens now allowed. */
    public CompletableFuture<List<String>> allowed(AudioBridgeRequest.Allowed request) {
        return send(request, null, r -> {
            JsonNode list = expect(r, "success").get("allowed");
            List<String> tokens = new ArrayList<>();
            if (list != null && list.isArray()) {
                list.forEach(t -> tokens.add(t.asText()));
            }
            return List.copyOf(tokens);
        });
    }

    /** {@code kick}: removes a participant from the room. */
    public CompletableFuture<Void> kick(AudioBridgeRequest.Kick request) {
        return send(request, null, this::success);
    }

    /** {@code kick_all}: removes every participant from the room. */
    public CompletableFuture<Void> kickAll(AudioBridgeRequest.KickAll request) {
        return send(request, null, this::success);
    }

    /** {@code list}: the rooms. */
    public CompletableFuture<List<RoomInfo>> list() {
        return send(new AudioBridgeRequest.ListRooms(), null, r -> {
            JsonNode list = expect(r, "success").get("list");
            if (list == null || !list.isArray()) {
                throw new JanusProtocolException("plugindata.data.list", "missing or not an array");
            }
            List<RoomInfo> rooms = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                rooms.add(read(list.get(i), RoomInfo.class, "plugindata.data.list[" + i + "]"));
            }
            return List.copyOf(rooms);
        });
    }

    /** {@code listparticipants}: who is in the room now. */
    public CompletableFuture<List<Participant>> listParticipants(long roomId) {
        return send(new AudioBridgeRequest.ListParticipants(roomId), null,
                r -> AudioBridgeEvent.participants(mapper, expect(r, "participants")));
    }

    /** {@code mute}: mutes another participant. */
    public CompletableFuture<Void> mute(AudioBridgeRequest.Mute request) {
        return send(request, null, this::success);
    }

    /** {@code unmute}: unmutes another participant. */
    public CompletableFuture<Void> unmute(AudioBridgeRequest.Unmute request) {
        return send(request, null, this::success);
    }

    /** {@code mute_room}: mutes the room. */
    public CompletableFuture<Void> muteRoom(AudioBridgeRequest.MuteRoom request) {
        return send(request, null, this::success);
    }

    /** {@code unmute_room}: unmutes the room. */
    public CompletableFuture<Void> unmuteRoom(AudioBridgeRequest.UnmuteRoom request) {
        return send(request, null, this::success);
    }

    /** {@code enable_recording}: starts or stops the WAV recording of the mix. */
    public CompletableFuture<Void> enableRecording(AudioBridgeRequest.EnableRecording request) {
        return send(request, null, this::success);
    }

    /** {@code enable_mjrs}: starts or stops the per-participant .mjr recordings. */
    public CompletableFuture<Void> enableMjrs(AudioBridgeRequest.EnableMjrs request) {
        return send(request, null, this::success);
    }

    /** {@code play_file}: starts an announcement; completes with its file id. */
    public CompletableFuture<String> playFile(AudioBridgeRequest.PlayFile request) {
        return send(request, null, r -> text(expect(r, "success"), "file_id"));
    }

    /** {@code is_playing}: whether the announcement is playing. */
    public CompletableFuture<Boolean> isPlaying(AudioBridgeRequest.IsPlaying request) {
        return send(request, null, r -> bool(expect(r, "success"), "playing"));
    }

    /** {@code stop_file}: stops the announcement. */
    public CompletableFuture<Void> stopFile(AudioBridgeRequest.StopFile request) {
        return send(request, null, this::success);
    }

    /** {@code rtp_forward}: forwards the mix as RTP; completes with the new forwarder. */
    public CompletableFuture<RtpForwarder> rtpForward(AudioBridgeRequest.RtpForward request) {
        return send(request, null, r -> {
            JsonNode data = expect(r, "success");
            return new RtpForwarder(longField(data, "stream_id"), text(data, "host"), (int) longField(data, "port"),
                    null, null, null, null, null);
        });
    }

    /** {@code stop_rtp_forward}: stops a forwarder. */
    public CompletableFuture<Void> stopRtpForward(AudioBridgeRequest.StopRtpForward request) {
        return send(request, null, r -> {
            expect(r, "success");
            return null;
        });
    }

    /** {@code listforwarders}: the room's forwarders. */
    public CompletableFuture<List<RtpForwarder>> listForwarders(AudioBridgeRequest.ListForwarders request) {
        return send(request, null, r -> {
            JsonNode list = expect(r, "forwarders").get("rtp_forwarders");
            if (list == null || !list.isArray()) {
                throw new JanusProtocolException("plugindata.data.rtp_forwarders", "missing or not an array");
            }
            List<RtpForwarder> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode f = list.get(i);
                String where = "plugindata.data.rtp_forwarders[" + i + "]";
                RtpForwarder read = read(f, RtpForwarder.class, where);
                // Lists name the destination "ip" where rtp_forward answers say "host".
                String host = read.host() != null ? read.host() : f.path("ip").asText(null);
                out.add(new RtpForwarder(read.streamId(), host, read.port(), read.ssrc(), read.codec(), read.ptype(),
                        read.srtp(), read.alwaysOn()));
            }
            return List.copyOf(out);
        });
    }

    /** {@code suspend} (not in Janus 1.1.2, see {@link AudioBridgeRequest.Suspend}). */
    public CompletableFuture<Void> suspend(AudioBridgeRequest.Suspend request) {
        return send(request, null, this::success);
    }

    /** {@code resume} (not in Janus 1.1.2, see {@link AudioBridgeRequest.Resume}). */
    public CompletableFuture<Void> resume(AudioBridgeRequest.Resume request) {
        return send(request, null, this::success);
    }

    // --- participation ---------------------------------------------------------------------

    /**
     * {@code join}, optionally with a JSEP offer. Completes with the own {@code joined} event, whose
     * {@code jsep} is Janus's answer when an offer went with it; the room model is updated first.
     */
    public CompletableFuture<AudioBridgeEvent.Joined> join(AudioBridgeRequest.Join request, Jsep offer) {
        room.expectSelf(request.display(), Boolean.TRUE.equals(request.muted()));
        return send(request, offer, r -> {
            AudioBridgeEvent e = AudioBridgeEvent.parse(mapper, r.data(), r.jsep());
            if (e instanceof AudioBridgeEvent.Joined joined) {
                return joined;
            }
            throw new JanusProtocolException("plugindata.data.audiobridge", "expected joined, got " + r.data());
        });
    }

    /** {@code configure}, optionally with a JSEP offer; completes with the {@code configured} result (and answer). */
    public CompletableFuture<AudioBridgeEvent.Configured> configure(AudioBridgeRequest.Configure request, Jsep offer) {
        return send(request, offer, r -> {
            AudioBridgeEvent e = AudioBridgeEvent.parse(mapper, r.data(), r.jsep());
            if (e instanceof AudioBridgeEvent.Configured configured) {
                // Janus tells the others, not us: apply our own change to the model here.
                room.selfConfigured(request.display(), request.muted(), configured);
                return configured;
            }
            throw new JanusProtocolException("plugindata.data.result", "expected ok, got " + r.data());
        });
    }

    /** {@code changeroom}: moves to another room; completes with {@code roomchanged}. */
    public CompletableFuture<AudioBridgeEvent.RoomChanged> changeRoom(AudioBridgeRequest.ChangeRoom request) {
        room.expectSelf(request.display(), Boolean.TRUE.equals(request.muted()));
        return send(request, null, r -> {
            AudioBridgeEvent e = AudioBridgeEvent.parse(mapper, r.data(), r.jsep());
            if (e instanceof AudioBridgeEvent.RoomChanged changed) {
                return changed;
            }
            throw new JanusProtocolException("plugindata.data.audiobridge", "expected roomchanged, got " + r.data());
        });
    }

    /** {@code leave}: leaves the room; completes with {@code left}. */
    public CompletableFuture<AudioBridgeEvent.Left> leave() {
        return send(new AudioBridgeRequest.Leave(), null, r -> {
            AudioBridgeEvent e = AudioBridgeEvent.parse(mapper, r.data(), r.jsep());
            if (e instanceof AudioBridgeEvent.Left left) {
                return left;
            }
            throw new JanusProtocolException("plugindata.data.audiobridge", "expected left, got " + r.data());
        });
    }

    /**
     * The plugin's {@code hangup} request: closes the PeerConnection. Janus 1.1.2 then also takes
     * the participant out of the room; the model follows with a {@link AudioBridgeEvent.Left}.
     */
    public CompletableFuture<Void> hangup() {
        return send(new AudioBridgeRequest.Hangup(), null, r -> null);
    }

    /** {@code resetdecoder}: resets the plugin's decoder for this participant. */
    public CompletableFuture<Void> resetDecoder() {
        return send(new AudioBridgeRequest.ResetDecoder(), null, this::success);
    }

    /**
     * Detaches the handle (leaving any room), waiting up to the request timeout (on the driver
     * thread, without waiting). Idempotent: detaching a detached handle fails quietly.
     */
    @Override
    public void close() {
        if (handle.session().client().onDriverThread()) {
            handle.detach();
            return;
        }
        try {
            handle.detach().join();
        } catch (RuntimeException e) {
            LOG.debug("detaching AudioBridge handle {}: {}", handle.id(), e.toString());
        }
    }

    // Driver thread.
    private void onEvent(JanusEvent event) {
        if (event instanceof JanusEvent.WebrtcUp) {
            room.selfSetup(true);
            return;
        }
        if (event instanceof JanusEvent.Hangup) {
            long roomId = room.roomId();
            long selfId = room.selfId();
            if (roomId != 0) {
                // The AudioBridge takes a participant out of its room when the PeerConnection
                // closes, and tells only the others ("leaving"): keep the model true.
                deliver(new AudioBridgeEvent.Left(roomId, selfId));
            }
            return;
        }
        if (!(event instanceof JanusEvent.PluginEvent pe) || !pe.plugin().equals(PLUGIN)) {
            return;
        }
        AudioBridgeEvent typed;
        try {
            typed = AudioBridgeEvent.parse(mapper, pe.data(), pe.jsep());
        } catch (JanusProtocolException e) {
            LOG.warn("unreadable AudioBridge event on handle {}: {}", handle.id(), e.getMessage());
            typed = new AudioBridgeEvent.Invalid(pe.data(), e);
        }
        deliver(typed);
    }

    // Driver thread.
    private void deliver(AudioBridgeEvent typed) {
        room.apply(typed);
        for (Consumer<AudioBridgeEvent> l : listeners) {
            try {
                l.accept(typed);
            } catch (RuntimeException e) {
                LOG.warn("AudioBridge listener failed on {}", typed, e);
            }
        }
    }

    // --- answer reading ----------------------------------------------------------------------

    private Void success(PluginResponse r) {
        expect(r, "success");
        return null;
    }

    private static JsonNode expect(PluginResponse r, String kind) {
        JsonNode data = r.data();
        String got = data.path("audiobridge").asText(null);
        if (!kind.equals(got)) {
            throw new JanusProtocolException("plugindata.data.audiobridge", "expected " + kind + ", got " + got);
        }
        return data;
    }

    private static RoomResult roomResult(PluginResponse r, String kind) {
        JsonNode data = expect(r, kind);
        return new RoomResult(longField(data, "room"), data.path("permanent").asBoolean(false));
    }

    private static long longField(JsonNode data, String field) {
        JsonNode v = data.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new JanusProtocolException("plugindata.data." + field, v == null ? "missing" : "not an integer: " + v);
        }
        return v.longValue();
    }

    private static boolean bool(JsonNode data, String field) {
        JsonNode v = data.get(field);
        if (v == null || !v.isBoolean()) {
            throw new JanusProtocolException("plugindata.data." + field, v == null ? "missing" : "not a boolean: " + v);
        }
        return v.booleanValue();
    }

    private static String text(JsonNode data, String field) {
        JsonNode v = data.get(field);
        if (v == null || !v.isTextual()) {
            throw new JanusProtocolException("plugindata.data." + field, v == null ? "missing" : "not a string: " + v);
        }
        return v.textValue();
    }

    private <T> T read(JsonNode node, Class<T> type, String where) {
        try {
            return mapper.treeToValue(node, type);
        } catch (Exception e) { // Jackson's checked and unchecked failures alike
            throw new JanusProtocolException(where, "cannot read " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
