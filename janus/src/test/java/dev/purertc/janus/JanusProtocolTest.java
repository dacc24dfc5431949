package dev.purertc.janus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The sans-I/O core on a virtual clock: no server, no thread, no sleep. */
class JanusProtocolTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1000 * MS;
    private final ObjectMapper mapper = new ObjectMapper();
    private final JanusProtocol core = new JanusProtocol(mapper, 10 * S, 25 * S, "t");
    private long now = 1_000 * S;

    private ObjectNode msg(String janus) {
        return mapper.createObjectNode().put("janus", janus);
    }

    private JanusProtocol.Outbound sent() {
        JanusProtocol.Outbound out = core.pollOutbound();
        assertTrue(out != null, "nothing sent");
        return out;
    }

    private List<JanusEvent> events() {
        List<JanusEvent> list = new ArrayList<>();
        JanusEvent e;
        while ((e = core.pollEvent()) != null) {
            list.add(e);
        }
        return list;
    }

    private static Throwable failure(CompletableFuture<?> f) {
        assertTrue(f.isCompletedExceptionally(), "not failed: " + f);
        return assertThrows(CompletionException.class, f::join).getCause();
    }

    @Test
    void requestsGetUniqueTransactionsAndTheirRoutingIds() throws Exception {
        core.request("a", msg("message"), 7, 9, false, now);
        core.request("b", msg("keepalive"), 7, 0, true, now);
        JanusProtocol.Outbound first = sent();
        JanusProtocol.Outbound second = sent();
        assertNotEquals(first.transaction(), second.transaction());
        assertEquals(7, first.sessionId());
        assertEquals(9, first.handleId());
        ObjectNode json = (ObjectNode) mapper.readTree(first.json());
        assertEquals(first.transaction(), json.get("transaction").asText());
        assertEquals(7, json.get("session_id").asLong());
        assertEquals(9, json.get("handle_id").asLong());
        assertEquals(0, second.handleId());
        assertFalse(mapper.readTree(second.json()).has("handle_id"));
    }

    @Test
    void asynchronousPluginRequestCompletesWithTheEventAfterItsAck() {
        CompletableFuture<JanusMessage> f = core.request("join", msg("message"), 7, 9, false, now);
        String t = sent().transaction();
        core.receive("{\"janus\":\"ack\",\"session_id\":7,\"transaction\":\"" + t + "\"}", now);
        assertFalse(f.isDone(), "an ack is not the answer of a plugin message");
        core.receive("{\"janus\":\"event\",\"session_id\":7,\"sender\":9,\"transaction\":\"" + t + "\","
                + "\"plugindata\":{\"plugin\":\"janus.plugin.audiobridge\",\"data\":{\"audiobridge\":\"joined\",\"room\":1,\"id\":2,\"participants\":[]}},"
                + "\"jsep\":{\"type\":\"answer\",\"sdp\":\"v=0\\r\\n\"}}", now);
        assertFalse(f.isDone(), "completes only after its event is delivered");
        List<JanusEvent> events = events();
        JanusMessage m = f.join();
        assertEquals("joined", m.pluginData().get("audiobridge").asText());
        assertEquals(Jsep.answer("v=0\r\n"), m.jsep());
        // The answer also reaches the event stream, in order, with its transaction.
        assertEquals(1, events.size());
        JanusEvent.PluginEvent pe = assertInstanceOf(JanusEvent.PluginEvent.class, events.get(0));
        assertEquals(t, pe.transaction());
        assertEquals(9, pe.handleId());
        // A late ack after the event is harmless.
        core.receive("{\"janus\":\"ack\",\"session_id\":7,\"transaction\":\"" + t + "\"}", now);
        assertTrue(events().isEmpty());
    }

    @Test
    void keepaliveAndTrickleAreAnsweredByTheAckAlone() {
        CompletableFuture<JanusMessage> f = core.request("keepalive", msg("keepalive"), 7, 0, true, now);
        String t = sent().transaction();
        core.receive("{\"janus\":\"ack\",\"session_id\":7,\"transaction\":\"" + t + "\"}", now);
        assertEquals("ack", f.join().janus());
    }

    @Test
    void janusErrorsAndPluginErrorsBecomeTypedExceptionsWithCodeAndReason() {
        CompletableFuture<JanusMessage> core1 = core.request("attach", msg("attach"), 7, 0, false, now);
        String t1 = sent().transaction();
        core.receive("{\"janus\":\"error\",\"session_id\":7,\"transaction\":\"" + t1 + "\","
                + "\"error\":{\"code\":460,\"reason\":\"No such plugin 'x'\"}}", now);
        JanusApiException api = assertInstanceOf(JanusApiException.class, failure(core1));
        assertEquals(460, api.code());
        assertEquals("No such plugin 'x'", api.reason());

        CompletableFuture<JanusMessage> sync = core.request("destroy", msg("message"), 7, 9, false, now);
        String t2 = sent().transaction();
        core.receive("{\"janus\":\"success\",\"session_id\":7,\"sender\":9,\"transaction\":\"" + t2 + "\","
                + "\"plugindata\":{\"plugin\":\"janus.plugin.audiobridge\",\"data\":{\"audiobridge\":\"event\",\"error_code\":485,\"error\":\"No such room (5)\"}}}", now);
        JanusPluginException plugin = assertInstanceOf(JanusPluginException.class, failure(sync));
        assertEquals(485, plugin.code());
        assertEquals("No such room (5)", plugin.reason());
        assertEquals("janus.plugin.audiobridge", plugin.plugin());

        CompletableFuture<JanusMessage> async = core.request("join", msg("message"), 7, 9, false, now);
        String t3 = sent().transaction();
        core.receive("{\"janus\":\"event\",\"session_id\":7,\"sender\":9,\"transaction\":\"" + t3 + "\","
                + "\"plugindata\":{\"plugin\":\"janus.plugin.audiobridge\",\"data\":{\"audiobridge\":\"event\",\"error_code\":489,\"error\":\"Unauthorized\"}}}", now);
        events();
        assertEquals(489, assertInstanceOf(JanusPluginException.class, failure(async)).code());
    }

    @Test
    void aRequestWithoutFinalAnswerTimesOutAtItsDeadlineEvenIfAcked() {
        CompletableFuture<JanusMessage> f = core.request("join", msg("message"), 7, 9, false, now);
        String t = sent().transaction();
        core.receive("{\"janus\":\"ack\",\"transaction\":\"" + t + "\"}", now);
        assertEquals(now + 10 * S, core.nextDeadlineNanos(now));
        core.tick(now + 10 * S - 1);
        assertFalse(f.isDone());
        core.tick(now + 10 * S);
        assertInstanceOf(JanusTimeoutException.class, failure(f));
        assertEquals(0, core.pendingCount());
    }

    @Test
    void anIdleSessionGetsAKeepaliveAfterTheIntervalAndAnyRequestPostponesIt() throws Exception {
        core.sessionOpened(7, now);
        assertEquals(now + 25 * S, core.nextDeadlineNanos(now));
        core.tick(now + 24 * S);
        assertNull(core.pollOutbound());
        // A request at +20 s counts as activity.
        core.request("list", msg("message"), 7, 9, false, now + 20 * S);
        String t = sent().transaction();
        core.receive("{\"janus\":\"success\",\"transaction\":\"" + t + "\",\"plugindata\":{\"plugin\":\"p\",\"data\":{}}}", now + 20 * S);
        core.tick(now + 25 * S);
        assertNull(core.pollOutbound());
        core.tick(now + 45 * S);
        JanusProtocol.Outbound keepalive = sent();
        assertEquals("keepalive", mapper.readTree(keepalive.json()).get("janus").asText());
        assertEquals(7, keepalive.sessionId());
        // Only one in flight at a time...
        core.tick(now + 54 * S);
        assertNull(core.pollOutbound(), "a second keepalive while the first is unanswered");
        // ...until it times out (10 s request timeout); then the next one goes out.
        core.tick(now + 80 * S);
        assertEquals("keepalive", mapper.readTree(sent().json()).get("janus").asText());
    }

    @Test
    void aTimeoutEventReportsTheSessionLostAndFailsItsRequests() {
        core.sessionOpened(7, now);
        CompletableFuture<JanusMessage> f = core.request("join", msg("message"), 7, 9, false, now);
        sent();
        core.receive("{\"janus\":\"timeout\",\"session_id\":7}", now);
        List<JanusEvent> events = events();
        assertEquals(List.of(new JanusEvent.SessionTimeout(7), new JanusEvent.SessionLost(7, "Janus: session timed out")),
                events);
        assertInstanceOf(JanusTransportException.class, failure(f));
        assertFalse(core.hasSession(7));
    }

    @Test
    void error458OnASessionRequestReportsTheSessionLost() {
        core.sessionOpened(7, now);
        CompletableFuture<JanusMessage> f = core.request("keepalive", msg("keepalive"), 7, 0, true, now);
        String t = sent().transaction();
        core.receive("{\"janus\":\"error\",\"session_id\":7,\"transaction\":\"" + t + "\",\"error\":{\"code\":458,\"reason\":\"No such session 7\"}}", now);
        assertEquals(458, assertInstanceOf(JanusApiException.class, failure(f)).code());
        assertEquals(List.of(new JanusEvent.SessionLost(7, "Janus: No such session 7")), events());
    }

    @Test
    void handleEventsBecomeTypesAndUnknownKindsAreDeliveredWhole() {
        core.receive("{\"janus\":\"webrtcup\",\"session_id\":7,\"sender\":9}", now);
        core.receive("{\"janus\":\"media\",\"session_id\":7,\"sender\":9,\"mid\":\"0\",\"type\":\"audio\",\"receiving\":true}", now);
        core.receive("{\"janus\":\"slowlink\",\"session_id\":7,\"sender\":9,\"mid\":\"0\",\"media\":\"audio\",\"uplink\":true,\"lost\":12}", now);
        core.receive("{\"janus\":\"hangup\",\"session_id\":7,\"sender\":9,\"reason\":\"DTLS alert\"}", now);
        core.receive("{\"janus\":\"detached\",\"session_id\":7,\"sender\":9}", now);
        core.receive("{\"janus\":\"frobnicate\",\"session_id\":7,\"sender\":9,\"x\":1}", now);
        core.receive("{\"janus\":\"keepalive\"}", now);
        List<JanusEvent> events = events();
        assertEquals(new JanusEvent.WebrtcUp(7, 9), events.get(0));
        assertEquals(new JanusEvent.Media(7, 9, "audio", "0", true), events.get(1));
        assertEquals(new JanusEvent.SlowLink(7, 9, "audio", "0", true, 12), events.get(2));
        assertEquals(new JanusEvent.Hangup(7, 9, "DTLS alert"), events.get(3));
        assertEquals(new JanusEvent.Detached(7, 9), events.get(4));
        JanusEvent.Unknown unknown = assertInstanceOf(JanusEvent.Unknown.class, events.get(5));
        assertEquals("frobnicate", unknown.janus());
        assertEquals(1, unknown.message().get("x").asInt());
        assertEquals(6, events.size(), "the long-poll keepalive is not an event");
    }

    @Test
    void malformedMessagesAreProtocolErrorsAndFailTheRequestTheyName() {
        CompletableFuture<JanusMessage> f = core.request("create", msg("create"), 0, 0, false, now);
        String t = sent().transaction();
        core.receive("not json {", now);
        core.receive("[1,2,3]", now);
        core.receive("{\"janus\":42}", now);
        core.receive("{\"janus\":\"event\",\"session_id\":7,\"sender\":9}", now);
        assertFalse(f.isDone());
        core.receive("{\"janus\":\"success\",\"transaction\":\"" + t + "\",\"session_id\":\"seven\"}", now);
        JanusProtocolException e = assertInstanceOf(JanusProtocolException.class, failure(f));
        assertEquals("session_id", e.field());
        List<JanusEvent> events = events();
        assertEquals(5, events.size());
        List<String> fields = events.stream().map(ev -> assertInstanceOf(JanusEvent.ProtocolError.class, ev).error().field()).toList();
        assertEquals(List.of("$", "$", "janus", "plugindata", "session_id"), fields);
    }

    @Test
    void aLostConnectionFailsPendingRequestsAndRefusesNewOnesUntilRestored() {
        core.sessionOpened(7, now);
        CompletableFuture<JanusMessage> f = core.request("attach", msg("attach"), 7, 0, false, now);
        sent();
        core.connectionLost("cut");
        assertInstanceOf(JanusTransportException.class, failure(f));
        assertInstanceOf(JanusTransportException.class, failure(core.request("info", msg("info"), 0, 0, false, now)));
        core.tick(now + 100 * S);
        assertNull(core.pollOutbound(), "no keepalive while disconnected");
        assertTrue(core.hasSession(7), "a dropped connection alone does not lose the session");
        core.connectionRestored(now + 100 * S);
        core.request("claim", msg("claim"), 7, 0, false, now + 100 * S);
        assertEquals(7, sent().sessionId());
    }
}
