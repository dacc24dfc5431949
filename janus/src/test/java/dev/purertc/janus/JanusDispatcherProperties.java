package dev.purertc.janus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Arbitrary input from the server never escapes the dispatcher as anything but the documented
 * {@link JanusProtocolException} (inside events or failed futures), and never loses state.
 */
class JanusDispatcherProperties {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper AB_MAPPER = AudioBridge.newMapper();
    private static final String[] KEYS = {"janus", "transaction", "session_id", "sender", "plugindata", "plugin", "data",
        "jsep", "type", "sdp", "error", "code", "reason", "audiobridge", "room", "id", "participants", "display", "muted",
        "setup", "talking", "leaving", "kicked", "kicked_all", "result", "error_code", "list", "receiving", "mid", "uplink",
        "lost", "version", "file_id", "spatial_position"};
    private static final String[] WORDS = {"success", "ack", "event", "error", "server_info", "timeout", "webrtcup", "media",
        "slowlink", "hangup", "detached", "keepalive", "trickle", "joined", "left", "roomchanged", "destroyed", "talking",
        "stopped-talking", "announcement-started", "ok", "offer", "answer", "rollback", "janus.plugin.audiobridge",
        "t-1", "t-2", "", "\u0000", "\uD83D\uDE00"};

    /** A JSON value shaped like Janus messages: its keys, its words, ids of every size and type. */
    static JsonNode janusLike(Random r, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        int kind = depth == 0 ? 0 : r.nextInt(depth >= 3 ? 9 : 7);
        switch (kind) {
            case 0: case 7: case 8: {
                ObjectNode o = f.objectNode();
                if (depth == 0 || r.nextInt(3) > 0) {
                    o.set("janus", r.nextInt(5) == 0 ? janusLike(r, depth + 1) : f.textNode(WORDS[r.nextInt(WORDS.length)]));
                }
                int n = r.nextInt(6);
                for (int i = 0; i < n; i++) {
                    o.set(KEYS[r.nextInt(KEYS.length)], depth > 4 ? f.nullNode() : janusLike(r, depth + 1));
                }
                return o;
            }
            case 1: {
                ArrayNode a = f.arrayNode();
                int n = depth > 4 ? 0 : r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    a.add(janusLike(r, depth + 1));
                }
                return a;
            }
            case 2:
                return f.textNode(WORDS[r.nextInt(WORDS.length)]);
            case 3:
                switch (r.nextInt(6)) {
                    case 0: return f.numberNode(r.nextLong());
                    case 1: return f.numberNode(r.nextInt(3) - 1);
                    case 2: return f.numberNode(r.nextDouble() * 1e20);
                    case 3: return f.numberNode(new java.math.BigInteger(100, r));
                    case 4: return f.numberNode(485 + r.nextInt(10));
                    default: return f.numberNode(1L << 53);
                }
            case 4:
                return f.booleanNode(r.nextBoolean());
            case 5:
                return f.nullNode();
            default:
                return f.textNode(Long.toString(r.nextLong()));
        }
    }

    @Provide
    Arbitrary<String> janusLikeTexts() {
        return Arbitraries.longs().map(seed -> {
            Random r = new Random(seed);
            String text = janusLike(r, 0).toString();
            // Sometimes cut it short: truncated frames are malformed JSON.
            return r.nextInt(8) == 0 && text.length() > 1 ? text.substring(0, r.nextInt(text.length())) : text;
        });
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(200);
    }

    private static void feed(String text) {
        JanusProtocol core = new JanusProtocol(MAPPER, 1_000_000_000L, 25_000_000_000L, "t");
        core.sessionOpened(7, 0);
        List<CompletableFuture<JanusMessage>> pending = new ArrayList<>();
        pending.add(core.request("sync", MAPPER.createObjectNode().put("janus", "message"), 7, 9, false, 0));
        pending.add(core.request("keepalive", MAPPER.createObjectNode().put("janus", "keepalive"), 7, 0, true, 0));
        core.receive(text, 1);
        JanusEvent e;
        while ((e = core.pollEvent()) != null) {
            if (e instanceof JanusEvent.ProtocolError pe) {
                assertTrue(pe.error() != null);
            }
        }
        core.tick(2_000_000_000L);
        for (CompletableFuture<JanusMessage> f : pending) {
            assertTrue(f.isDone(), "a request was lost: neither answered, failed nor timed out");
            if (f.isCompletedExceptionally()) {
                try {
                    f.join();
                } catch (CompletionException ex) {
                    assertTrue(ex.getCause() instanceof JanusException, "escaped: " + ex.getCause());
                }
            }
        }
        assertEquals(0, core.pendingCount());
    }

    @Property(tries = 3000, seed = "42")
    void janusLikeJsonNeverEscapesTheDispatcher(@ForAll("janusLikeTexts") String text) {
        feed(text);
    }

    @Property(tries = 1000, seed = "43")
    void arbitraryTextNeverEscapesTheDispatcher(@ForAll("anyText") String text) {
        feed(text);
    }

    @Property(tries = 3000, seed = "44")
    void theMessageParserThrowsOnlyItsParseException(@ForAll("janusLikeTexts") String text) {
        try {
            JanusMessage m = JanusMessage.parse(MAPPER, text);
            assertTrue(m.janus() != null);
        } catch (JanusProtocolException expected) {
            assertTrue(expected.field() != null && !expected.field().isEmpty());
        }
    }

    @Property(tries = 3000, seed = "45")
    void audioBridgePayloadsParseOrThrowOnlyTheParseException(@ForAll long seed) {
        Random r = new Random(seed);
        JsonNode data = janusLike(r, 1);
        if (data instanceof ObjectNode o && r.nextBoolean()) {
            o.put("audiobridge", WORDS[r.nextInt(WORDS.length)]);
        }
        try {
            AudioBridgeEvent event = AudioBridgeEvent.parse(AB_MAPPER, data, null);
            // Whatever was read, the room model takes it without failing.
            AudioBridgeRoom room = new AudioBridgeRoom();
            room.apply(new AudioBridgeEvent.Joined(1, 1, List.of(), null, null));
            room.apply(event);
            assertTrue(!room.joined() || room.participant(room.selfId()).isPresent());
        } catch (JanusProtocolException expected) {
            assertTrue(expected.field().startsWith("plugindata"));
        }
    }
}
