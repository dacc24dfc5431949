package dev.purertc.janus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.Test;

/**
 * A scripted fake Janus on loopback that answers with malformed JSON, unknown kinds and missing
 * fields: the client logs and surfaces each as a protocol error or unknown event, fails only the
 * request concerned, and keeps working.
 */
class JanusBadServerTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Answers each request by its janus kind and a per-kind script. */
    static final class FakeJanus extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        volatile int infoCalls;

        FakeJanus() {
            super(new InetSocketAddress("127.0.0.1", 0),
                    List.of(new Draft_6455(Collections.emptyList(), List.of(new Protocol("janus-protocol")))));
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            JsonNode request;
            try {
                request = MAPPER.readTree(message);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            String t = request.get("transaction").asText();
            switch (request.get("janus").asText()) {
                case "create":
                    conn.send("not json {");
                    conn.send("[1,2]");
                    conn.send("{\"janus\":\"frobnicate\",\"session_id\":5}");
                    conn.send("{\"janus\":\"event\",\"session_id\":5,\"sender\":6}");
                    conn.send("{\"janus\":\"event\",\"session_id\":5,\"sender\":6,\"plugindata\":{\"plugin\":\"p\",\"data\":[]}}");
                    conn.send("{\"janus\":\"error\",\"transaction\":\"nobody\"}");
                    // The answer itself lacks data.id.
                    conn.send("{\"janus\":\"success\",\"transaction\":\"" + t + "\"}");
                    break;
                case "info":
                    if (++infoCalls == 1) {
                        conn.send("{\"janus\":\"server_info\",\"transaction\":\"" + t + "\",\"version\":\"new\"}");
                    } else {
                        conn.send("{\"janus\":\"server_info\",\"transaction\":\"" + t + "\",\"name\":\"fake\","
                                + "\"version\":1102,\"version_string\":\"1.1.2\",\"session-timeout\":60}");
                    }
                    break;
                case "claim":
                    conn.send("{\"janus\":\"success\",\"transaction\":\"" + t + "\",\"session_id\":\"-1\"}");
                    break;
                default:
                    // No answer: the request must time out.
            }
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }

    @Test
    void malformedUnknownAndIncompleteMessagesAreSurfacedWithoutBreakingTheClient() throws Exception {
        FakeJanus fake = new FakeJanus();
        fake.start();
        try {
            assertTrue(fake.started.await(5, TimeUnit.SECONDS));
            JanusClientOptions options = JanusClientOptions.of("ws://127.0.0.1:" + fake.getPort())
                    .withRequestTimeout(Duration.ofMillis(500));
            try (JanusClient client = JanusClient.connect(options)) {
                EventRecorder<JanusEvent> events = new EventRecorder<>();
                client.addListener(events);

                CompletionException create = assertThrows(CompletionException.class, () -> client.createSession().join());
                JanusProtocolException missingId = assertInstanceOf(JanusProtocolException.class, create.getCause());
                assertEquals("data.id", missingId.field());

                assertEquals("$", events.await(JanusEvent.ProtocolError.class, WAIT).error().field());
                assertEquals("$", events.await(JanusEvent.ProtocolError.class, WAIT).error().field());
                assertEquals("frobnicate", events.await(JanusEvent.Unknown.class, WAIT).janus());
                assertEquals("plugindata", events.await(JanusEvent.ProtocolError.class, WAIT).error().field());
                assertEquals("plugindata.data", events.await(JanusEvent.ProtocolError.class, WAIT).error().field());
                assertEquals("error", events.await(JanusEvent.ProtocolError.class, WAIT).error().field());

                CompletionException info = assertThrows(CompletionException.class, () -> client.info().join());
                assertEquals("version", assertInstanceOf(JanusProtocolException.class, info.getCause()).field());
                assertEquals(1102, client.info().join().version(), "the client keeps working");

                CompletionException claim = assertThrows(CompletionException.class, () -> client.claimSession(5).join());
                assertEquals("session_id", assertInstanceOf(JanusProtocolException.class, claim.getCause()).field());

                CompletionException silent = assertThrows(CompletionException.class,
                        () -> client.request("frob", client.mapper().createObjectNode().put("janus", "frob"), 0, 0, false,
                                m -> m).join());
                assertInstanceOf(JanusTimeoutException.class, silent.getCause());
                assertTrue(client.isConnected());
            }
        } finally {
            fake.stop(1000);
        }
    }
}
