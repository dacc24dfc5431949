package dev.purertc.janus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The HTTP transport's long poll against a scripted fake Janus REST endpoint: one failed poll is
 * retried; only polls failing for longer than the reclaim window lose the session.
 */
class HttpLongPollTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long SESSION = 1234;

    @Test
    void aFirstLongPollFailingAfterTheReclaimWindowIsRetriedNotTakenForALostSession() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        CountDownLatch secondPoll = new CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/janus", exchange -> {
            try {
                if (exchange.getRequestMethod().equals("POST")) {
                    String transaction = MAPPER.readTree(exchange.getRequestBody()).path("transaction").asText();
                    String answer = exchange.getRequestURI().getPath().equals("/janus")
                            ? "{\"janus\":\"success\",\"transaction\":\"" + transaction + "\",\"data\":{\"id\":" + SESSION + "}}"
                            : "{\"janus\":\"ack\",\"session_id\":" + SESSION + ",\"transaction\":\"" + transaction + "\"}";
                    reply(exchange, 200, answer);
                    return;
                }
                int n = polls.incrementAndGet();
                if (n == 1) {
                    // Janus holds a long poll up to 30 s; this one breaks (a proxy's 502) after the
                    // session has existed longer than the client's reclaim window.
                    TimeUnit.MILLISECONDS.sleep(600);
                    reply(exchange, 502, "bad gateway");
                    return;
                }
                secondPoll.countDown();
                TimeUnit.MILLISECONDS.sleep(200);
                reply(exchange, 200, "{\"janus\":\"keepalive\"}");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        String uri = "http://127.0.0.1:" + server.getAddress().getPort() + "/janus";
        try (JanusClient client = JanusClient.connect(JanusClientOptions.of(uri).withReclaimWindow(Duration.ofMillis(300)))) {
            EventRecorder<JanusEvent> events = new EventRecorder<>();
            client.addListener(events);
            JanusSession session = client.createSession().join();
            assertTrue(secondPoll.await(10, TimeUnit.SECONDS), "the failed long poll was not retried");
            events.assertNone(JanusEvent.SessionLost.class, Duration.ofSeconds(1));
            assertNotNull(client.session(session.id()), "the session is still kept alive");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void longPollsFailingForLongerThanTheReclaimWindowLoseTheSession() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/janus", exchange -> {
            if (exchange.getRequestMethod().equals("POST")) {
                String transaction = MAPPER.readTree(exchange.getRequestBody()).path("transaction").asText();
                reply(exchange, 200, "{\"janus\":\"success\",\"transaction\":\"" + transaction
                        + "\",\"data\":{\"id\":" + SESSION + "}}");
                return;
            }
            reply(exchange, 502, "bad gateway");
        });
        server.start();
        String uri = "http://127.0.0.1:" + server.getAddress().getPort() + "/janus";
        try (JanusClient client = JanusClient.connect(JanusClientOptions.of(uri).withReclaimWindow(Duration.ofMillis(300)))) {
            EventRecorder<JanusEvent> events = new EventRecorder<>();
            client.addListener(events);
            JanusSession session = client.createSession().join();
            JanusEvent.SessionLost lost = events.await(JanusEvent.SessionLost.class, Duration.ofSeconds(10));
            assertEquals(session.id(), lost.sessionId());
            assertTrue(lost.reason().contains("502"), lost.reason());
        } finally {
            server.stop(0);
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
