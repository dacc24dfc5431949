package dev.purertc.janus;

import java.util.concurrent.CompletableFuture;

/**
 * How messages reach Janus and come back: a WebSocket with the {@code janus-protocol}
 * subprotocol ({@link WebSocketTransport}) or HTTP POST plus long-poll GET ({@link HttpTransport}),
 * the two transports janus.js offers. A transport only moves text; the {@link JanusProtocol} core
 * reads it. Callbacks come on the transport's own threads; the client hands them to its driver.
 */
interface JanusTransport extends AutoCloseable {

    /** What a transport reports. */
    interface Listener {
        /** One message text from the server (one JSON object). */
        void onMessage(String text);

        /** The message of {@code transaction} could not be delivered or answered. */
        void onSendFailed(String transaction, Throwable cause);

        /** A connection-oriented transport lost its connection (not called after {@link #close()}). */
        void onClosed(String reason);

        /** The transport learned that the session is gone (HTTP long poll: 458, or unreachable too long). */
        void onSessionGone(long sessionId, String reason);
    }

    /**
     * Connects (again, after {@link Listener#onClosed}); completes when messages can be sent.
     * HTTP has no connection and completes at once.
     */
    CompletableFuture<Void> open(Listener listener);

    /** Sends one message; failures are reported through {@link Listener#onSendFailed}. */
    void send(JanusProtocol.Outbound message);

    /** A session now exists: HTTP starts long-polling its events. */
    void sessionAdded(long sessionId);

    /** The session is gone: HTTP stops long-polling it. */
    void sessionRemoved(long sessionId);

    /** Whether a dropped connection can be re-opened and the sessions claimed on it. */
    boolean reclaimable();

    /** Releases sockets and threads; idempotent. No callbacks follow. */
    @Override
    void close();
}
