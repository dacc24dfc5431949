package dev.purertc.janus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Dropped WebSockets (cut by a TCP proxy) and a Janus killed and restarted. */
class JanusReconnectTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static JanusClient viaProxy(TcpProxy proxy, Duration reclaimWindow) {
        return JanusClient.connect(JanusClientOptions.of("ws://127.0.0.1:" + proxy.port())
                .withKeepaliveInterval(Duration.ofSeconds(1))
                .withRequestTimeout(Duration.ofSeconds(5))
                .withReclaimWindow(reclaimWindow));
    }

    @Test
    void aCutWebSocketIsReplacedAndTheSessionClaimedWithItsHandlesAndRoom() throws Exception {
        JanusServer server = JanusServer.shared();
        try (TcpProxy proxy = new TcpProxy(server.wsPort());
                JanusClient client = viaProxy(proxy, Duration.ofSeconds(JanusServer.RECLAIM_SECONDS))) {
            EventRecorder<JanusEvent> events = new EventRecorder<>();
            client.addListener(events);
            JanusSession session = client.createSession().join();
            AudioBridge alice = AudioBridge.attach(session).join();
            long room = 730_001;
            alice.create(AudioBridgeRequest.Create.builder().room(room).build()).join();
            alice.join(AudioBridgeRequest.Join.builder(room).id(1L).display("alice").build(), null).join();

            proxy.cutAll();
            JanusEvent.SessionReclaimed reclaimed = events.await(JanusEvent.SessionReclaimed.class, WAIT);
            assertEquals(session.id(), reclaimed.sessionId());
            assertTrue(client.isConnected());

            // The same session, handle and participant live on.
            List<Participant> listed = alice.listParticipants(room).join();
            assertEquals(List.of(1L), listed.stream().map(Participant::id).toList());
            alice.configure(AudioBridgeRequest.Configure.builder().display("alice-again").build(), null).join();
            assertEquals("alice-again", alice.listParticipants(room).join().get(0).display());
            // Keepalives still run on the new connection: no timeout over two session timeouts.
            events.assertNone(JanusEvent.SessionLost.class, Duration.ofSeconds(JanusServer.SESSION_TIMEOUT_SECONDS * 2L + 1));
            alice.leave().join();
            alice.destroy(new AudioBridgeRequest.Destroy(room, null, null)).join();
            session.destroy().join();
        }
    }

    @Test
    void aListenerThrowingOnTheReclaimDoesNotKeepItFromTheOtherListeners() throws Exception {
        JanusServer server = JanusServer.shared();
        try (TcpProxy proxy = new TcpProxy(server.wsPort());
                JanusClient client = viaProxy(proxy, Duration.ofSeconds(JanusServer.RECLAIM_SECONDS))) {
            client.addListener(e -> {
                if (e instanceof JanusEvent.SessionReclaimed) {
                    throw new IllegalStateException("a bug in an application's listener");
                }
            });
            EventRecorder<JanusEvent> events = new EventRecorder<>();
            client.addListener(events);
            JanusSession session = client.createSession().join();
            EventRecorder<JanusEvent> sessionEvents = new EventRecorder<>();
            session.addListener(sessionEvents);

            proxy.cutAll();
            assertEquals(session.id(), events.await(JanusEvent.SessionReclaimed.class, WAIT).sessionId());
            assertEquals(session.id(), sessionEvents.await(JanusEvent.SessionReclaimed.class, WAIT).sessionId());
            session.destroy().join();
        }
    }

    @Test
    void aConnectionThatStaysDownPastTheReclaimWindowLosesTheSession() throws Exception {
        JanusServer server = JanusServer.shared();
        try (TcpProxy proxy = new TcpProxy(server.wsPort());
                JanusClient client = viaProxy(proxy, Duration.ofMillis(1500))) {
            EventRecorder<JanusEvent> events = new EventRecorder<>();
            client.addListener(events);
            JanusSession session = client.createSession().join();
            proxy.refuse(true);
            proxy.cutAll();
            JanusEvent.SessionLost lost = events.await(JanusEvent.SessionLost.class, WAIT);
            assertEquals(session.id(), lost.sessionId());
            assertTrue(lost.reason().contains("not reconnected"), lost.reason());
            assertNotNull(session.lostReason());
            assertFalse(client.isConnected());
            // Requests now fail at once with the transport exception, never hang.
            CompletionException e = assertThrows(CompletionException.class, () -> client.info().join());
            assertInstanceOf(JanusTransportException.class, e.getCause());
        }
    }

    @Test
    void janusKilledAndRestartedReportsSessionsLostAndClientsCanStartOver() throws Exception {
        try (JanusServer server = JanusServer.start("restart", 10, 5);
                JanusClient ws = JanusClient.connect(JanusClientOptions.of(server.wsUri())
                        .withKeepaliveInterval(Duration.ofSeconds(2)).withReclaimWindow(Duration.ofSeconds(8)));
                JanusClient http = JanusClient.connect(JanusClientOptions.of(server.httpUri())
                        .withKeepaliveInterval(Duration.ofSeconds(2)).withReclaimWindow(Duration.ofSeconds(8)))) {
            EventRecorder<JanusEvent> wsEvents = new EventRecorder<>();
            EventRecorder<JanusEvent> httpEvents = new EventRecorder<>();
            ws.addListener(wsEvents);
            http.addListener(httpEvents);
            JanusSession wsSession = ws.createSession().join();
            JanusSession httpSession = http.createSession().join();

            server.stopProcess();
            server.startProcess();

            JanusEvent.SessionLost wsLost = wsEvents.await(JanusEvent.SessionLost.class, WAIT);
            assertEquals(wsSession.id(), wsLost.sessionId());
            JanusEvent.SessionLost httpLost = httpEvents.await(JanusEvent.SessionLost.class, WAIT);
            assertEquals(httpSession.id(), httpLost.sessionId());

            // Start over on the same clients: new sessions on the new server.
            JanusSession wsAgain = ws.createSession().join();
            JanusSession httpAgain = http.createSession().join();
            assertNotEquals(wsSession.id(), wsAgain.id());
            AudioBridge.attach(wsAgain).join().list().join();
            AudioBridge.attach(httpAgain).join().list().join();
            wsAgain.destroy().join();
            httpAgain.destroy().join();
        }
    }
}
