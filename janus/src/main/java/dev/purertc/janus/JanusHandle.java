package dev.purertc.janus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A handle: one attachment of a session to a plugin, and the scope of one PeerConnection.
 * Thread-safe; listeners run on the client's driver thread.
 */
public final class JanusHandle {
    private final JanusSession session;
    private final long id;
    private final String plugin;
    private final CopyOnWriteArrayList<Consumer<JanusEvent>> listeners = new CopyOnWriteArrayList<>();

    JanusHandle(JanusSession session, long id, String plugin) {
        this.session = session;
        this.id = id;
        this.plugin = plugin;
    }

    /** The server's handle id. */
    public long id() {
        return id;
    }

    /** The plugin package name this handle is attached to. */
    public String plugin() {
        return plugin;
    }

    /** The session this handle belongs to. */
    public JanusSession session() {
        return session;
    }

    /** Adds a listener for this handle's events (driver thread). */
    public void addListener(Consumer<JanusEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Consumer<JanusEvent> listener) {
        listeners.remove(listener);
    }

    /**
     * {@code message}: a request to the plugin, with an optional JSEP. Completes with the plugin's
     * answer: the {@code success} data of a synchronous request, or the {@code event} that follows
     * the {@code ack} of an asynchronous one. A plugin error ({@code error_code}) fails it with
     * {@link JanusPluginException}.
     *
     * @param body the plugin request object; not modified
     * @param jsep an offer or answer, or null
     */
    public CompletableFuture<PluginResponse> message(JsonNode body, Jsep jsep) {
        return message(body, jsep, r -> r);
    }

    /** As {@link #message(JsonNode, Jsep)}; {@code onAnswer} maps the answer on the driver thread, before later events. */
    <T> CompletableFuture<T> message(JsonNode body, Jsep jsep, java.util.function.Function<PluginResponse, T> onAnswer) {
        Objects.requireNonNull(body, "body");
        if (!body.isObject()) {
            throw new IllegalArgumentException("a plugin message body must be a JSON object");
        }
        JanusClient client = session.owner();
        ObjectNode message = client.mapper().createObjectNode().put("janus", "message");
        message.set("body", body.deepCopy());
        if (jsep != null) {
            message.putObject("jsep").put("type", jsep.type()).put("sdp", jsep.sdp());
        }
        String what = "message " + body.path("request").asText("");
        return client.request(what, message, session.id(), id, false, m -> {
            if (m.pluginData() == null) {
                throw new JanusProtocolException("plugindata", "missing in the answer to " + what);
            }
            return onAnswer.apply(new PluginResponse(m.pluginData(), m.jsep()));
        });
    }

    /** {@code trickle}: one local candidate. */
    public CompletableFuture<Void> trickle(IceCandidate candidate) {
        ObjectNode message = trickleMessage();
        message.set("candidate", candidateJson(candidate));
        return sendTrickle(message);
    }

    /** {@code trickle}: several local candidates in one message. */
    public CompletableFuture<Void> trickle(List<IceCandidate> candidates) {
        ObjectNode message = trickleMessage();
        ArrayNode array = message.putArray("candidates");
        for (IceCandidate c : candidates) {
            array.add(candidateJson(c));
        }
        return sendTrickle(message);
    }

    /** {@code trickle} with {@code {"completed":true}}: no more local candidates. */
    public CompletableFuture<Void> trickleCompleted() {
        ObjectNode message = trickleMessage();
        message.putObject("candidate").put("completed", true);
        return sendTrickle(message);
    }

    /** {@code hangup}: closes the handle's PeerConnection, keeps the handle. */
    public CompletableFuture<Void> hangup() {
        JanusClient client = session.owner();
        return client.request("hangup", client.mapper().createObjectNode().put("janus", "hangup"), session.id(), id,
                false, m -> null);
    }

    /** {@code detach}: removes the handle from the session. */
    public CompletableFuture<Void> detach() {
        JanusClient client = session.owner();
        return client.request("detach", client.mapper().createObjectNode().put("janus", "detach"), session.id(), id,
                false, m -> {
                    session.handleDetached(id);
                    return null;
                });
    }

    private ObjectNode trickleMessage() {
        return session.owner().mapper().createObjectNode().put("janus", "trickle");
    }

    private ObjectNode candidateJson(IceCandidate c) {
        ObjectNode node = session.owner().mapper().createObjectNode().put("candidate", c.candidate());
        if (c.sdpMid() != null) {
            node.put("sdpMid", c.sdpMid());
        }
        node.put("sdpMLineIndex", c.sdpMLineIndex());
        return node;
    }

    private CompletableFuture<Void> sendTrickle(ObjectNode message) {
        // Janus answers a trickle with an ack only.
        return session.owner().request("trickle", message, session.id(), id, true, m -> null);
    }

    // Driver thread.
    void dispatch(JanusEvent event) {
        for (Consumer<JanusEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(JanusHandle.class).warn("Janus handle listener failed on {}", event, e);
            }
        }
    }
}
