package dev.purertc.janus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Janus over its HTTP REST transport ({@code http://host:8088/janus}), as janus.js does it:
 * requests are POSTed to {@code /janus}, {@code /janus/<session>} or
 * {@code /janus/<session>/<handle>} and the response body is the reply; events arrive by
 * long-polling {@code GET /janus/<session>?maxev=N}, which Janus holds up to 30 s and answers
 * with one event, an array of events, or {@code {"janus":"keepalive"}}.
 *
 * <p>A long poll that keeps failing for longer than the reclaim window, or that Janus answers
 * with error 458 (no such session), reports the session gone.
 */
final class HttpTransport implements JanusTransport {
    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
    private static final int MAX_EVENTS_PER_POLL = 10;
    private static final long RETRY_DELAY_MILLIS = 250;
    /** {@code failingSinceNanos} of a poll whose predecessor did not fail (any clock value may be real). */
    private static final long NOT_FAILING = Long.MIN_VALUE;

    private final URI base;
    private final ObjectMapper mapper;
    private final long goneAfterNanos;
    private final LongSupplier nanoClock;
    private final ExecutorService executor;
    private final ScheduledExecutorService retries;
    private final HttpClient http;
    private final Map<Long, CompletableFuture<?>> polls = new ConcurrentHashMap<>();
    private volatile Listener listener;
    private volatile boolean closed;

    /**
     * @param base the Janus base URL, e.g. {@code http://127.0.0.1:8088/janus}
     * @param goneAfterNanos how long a session's long poll may fail before the session is reported gone
     */
    HttpTransport(URI base, ObjectMapper mapper, int connectTimeoutMillis, long goneAfterNanos, LongSupplier nanoClock) {
        String text = Objects.requireNonNull(base, "base").toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.mapper = mapper;
        this.goneAfterNanos = goneAfterNanos;
        this.nanoClock = nanoClock;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "purertc-janus-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "purertc-janus-http-retry");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(connectTimeoutMillis))
                .executor(executor)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public CompletableFuture<Void> open(Listener listener) {
        this.listener = listener;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void send(JanusProtocol.Outbound message) {
        if (closed) {
            throw new JanusTransportException("transport closed");
        }
        StringBuilder path = new StringBuilder(base.toString());
        if (message.sessionId() != 0) {
            path.append('/').append(message.sessionId());
            if (message.handleId() != 0) {
                path.append('/').append(message.handleId());
            }
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(path.toString()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(message.json()))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            Listener l = listener;
            if (closed || l == null) {
                return;
            }
            if (error != null) {
                l.onSendFailed(message.transaction(), new JanusTransportException("HTTP POST " + path + " failed: " + error, error));
            } else if (response.statusCode() != 200) {
                l.onSendFailed(message.transaction(), new JanusTransportException(
                        "HTTP POST " + path + ": status " + response.statusCode()));
            } else {
                l.onMessage(response.body());
            }
        });
    }

    @Override
    public void sessionAdded(long sessionId) {
        if (!closed && !polls.containsKey(sessionId)) {
            // The first poll has not failed yet: the reclaim window counts from its first failure,
            // not from the session's creation.
            poll(sessionId, NOT_FAILING);
        }
    }

    private void poll(long sessionId, long failingSinceNanos) {
        if (closed) {
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/" + sessionId + "?maxev=" + MAX_EVENTS_PER_POLL))
                .timeout(Duration.ofSeconds(45)) // Janus answers an idle poll after 30 s
                .GET()
                .build();
        CompletableFuture<HttpResponse<String>> call = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        polls.put(sessionId, call);
        call.whenComplete((response, error) -> {
            if (closed || polls.get(sessionId) != call) {
                return;
            }
            Listener l = listener;
            long now = nanoClock.getAsLong();
            if (error != null || response.statusCode() != 200) {
                String why = error != null ? error.toString() : "status " + response.statusCode();
                long since = failingSinceNanos == NOT_FAILING ? now : failingSinceNanos;
                if (now - since >= goneAfterNanos) {
                    polls.remove(sessionId);
                    l.onSessionGone(sessionId, "Janus unreachable over HTTP: " + why);
                    return;
                }
                LOG.debug("long poll of session {} failed ({}), retrying", sessionId, why);
                retries.schedule(() -> poll(sessionId, since), RETRY_DELAY_MILLIS, TimeUnit.MILLISECONDS);
                return;
            }
            if (deliver(sessionId, response.body(), l)) {
                poll(sessionId, NOT_FAILING);
            }
        });
    }

    /** Hands the events of one poll answer to the listener; false when the session is gone. */
    private boolean deliver(long sessionId, String body, Listener l) {
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (Exception e) { // not JSON: let the core report it
            l.onMessage(body);
            return true;
        }
        if (tree != null && tree.isArray()) {
            for (JsonNode event : tree) {
                l.onMessage(event.toString());
            }
            return true;
        }
        if (tree != null && tree.isObject() && "error".equals(tree.path("janus").asText())
                && !tree.has("transaction")) {
            int code = tree.path("error").path("code").asInt();
            String reason = tree.path("error").path("reason").asText("");
            if (code == JanusApiException.NO_SUCH_SESSION) {
                polls.remove(sessionId);
                l.onSessionGone(sessionId, "Janus: " + reason);
                return false;
            }
        }
        l.onMessage(body);
        return true;
    }

    @Override
    public void sessionRemoved(long sessionId) {
        CompletableFuture<?> call = polls.remove(sessionId);
        if (call != null) {
            call.cancel(true);
        }
    }

    @Override
    public boolean reclaimable() {
        return false;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (CompletableFuture<?> call : polls.values()) {
            call.cancel(true);
        }
        polls.clear();
        retries.shutdownNow();
        executor.shutdownNow();
    }
}
