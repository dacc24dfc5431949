package dev.purertc.janus;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to a Janus server: the driver that binds the sans-I/O {@link JanusProtocol} core to
 * a transport (WebSocket or HTTP long-poll, chosen by the URI scheme), a clock and one thread.
 *
 * <p>Threading: all protocol work, all future completions and all listener calls happen on one
 * daemon thread, {@code purertc-janus-driver}. Methods may be called from any thread. Do not block
 * on a future inside a listener or a callback that runs on the driver thread (it would wait for
 * itself); chain with {@code thenApply}/{@code thenCompose} instead.
 *
 * <p>Connection loss (WebSocket): pending requests fail with {@link JanusTransportException}; the
 * client reconnects for up to {@link JanusClientOptions#reclaimWindow()} and claims each session
 * ({@link JanusEvent.SessionReclaimed}); a session that cannot be claimed is reported with
 * {@link JanusEvent.SessionLost}. If the connection cannot be re-established in the window the
 * client stays disconnected and every request fails: create a new client to start over.
 */
public final class JanusClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JanusClient.class);
    private static final long RECONNECT_DELAY_MILLIS = 200;

    private final JanusClientOptions options;
    private final ObjectMapper mapper;
    private final LongSupplier nanoClock;
    private final JanusProtocol core;
    private final JanusTransport transport;
    private final ScheduledExecutorService driver;
    private final CopyOnWriteArrayList<Consumer<JanusEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Map<Long, JanusSession> sessions = new ConcurrentHashMap<>();
    private final JanusTransport.Listener transportListener = new TransportListener();
    private ScheduledFuture<?> tickTask;
    private long tickAtNanos;
    private volatile boolean connected;
    private volatile boolean closed;
    private volatile Thread driverThread;

    private JanusClient(JanusClientOptions options, LongSupplier nanoClock) {
        this.options = options;
        this.nanoClock = nanoClock;
        this.mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        byte[] prefix = new byte[6];
        new SecureRandom().nextBytes(prefix);
        this.core = new JanusProtocol(mapper, options.requestTimeout().toNanos(), options.keepaliveInterval().toNanos(),
                HexFormat.of().formatHex(prefix));
        int connectMillis = (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis());
        this.transport = options.webSocket()
                ? new WebSocketTransport(options.server(), connectMillis)
                : new HttpTransport(options.server(), mapper, connectMillis, options.reclaimWindow().toNanos(), nanoClock);
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "purertc-janus-driver");
            t.setDaemon(true);
            driverThread = t;
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.driver = executor;
    }

    /**
     * Connects to the server; blocks up to the connect timeout (WebSocket; HTTP connects per
     * request and returns at once).
     *
     * @throws JanusTransportException if the connection cannot be made
     */
    public static JanusClient connect(JanusClientOptions options) {
        return connect(options, System::nanoTime);
    }

    /** As {@link #connect(JanusClientOptions)}, with the clock that times requests and keepalives. */
    public static JanusClient connect(JanusClientOptions options, LongSupplier nanoClock) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(nanoClock, "nanoClock");
        JanusClient client = new JanusClient(options, nanoClock);
        try {
            client.transport.open(client.transportListener)
                    .get(options.connectTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            client.connected = true;
            return client;
        } catch (ExecutionException e) {
            client.close();
            throw e.getCause() instanceof JanusException je ? je
                    : new JanusTransportException("cannot connect to " + options.server() + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            client.close();
            throw new JanusTransportException("cannot connect to " + options.server() + ": timed out", e);
        } catch (InterruptedException e) {
            client.close();
            Thread.currentThread().interrupt();
            throw new JanusTransportException("interrupted while connecting to " + options.server(), e);
        }
    }

    /** The options this client was made with. */
    public JanusClientOptions options() {
        return options;
    }

    /** Whether the transport is connected (always true for HTTP until closed). */
    public boolean isConnected() {
        return connected && !closed;
    }

    /** Adds a listener for every event of every session, called on the driver thread. */
    public void addListener(Consumer<JanusEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Consumer<JanusEvent> listener) {
        listeners.remove(listener);
    }

    /** {@code info}: what the server is and how it times sessions. Needs no session. */
    public CompletableFuture<ServerInfo> info() {
        return request("info", mapper.createObjectNode().put("janus", "info"), 0, 0, false,
                m -> ServerInfo.from(m.json()));
    }

    /** {@code create}: a new session, kept alive by this client until destroyed or lost. */
    public CompletableFuture<JanusSession> createSession() {
        return request("create", mapper.createObjectNode().put("janus", "create"), 0, 0, false, m -> {
            long id = m.json().path("data").path("id").asLong(0);
            if (id <= 0) {
                throw new JanusProtocolException("data.id", "missing or not a positive session id");
            }
            return openSession(id);
        });
    }

    /**
     * {@code claim}: takes over an existing session on this connection, e.g. one created by another
     * connection that dropped within the server's {@code reclaim_session_timeout}.
     */
    public CompletableFuture<JanusSession> claimSession(long sessionId) {
        return request("claim", mapper.createObjectNode().put("janus", "claim"), sessionId, 0, false,
                m -> openSession(sessionId));
    }

    /** The session with this id, if this client knows it and it is not lost. */
    public JanusSession session(long sessionId) {
        return sessions.get(sessionId);
    }

    // Runs on the driver thread.
    private JanusSession openSession(long id) {
        JanusSession session = sessions.computeIfAbsent(id, k -> new JanusSession(this, k));
        if (!core.hasSession(id)) {
            core.sessionOpened(id, nanoClock.getAsLong());
            transport.sessionAdded(id);
        }
        return session;
    }

    // Runs on the driver thread: the session was destroyed on purpose.
    void sessionDestroyed(long id) {
        core.sessionClosed(id);
        transport.sessionRemoved(id);
        sessions.remove(id);
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Sends a request from any thread; {@code onAnswer} maps the final answer on the driver thread
     * (where it may update client state in order with events). A {@link RuntimeException} from it
     * fails the future as is if it is a {@link JanusException}, else as a protocol error.
     */
    <T> CompletableFuture<T> request(String what, ObjectNode message, long sessionId, long handleId,
            boolean ackIsFinal, Function<JanusMessage, T> onAnswer) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable task = () -> {
            core.request(what, message, sessionId, handleId, ackIsFinal, nanoClock.getAsLong())
                    .whenComplete((answer, error) -> {
                        if (error != null) {
                            result.completeExceptionally(error);
                            return;
                        }
                        try {
                            result.complete(onAnswer.apply(answer));
                        } catch (JanusException e) {
                            result.completeExceptionally(e);
                        } catch (RuntimeException e) {
                            result.completeExceptionally(new JanusProtocolException("$", what + ": unexpected answer: " + e, e));
                        }
                    });
            pump();
        };
        if (!execute(task)) {
            result.completeExceptionally(new JanusTransportException(what + ": client is closed"));
        }
        return result;
    }

    /** Whether the caller runs on this client's driver thread (where blocking on a future would deadlock). */
    boolean onDriverThread() {
        return Thread.currentThread() == driverThread;
    }

    /** Runs {@code task} on the driver thread; false if the client is closed. */
    boolean execute(Runnable task) {
        if (closed) {
            return false;
        }
        try {
            driver.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("unexpected failure on the Janus driver thread", e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    // Driver thread: sends what the core queued, delivers events, and re-arms the timer.
    private void pump() {
        if (closed) {
            return;
        }
        boolean more = true;
        while (more) {
            more = false;
            JanusProtocol.Outbound out;
            while ((out = core.pollOutbound()) != null) {
                more = true;
                try {
                    transport.send(out);
                } catch (JanusException e) {
                    core.sendFailed(out.transaction(), e);
                }
            }
            JanusEvent event;
            while ((event = core.pollEvent()) != null) {
                more = true;
                dispatch(event);
            }
        }
        long now = nanoClock.getAsLong();
        long next = core.nextDeadlineNanos(now);
        if (tickTask != null && !tickTask.isDone() && tickAtNanos == next) {
            return;
        }
        if (tickTask != null) {
            tickTask.cancel(false);
            tickTask = null;
        }
        if (next != Long.MAX_VALUE) {
            tickAtNanos = next;
            long delay = Math.max(0, next - now);
            tickTask = driver.schedule(() -> {
                tickTask = null;
                try {
                    core.tick(nanoClock.getAsLong());
                    pump();
                } catch (RuntimeException e) {
                    // A scheduled task's exception would vanish into its future and stop the timer.
                    LOG.error("unexpected failure in the Janus timer", e);
                }
            }, delay, TimeUnit.NANOSECONDS);
        }
    }

    private void dispatch(JanusEvent event) {
        JanusSession session = sessions.get(event.sessionId());
        if (event instanceof JanusEvent.SessionLost lost) {
            transport.sessionRemoved(lost.sessionId());
            if (session != null) {
                session.markLost(lost.reason());
            }
        }
        for (Consumer<JanusEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("Janus event listener failed on {}", event, e);
            }
        }
        if (session != null) {
            session.dispatch(event);
        }
        if (event instanceof JanusEvent.SessionLost lost) {
            sessions.remove(lost.sessionId());
        }
    }

    // Driver thread: the WebSocket dropped.
    private void connectionLost(String reason) {
        if (closed || !connected) {
            return;
        }
        connected = false;
        LOG.warn("connection to Janus lost: {}", reason);
        core.connectionLost(reason);
        long deadline = nanoClock.getAsLong() + options.reclaimWindow().toNanos();
        if (!transport.reclaimable() || options.reclaimWindow().isZero()) {
            for (long id : core.sessionIds()) {
                core.sessionLost(id, reason);
            }
        } else {
            reconnect(deadline, reason);
        }
        pump();
    }

    // Driver thread: one reconnect attempt, then the claims.
    private void reconnect(long deadlineNanos, String reason) {
        if (closed) {
            return;
        }
        transport.open(transportListener).whenComplete((ok, error) -> execute(() -> {
            if (error == null) {
                connected = true;
                core.connectionRestored(nanoClock.getAsLong());
                for (long id : core.sessionIds()) {
                    claim(id);
                }
            } else if (nanoClock.getAsLong() - deadlineNanos < 0) {
                driver.schedule(() -> execute(() -> reconnect(deadlineNanos, reason)), RECONNECT_DELAY_MILLIS,
                        TimeUnit.MILLISECONDS);
                return;
            } else {
                LOG.warn("could not reconnect to Janus within {}: {}", options.reclaimWindow(), error.toString());
                for (long id : core.sessionIds()) {
                    core.sessionLost(id, reason + "; not reconnected within " + options.reclaimWindow());
                }
            }
            pump();
        }));
    }

    // Driver thread.
    private void claim(long sessionId) {
        core.request("claim", mapper.createObjectNode().put("janus", "claim"), sessionId, 0, false,
                nanoClock.getAsLong()).whenComplete((ok, error) -> {
                    if (error == null) {
                        // Through dispatch, so one failing listener cannot keep it from the others.
                        dispatch(new JanusEvent.SessionReclaimed(sessionId));
                    } else {
                        // A 458 already made the core report the session lost; anything else does it here.
                        core.sessionLost(sessionId, "claim failed: " + error.getMessage());
                    }
                });
    }

    /**
     * Closes the transport and the driver thread; pending requests fail with
     * {@link JanusTransportException}. Sessions are not destroyed on the server (destroy them
     * first if that matters; Janus also drops them when the WebSocket closes, after its reclaim
     * window). Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (onDriverThread()) {
            // Called from a listener: no waiting for ourselves.
            core.close("client closed");
            closed = true;
            transport.close();
            driver.shutdownNow();
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            driver.execute(() -> {
                core.close("client closed");
                done.complete(null);
            });
            done.get(2, TimeUnit.SECONDS);
        } catch (RejectedExecutionException | ExecutionException | TimeoutException e) {
            LOG.debug("closing the Janus driver: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed = true;
        transport.close();
        driver.shutdownNow();
    }

    private final class TransportListener implements JanusTransport.Listener {
        @Override
        public void onMessage(String text) {
            execute(() -> {
                core.receive(text, nanoClock.getAsLong());
                pump();
            });
        }

        @Override
        public void onSendFailed(String transaction, Throwable cause) {
            execute(() -> {
                core.sendFailed(transaction, cause);
                pump();
            });
        }

        @Override
        public void onClosed(String reason) {
            execute(() -> connectionLost(reason));
        }

        @Override
        public void onSessionGone(long sessionId, String reason) {
            execute(() -> {
                core.sessionLost(sessionId, reason);
                pump();
            });
        }
    }
}
