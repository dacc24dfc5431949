package dev.purertc.janus;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link JanusClient} connects and times its requests.
 *
 * @param server {@code ws://host:port} for the WebSocket transport, {@code http://host:port/janus}
 *     for HTTP REST with long-poll
 * @param requestTimeout how long a request waits for its final answer (default 10 s)
 * @param keepaliveInterval how long a session may go without a request before a {@code keepalive}
 *     is sent; keep it well inside the server's {@code session_timeout} (default 25 s, as janus.js,
 *     for Janus's default of 60 s)
 * @param reclaimWindow after a dropped WebSocket, how long to try to reconnect and {@code claim}
 *     the sessions before they are reported lost; over HTTP, how long a session's long poll may
 *     fail before it is reported lost. Match the server's {@code reclaim_session_timeout}
 *     (default 10 s; with 0 on the server, every claim fails and sessions are reported lost)
 * @param connectTimeout how long to wait for the WebSocket to open (default 5 s)
 */
public record JanusClientOptions(URI server, Duration requestTimeout, Duration keepaliveInterval,
        Duration reclaimWindow, Duration connectTimeout) {

    public JanusClientOptions {
        Objects.requireNonNull(server, "server");
        String scheme = server.getScheme();
        if (scheme == null || !(scheme.equals("ws") || scheme.equals("wss") || scheme.equals("http")
                || scheme.equals("https"))) {
            throw new IllegalArgumentException("server must be a ws://, wss://, http:// or https:// URI: " + server);
        }
        positive(requestTimeout, "requestTimeout");
        positive(keepaliveInterval, "keepaliveInterval");
        Objects.requireNonNull(reclaimWindow, "reclaimWindow");
        if (reclaimWindow.isNegative()) {
            throw new IllegalArgumentException("reclaimWindow must be >= 0: " + reclaimWindow);
        }
        positive(connectTimeout, "connectTimeout");
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }

    /** The defaults for {@code server}. */
    public static JanusClientOptions of(URI server) {
        return new JanusClientOptions(server, Duration.ofSeconds(10), Duration.ofSeconds(25), Duration.ofSeconds(10),
                Duration.ofSeconds(5));
    }

    /** The defaults for {@code server}, given as text. */
    public static JanusClientOptions of(String server) {
        return of(URI.create(server));
    }

    /** Whether the server URI selects the WebSocket transport. */
    public boolean webSocket() {
        return server.getScheme().startsWith("ws");
    }

    public JanusClientOptions withRequestTimeout(Duration d) {
        return new JanusClientOptions(server, d, keepaliveInterval, reclaimWindow, connectTimeout);
    }

    public JanusClientOptions withKeepaliveInterval(Duration d) {
        return new JanusClientOptions(server, requestTimeout, d, reclaimWindow, connectTimeout);
    }

    public JanusClientOptions withReclaimWindow(Duration d) {
        return new JanusClientOptions(server, requestTimeout, keepaliveInterval, d, connectTimeout);
    }

    public JanusClientOptions withConnectTimeout(Duration d) {
        return new JanusClientOptions(server, requestTimeout, keepaliveInterval, reclaimWindow, d);
    }
}
