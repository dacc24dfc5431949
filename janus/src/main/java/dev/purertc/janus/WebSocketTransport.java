package dev.purertc.janus;

import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.Protocol;

/**
 * Janus over one WebSocket ({@code ws://host:8188}), subprotocol {@code janus-protocol}; one
 * JSON object per text frame, replies and events interleaved on the same socket (Janus
 * WebSockets transport). Each {@link #open} makes a new connection, so a dropped socket can be
 * replaced and its sessions claimed.
 */
final class WebSocketTransport implements JanusTransport {
    static final String SUBPROTOCOL = "janus-protocol";

    private final URI uri;
    private final int connectTimeoutMillis;
    private final Object lock = new Object();
    private WebSocketClient socket;
    private boolean closed;

    WebSocketTransport(URI uri, int connectTimeoutMillis) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    @Override
    public CompletableFuture<Void> open(Listener listener) {
        CompletableFuture<Void> opened = new CompletableFuture<>();
        Draft_6455 draft = new Draft_6455(Collections.emptyList(), List.of(new Protocol(SUBPROTOCOL)));
        WebSocketClient ws = new WebSocketClient(uri, draft, Map.of(), connectTimeoutMillis) {
            @Override
            public void onOpen(ServerHandshake handshake) {
                Thread.currentThread().setName("purertc-janus-ws-read");
                opened.complete(null);
            }

            @Override
            public void onMessage(String message) {
                listener.onMessage(message);
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
                String why = "WebSocket closed (" + code + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")";
                if (!opened.isDone()) {
                    opened.completeExceptionally(new JanusTransportException("cannot connect to " + uri + ": " + why));
                    return;
                }
                boolean mine;
                synchronized (lock) {
                    mine = !closed && socket == this;
                }
                if (mine) {
                    listener.onClosed(why);
                }
            }

            @Override
            public void onError(Exception ex) {
                if (!opened.isDone()) {
                    opened.completeExceptionally(new JanusTransportException("cannot connect to " + uri + ": " + ex, ex));
                }
                // After open, Java-WebSocket follows an error with onClose, which reports it.
            }
        };
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new JanusTransportException("transport closed"));
            }
            WebSocketClient old = socket;
            socket = ws;
            if (old != null) {
                old.close();
            }
        }
        // Java-WebSocket pings and drops a connection that stays silent for this long.
        ws.setConnectionLostTimeout(30);
        ws.connect();
        return opened;
    }

    @Override
    public void send(JanusProtocol.Outbound message) {
        WebSocketClient ws;
        synchronized (lock) {
            ws = socket;
        }
        if (ws == null || !ws.isOpen()) {
            throw new JanusTransportException("WebSocket to " + uri + " is not open");
        }
        try {
            ws.send(message.json());
        } catch (RuntimeException e) {
            throw new JanusTransportException("WebSocket send failed: " + e, e);
        }
    }

    @Override
    public void sessionAdded(long sessionId) {
        // Events for every session arrive on the one socket.
    }

    @Override
    public void sessionRemoved(long sessionId) {
    }

    @Override
    public boolean reclaimable() {
        return true;
    }

    @Override
    public void close() {
        WebSocketClient ws;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            ws = socket;
            socket = null;
        }
        if (ws != null) {
            try {
                ws.closeBlocking();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
