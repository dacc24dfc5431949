package dev.purertc.janus;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A Janus session: the scope of handles and of the server's inactivity timer. The client sends
 * {@code keepalive} whenever the session has been idle for the keepalive interval, so it lives
 * until {@link #destroy()}, a {@link JanusEvent.SessionTimeout}, or a {@link JanusEvent.SessionLost}.
 * Thread-safe; listeners run on the client's driver thread.
 */
public final class JanusSession implements AutoCloseable {
    private final JanusClient client;
    private final long id;
    private final Map<Long, JanusHandle> handles = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<JanusEvent>> listeners = new CopyOnWriteArrayList<>();
    private volatile String lostReason;
    private volatile boolean destroyed;

    JanusSession(JanusClient client, long id) {
        this.client = client;
        this.id = id;
    }

    /** The server's session id. */
    public long id() {
        return id;
    }

    /** The client this session lives on. */
    public JanusClient client() {
        return client;
    }

    /** Why the session was lost, or null while it is alive (or was destroyed on purpose). */
    public String lostReason() {
        return lostReason;
    }

    /** Adds a listener for this session's events and its handles' events (driver thread). */
    public void addListener(Consumer<JanusEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Consumer<JanusEvent> listener) {
        listeners.remove(listener);
    }

    /**
     * {@code attach}: a new handle on {@code plugin} (e.g. {@code janus.plugin.audiobridge}).
     *
     * @param opaqueId an application tag Janus shows in its admin API, or null
     */
    public CompletableFuture<JanusHandle> attach(String plugin, String opaqueId) {
        Objects.requireNonNull(plugin, "plugin");
        ObjectNode message = client.mapper().createObjectNode().put("janus", "attach").put("plugin", plugin);
        if (opaqueId != null) {
            message.put("opaque_id", opaqueId);
        }
        return client.request("attach", message, id, 0, false, m -> {
            long handleId = m.json().path("data").path("id").asLong(0);
            if (handleId <= 0) {
                throw new JanusProtocolException("data.id", "missing or not a positive handle id");
            }
            return handles.computeIfAbsent(handleId, h -> new JanusHandle(this, h, plugin));
        });
    }

    /** {@code attach} without an opaque id. */
    public CompletableFuture<JanusHandle> attach(String plugin) {
        return attach(plugin, null);
    }

    /** {@code keepalive} now (the client also sends them by itself when the session is idle). */
    public CompletableFuture<Void> keepalive() {
        return client.request("keepalive", client.mapper().createObjectNode().put("janus", "keepalive"), id, 0, true,
                m -> null);
    }

    /** {@code destroy}: ends the session and every handle on it. */
    public CompletableFuture<Void> destroy() {
        return client.request("destroy", client.mapper().createObjectNode().put("janus", "destroy"), id, 0, false,
                m -> {
                    destroyed = true;
                    client.sessionDestroyed(id);
                    return null;
                });
    }

    /**
     * Destroys the session if it is still alive, waiting for the answer up to the request timeout
     * (on the driver thread, e.g. in a listener, it sends the request without waiting). Idempotent.
     */
    @Override
    public void close() {
        if (destroyed || lostReason != null) {
            return;
        }
        if (client.onDriverThread()) {
            destroy();
            return;
        }
        try {
            destroy().join();
        } catch (RuntimeException e) {
            // Already gone on the server, or the connection is down: nothing left to release here.
        }
    }

    JanusClient owner() {
        return client;
    }

    void handleDetached(long handleId) {
        handles.remove(handleId);
    }

    // Driver thread, before any listener hears of the loss.
    void markLost(String reason) {
        lostReason = reason;
    }

    // Driver thread.
    void dispatch(JanusEvent event) {
        for (Consumer<JanusEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(JanusSession.class).warn("Janus session listener failed on {}", event, e);
            }
        }
        if (event.handleId() != 0) {
            JanusHandle handle = handles.get(event.handleId());
            if (handle != null) {
                handle.dispatch(event);
            }
            if (event instanceof JanusEvent.Detached) {
                handles.remove(event.handleId());
            }
        }
    }
}
