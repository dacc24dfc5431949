package dev.purertc.janus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sans-I/O core of the Janus API: the transaction table, session keepalives, and the
 * dispatch of everything the server sends. It owns no socket, thread or clock: the driver
 * ({@link JanusClient}) feeds it message texts and the current time, sends what
 * {@link #pollOutbound()} returns, delivers what {@link #pollEvent()} returns, and calls
 * {@link #tick(long)} at {@link #nextDeadlineNanos()}. Not thread-safe: one thread at a time
 * (the driver thread). Futures it returns are completed on that thread.
 *
 * <p>Request life cycle (Janus API, janus.js): every request carries a fresh {@code transaction};
 * the final answer is {@code success}, {@code error}, {@code server_info}, or — for asynchronous
 * plugin requests — the {@code event} that follows an {@code ack}; for {@code keepalive} and
 * {@code trickle} the {@code ack} itself is final. An {@code event} answer is also delivered as a
 * {@link JanusEvent.PluginEvent}, and its future completes only when {@link #pollEvent()} has
 * passed that event. An answer whose plugin data holds
 * {@code error_code} fails the request with {@link JanusPluginException}, even under
 * {@code "janus":"success"}. A request without a final answer by its deadline fails with
 * {@link JanusTimeoutException}; an {@code ack} does not extend the deadline.
 */
final class JanusProtocol {
    private static final Logger LOG = LoggerFactory.getLogger(JanusProtocol.class);
    private static final int MAX_LOGGED_CHARS = 4096;

    /** A message to send, with the ids an HTTP transport needs for its URL path. */
    record Outbound(String json, long sessionId, long handleId, String transaction) {
    }

    private static final class Pending {
        final String what;
        final long sessionId;
        final boolean ackIsFinal;
        final long deadlineNanos;
        final CompletableFuture<JanusMessage> future = new CompletableFuture<>();
        boolean acked;

        Pending(String what, long sessionId, boolean ackIsFinal, long deadlineNanos) {
            this.what = what;
            this.sessionId = sessionId;
            this.ackIsFinal = ackIsFinal;
            this.deadlineNanos = deadlineNanos;
        }
    }

    private static final class Session {
        long lastSentNanos;
        boolean keepaliveInFlight;

        Session(long nowNanos) {
            this.lastSentNanos = nowNanos;
        }
    }

    private final ObjectMapper mapper;
    private final long requestTimeoutNanos;
    private final long keepaliveIntervalNanos;
    private final String transactionPrefix;
    private long transactionCounter;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final Map<Long, Session> sessions = new LinkedHashMap<>();
    private final ArrayDeque<Outbound> outbound = new ArrayDeque<>();
    /** Events, and the completions of asynchronous answers queued right after their event. */
    private final ArrayDeque<Object> events = new ArrayDeque<>();
    private boolean connected = true;

    /**
     * @param requestTimeoutNanos how long a request may wait for its final answer
     * @param keepaliveIntervalNanos how long a session may stay without a request before a
     *     {@code keepalive} is sent; must be well inside the server's {@code session_timeout}
     * @param transactionPrefix makes transaction ids unique across clients sharing a server
     *     (ids are {@code prefix-counter})
     */
    JanusProtocol(ObjectMapper mapper, long requestTimeoutNanos, long keepaliveIntervalNanos, String transactionPrefix) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        if (requestTimeoutNanos <= 0 || keepaliveIntervalNanos <= 0) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        this.requestTimeoutNanos = requestTimeoutNanos;
        this.keepaliveIntervalNanos = keepaliveIntervalNanos;
        this.transactionPrefix = Objects.requireNonNull(transactionPrefix, "transactionPrefix");
    }

    /**
     * Queues a request. The transaction, and the session and handle ids when non-zero, are set on
     * {@code message}, which the caller must not touch afterwards.
     *
     * @param what a short description for errors and logs, e.g. {@code attach}
     * @param ackIsFinal whether an {@code ack} is the final answer ({@code keepalive}, {@code trickle})
     * @return the final answer; failed with a {@link JanusException} subclass
     */
    CompletableFuture<JanusMessage> request(String what, ObjectNode message, long sessionId, long handleId,
            boolean ackIsFinal, long nowNanos) {
        if (!connected) {
            return CompletableFuture.failedFuture(new JanusTransportException(what + ": not connected to Janus"));
        }
        String transaction = transactionPrefix + "-" + (++transactionCounter);
        message.put("transaction", transaction);
        if (sessionId != 0) {
            message.put("session_id", sessionId);
            Session session = sessions.get(sessionId);
            if (session != null) {
                // Janus: any request on the session counts as activity (session_timeout).
                session.lastSentNanos = nowNanos;
            }
        }
        if (handleId != 0) {
            message.put("handle_id", handleId);
        }
        Pending p = new Pending(what, sessionId, ackIsFinal, nowNanos + requestTimeoutNanos);
        pending.put(transaction, p);
        outbound.add(new Outbound(message.toString(), sessionId, handleId, transaction));
        return p.future;
    }

    /** Starts keeping {@code sessionId} alive, counting from now. */
    void sessionOpened(long sessionId, long nowNanos) {
        sessions.put(sessionId, new Session(nowNanos));
    }

    /** Stops keeping {@code sessionId} alive (it was destroyed on purpose). */
    void sessionClosed(long sessionId) {
        sessions.remove(sessionId);
    }

    /** The sessions currently kept alive. */
    List<Long> sessionIds() {
        return new ArrayList<>(sessions.keySet());
    }

    /** Whether the session is known and not lost. */
    boolean hasSession(long sessionId) {
        return sessions.containsKey(sessionId);
    }

    /**
     * Declares the session lost for good: it is forgotten, its pending requests fail and a
     * {@link JanusEvent.SessionLost} is queued. Does nothing if the session is not known.
     */
    void sessionLost(long sessionId, String reason) {
        if (sessions.remove(sessionId) == null) {
            return;
        }
        failPending(p -> p.sessionId == sessionId, () -> new JanusTransportException("session " + sessionId + " lost: " + reason));
        events.add(new JanusEvent.SessionLost(sessionId, reason));
    }

    /** The connection is down: every pending request fails, and nothing is sent until {@link #connectionRestored}. */
    void connectionLost(String reason) {
        connected = false;
        outbound.clear();
        failPending(p -> true, () -> new JanusTransportException("connection to Janus lost: " + reason));
    }

    /** The connection is up again; keepalive timing restarts from now. */
    void connectionRestored(long nowNanos) {
        connected = true;
        for (Session s : sessions.values()) {
            s.lastSentNanos = nowNanos;
            s.keepaliveInFlight = false;
        }
    }

    /** Fails one pending request, e.g. because its HTTP POST failed. */
    void sendFailed(String transaction, Throwable cause) {
        Pending p = pending.remove(transaction);
        if (p != null) {
            p.future.completeExceptionally(cause instanceof JanusException je ? je
                    : new JanusTransportException(p.what + ": could not send to Janus: " + cause, cause));
        }
    }

    /**
     * Takes in one message text from the server. Never throws for any input: unreadable input
     * becomes a {@link JanusEvent.ProtocolError} (and fails the request it names, if any).
     */
    void receive(String text, long nowNanos) {
        JanusMessage message;
        try {
            message = JanusMessage.parse(mapper, text);
        } catch (JanusProtocolException e) {
            protocolError(e, text, transactionOf(text));
            return;
        }
        receive(message, text, nowNanos);
    }

    /** Takes in one already parsed message tree (HTTP long-poll arrays). Never throws. */
    void receive(JsonNode tree, long nowNanos) {
        JanusMessage message;
        try {
            message = JanusMessage.from(tree);
        } catch (JanusProtocolException e) {
            String transaction = tree != null && tree.path("transaction").isTextual()
                    ? tree.path("transaction").textValue() : null;
            protocolError(e, String.valueOf(tree), transaction);
            return;
        }
        receive(message, null, nowNanos);
    }

    private void receive(JanusMessage m, String text, long nowNanos) {
        Pending p = m.transaction() == null ? null : pending.get(m.transaction());
        String kind = m.janus();
        if (p != null) {
            if (kind.equals("ack") && !p.ackIsFinal) {
                p.acked = true;
                return;
            }
            if (isFinal(kind)) {
                pending.remove(m.transaction());
                if (kind.equals("event")) {
                    // Also deliver it in order with the unsolicited events (see JanusEvent.PluginEvent),
                    // and complete the request only after listeners saw it: whoever waits on the
                    // future then finds state (e.g. a room model) already updated.
                    unsolicited(m, text);
                    events.add((Runnable) () -> complete(p, m));
                } else {
                    complete(p, m);
                }
                return;
            }
        }
        if (m.transaction() != null && (kind.equals("success") || kind.equals("ack") || kind.equals("error")
                || kind.equals("server_info"))) {
            if (kind.equals("ack")) {
                // Janus may send the ack of an asynchronous request after its event (the plugin
                // thread races the transport), and over HTTP the two travel separately.
                LOG.debug("late ack of finished transaction {}", m.transaction());
                return;
            }
            // An answer to a request that already timed out or failed.
            LOG.warn("Janus answer to unknown or finished transaction {}: {}", m.transaction(), truncate(m.json().toString()));
            if (kind.equals("error") && m.errorCode() == JanusApiException.NO_SUCH_SESSION && m.sessionId() != 0) {
                sessionLost(m.sessionId(), "Janus: " + m.errorReason());
            }
            return;
        }
        unsolicited(m, text);
    }

    private static boolean isFinal(String kind) {
        return kind.equals("success") || kind.equals("error") || kind.equals("event") || kind.equals("server_info")
                || kind.equals("ack");
    }

    private void complete(Pending p, JanusMessage m) {
        if (m.janus().equals("error")) {
            p.future.completeExceptionally(new JanusApiException(m.errorCode(), m.errorReason()));
            if (m.errorCode() == JanusApiException.NO_SUCH_SESSION && p.sessionId != 0) {
                sessionLost(p.sessionId, "Janus: " + m.errorReason());
            }
            return;
        }
        JanusPluginException pluginError = m.pluginError();
        if (pluginError != null) {
            p.future.completeExceptionally(pluginError);
            return;
        }
        p.future.complete(m);
    }

    private void unsolicited(JanusMessage m, String text) {
        long s = m.sessionId();
        long h = m.sender();
        switch (m.janus()) {
            case "event":
                if (m.plugin() == null) {
                    protocolError(new JanusProtocolException("plugindata", "missing in a plugin event"),
                            text != null ? text : m.json().toString(), null);
                } else {
                    events.add(new JanusEvent.PluginEvent(s, h, m.plugin(), m.pluginData(), m.jsep(), m.transaction()));
                }
                return;
            case "webrtcup":
                events.add(new JanusEvent.WebrtcUp(s, h));
                return;
            case "media":
                events.add(new JanusEvent.Media(s, h, textOrNull(m.json(), "type"), textOrNull(m.json(), "mid"),
                        m.json().path("receiving").asBoolean(false)));
                return;
            case "slowlink":
                events.add(new JanusEvent.SlowLink(s, h, textOrNull(m.json(), "media"), textOrNull(m.json(), "mid"),
                        m.json().path("uplink").asBoolean(false), m.json().path("lost").asLong(0)));
                return;
            case "hangup":
                events.add(new JanusEvent.Hangup(s, h, textOrNull(m.json(), "reason")));
                return;
            case "detached":
                events.add(new JanusEvent.Detached(s, h));
                return;
            case "timeout":
                events.add(new JanusEvent.SessionTimeout(s));
                sessionLost(s, "Janus: session timed out");
                return;
            case "keepalive":
                // HTTP long poll: nothing happened within Janus's 30 s wait.
                return;
            default:
                LOG.info("Janus message of unknown kind '{}': {}", m.janus(), truncate(m.json().toString()));
                events.add(new JanusEvent.Unknown(s, h, m.janus(), m.json()));
        }
    }

    private void protocolError(JanusProtocolException e, String text, String transaction) {
        LOG.warn("{} in: {}", e.getMessage(), truncate(text));
        long sessionId = 0;
        if (transaction != null) {
            Pending p = pending.remove(transaction);
            if (p != null) {
                sessionId = p.sessionId;
                p.future.completeExceptionally(e);
            }
        }
        events.add(new JanusEvent.ProtocolError(sessionId, 0, e, truncate(text)));
    }

    /** Best effort: the transaction of a message that failed to parse, to fail its request. */
    private String transactionOf(String text) {
        try {
            JsonNode t = mapper.readTree(text).path("transaction");
            return t.isTextual() ? t.textValue() : null;
        } catch (Exception e) { // anything at all: this is only a best effort on bad input
            return null;
        }
    }

    /** Expires overdue requests and queues keepalives that are due. */
    void tick(long nowNanos) {
        for (Iterator<Map.Entry<String, Pending>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Pending p = it.next().getValue();
            if (nowNanos - p.deadlineNanos >= 0) {
                it.remove();
                p.future.completeExceptionally(new JanusTimeoutException(p.what + (p.acked ? " (acked)" : ""),
                        requestTimeoutNanos / 1_000_000));
            }
        }
        if (!connected) {
            return;
        }
        for (Map.Entry<Long, Session> e : sessions.entrySet()) {
            Session s = e.getValue();
            if (!s.keepaliveInFlight && nowNanos - (s.lastSentNanos + keepaliveIntervalNanos) >= 0) {
                long sessionId = e.getKey();
                s.keepaliveInFlight = true;
                ObjectNode keepalive = mapper.createObjectNode().put("janus", "keepalive");
                request("keepalive", keepalive, sessionId, 0, true, nowNanos).whenComplete((ok, error) -> {
                    Session now = sessions.get(sessionId);
                    if (now != null) {
                        now.keepaliveInFlight = false;
                    }
                    if (error != null) {
                        LOG.warn("keepalive of session {} failed: {}", sessionId, error.toString());
                    }
                });
            }
        }
    }

    /** When {@link #tick(long)} must run next, or {@link Long#MAX_VALUE} if nothing is scheduled. */
    long nextDeadlineNanos(long nowNanos) {
        long next = Long.MAX_VALUE;
        boolean any = false;
        for (Pending p : pending.values()) {
            next = any ? earlier(next, p.deadlineNanos) : p.deadlineNanos;
            any = true;
        }
        if (connected) {
            for (Session s : sessions.values()) {
                if (!s.keepaliveInFlight) {
                    long due = s.lastSentNanos + keepaliveIntervalNanos;
                    next = any ? earlier(next, due) : due;
                    any = true;
                }
            }
        }
        return next;
    }

    private static long earlier(long a, long b) {
        return a - b <= 0 ? a : b;
    }

    /** The next message to send, or null. */
    Outbound pollOutbound() {
        return outbound.poll();
    }

    /**
     * The next event to deliver, or null. Completions of asynchronous answers queued before it
     * run first (on the calling thread), so call this until it returns null.
     */
    JanusEvent pollEvent() {
        while (true) {
            Object next = events.poll();
            if (next instanceof Runnable completion) {
                completion.run();
            } else {
                return (JanusEvent) next;
            }
        }
    }

    /** The number of requests waiting for their final answer. */
    int pendingCount() {
        return pending.size();
    }

    /** Fails everything; used when the client closes. */
    void close(String why) {
        connected = false;
        outbound.clear();
        sessions.clear();
        failPending(p -> true, () -> new JanusTransportException(why));
    }

    private void failPending(java.util.function.Predicate<Pending> which,
            java.util.function.Supplier<JanusException> error) {
        List<Pending> failed = new ArrayList<>();
        for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (which.test(p)) {
                it.remove();
                failed.add(p);
            }
        }
        for (Pending p : failed) {
            p.future.completeExceptionally(error.get());
        }
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.textValue() : (v != null && v.isNumber() ? v.asText() : null);
    }

    static String truncate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= MAX_LOGGED_CHARS ? text : text.substring(0, MAX_LOGGED_CHARS) + "...";
    }
}
