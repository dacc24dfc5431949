package dev.purertc.janus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sessions and handles against a real Janus, over both transports. */
class JanusSessionLifecycleTest {
    private static JanusServer server;

    @BeforeAll
    static void startJanus() throws Exception {
        server = JanusServer.shared();
    }

    static JanusClient connect(String transport, Duration keepalive) {
        return server.connect(transport, keepalive);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws", "http"})
    void infoReportsTheServerVersionTimeoutsAndAudioBridge(String transport) {
        try (JanusClient client = connect(transport, Duration.ofSeconds(1))) {
            ServerInfo info = client.info().join();
            assertTrue(info.version() >= 1100, "version " + info.version());
            assertEquals(JanusServer.SESSION_TIMEOUT_SECONDS, info.sessionTimeoutSeconds());
            assertEquals(JanusServer.RECLAIM_SECONDS, info.reclaimSessionTimeoutSeconds());
            assertTrue(info.plugins().contains(AudioBridge.PLUGIN), info.plugins().toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws", "http"})
    void sessionCreateAttachDetachDestroy(String transport) {
        try (JanusClient client = connect(transport, Duration.ofSeconds(1))) {
            EventRecorder<JanusEvent> events = new EventRecorder<>();
            JanusSession session = client.createSession().join();
            session.addListener(events);
            assertTrue(session.id() > 0);
            JanusHandle handle = session.attach(AudioBridge.PLUGIN, "purertc-test").join();
            assertTrue(handle.id() > 0);
            assertNotEquals(session.id(), handle.id());
            handle.detach().join();
            events.await(JanusEvent.Detached.class, d -> d.handleId() == handle.id(), Duration.ofSeconds(5));
            // The handle is gone on the server: Janus core error 459 (no such handle).
            CompletionException e = assertThrows(CompletionException.class,
                    () -> handle.message(client.mapper().createObjectNode().put("request", "list"), null).join());
            JanusApiException api = (JanusApiException) e.getCause();
            assertEquals(JanusApiException.NO_SUCH_HANDLE, api.code());
            session.destroy().join();
            assertNull(client.session(session.id()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws", "http"})
    void attachingAnUnknownPluginFailsWithJanusCode460(String transport) {
        try (JanusClient client = connect(transport, Duration.ofSeconds(1))) {
            JanusSession session = client.createSession().join();
            CompletionException e = assertThrows(CompletionException.class,
                    () -> session.attach("janus.plugin.nope").join());
            JanusApiException api = (JanusApiException) e.getCause();
            assertEquals(JanusApiException.NO_SUCH_PLUGIN, api.code());
            assertTrue(api.reason().contains("janus.plugin.nope"), api.reason());
            session.destroy().join();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws", "http"})
    void keepalivesKeepASessionAlivePastTheSessionTimeout(String transport) {
        try (JanusClient client = connect(transport, Duration.ofMillis(1000))) {
            EventRecorder<JanusEvent> events = new EventRecorder<>();
            client.addListener(events);
            JanusSession session = client.createSession().join();
            // Janus's watchdog checks every 2 s: 3 s timeout + 2 s check + margin.
            events.assertNone(JanusEvent.SessionTimeout.class,
                    Duration.ofSeconds(JanusServer.SESSION_TIMEOUT_SECONDS * 2L + 3));
            // Still alive on the server: a request on it succeeds.
            JanusHandle handle = session.attach(AudioBridge.PLUGIN).join();
            assertTrue(handle.id() > 0);
            assertNull(session.lostReason());
            session.destroy().join();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws", "http"})
    void withoutKeepalivesTheClientSeesTheTimeoutAndTheSessionIsLost(String transport) {
        // Over HTTP the timeout notice comes through the session's pending long poll.
        try (JanusClient client = connect(transport, Duration.ofHours(1))) {
            EventRecorder<JanusEvent> events = new EventRecorder<>();
            client.addListener(events);
            JanusSession session = client.createSession().join();
            JanusEvent.SessionTimeout timeout = events.await(JanusEvent.SessionTimeout.class,
                    Duration.ofSeconds(JanusServer.SESSION_TIMEOUT_SECONDS * 3L + 2));
            assertEquals(session.id(), timeout.sessionId());
            JanusEvent.SessionLost lost = events.await(JanusEvent.SessionLost.class, Duration.ofSeconds(1));
            assertEquals(session.id(), lost.sessionId());
            assertTrue(session.lostReason() != null);
            // The server agrees: the session is gone (458).
            CompletionException e = assertThrows(CompletionException.class, () -> session.keepalive().join());
            assertEquals(JanusApiException.NO_SUCH_SESSION, ((JanusApiException) e.getCause()).code());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws", "http"})
    void requestsOnAnUnknownSessionFailWith458AndReportItLost(String transport) {
        try (JanusClient client = connect(transport, Duration.ofSeconds(1))) {
            EventRecorder<JanusEvent> events = new EventRecorder<>();
            client.addListener(events);
            CompletionException e = assertThrows(CompletionException.class, () -> client.claimSession(1).join());
            assertEquals(JanusApiException.NO_SUCH_SESSION, ((JanusApiException) e.getCause()).code());
        }
    }

    @Test
    void closingSessionAndClientFromAListenerNeitherDeadlocksNorThrows() throws Exception {
        JanusClient client = connect("ws", Duration.ofSeconds(1));
        JanusSession session = client.createSession().join();
        AudioBridge ab = AudioBridge.attach(session).join();
        long room = 750_001;
        ab.create(AudioBridgeRequest.Create.builder().room(room).build()).join();
        java.util.concurrent.CompletableFuture<String> closedOn = new java.util.concurrent.CompletableFuture<>();
        ab.addListener(event -> {
            ab.close();
            session.close();
            client.close();
            closedOn.complete(Thread.currentThread().getName());
        });
        ab.join(AudioBridgeRequest.Join.builder(room).build(), null).join();
        assertEquals("purertc-janus-driver", closedOn.get(5, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(!client.isConnected());
        // Clean up the room from another client.
        try (JanusClient other = connect("ws", Duration.ofSeconds(1))) {
            AudioBridge cleaner = AudioBridge.attach(other.createSession().join()).join();
            cleaner.destroy(new AudioBridgeRequest.Destroy(room, null, null)).join();
        }
    }
}
