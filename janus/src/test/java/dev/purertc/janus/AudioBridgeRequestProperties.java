package dev.purertc.janus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every AudioBridge request type round-trips through its JSON body, with the wire names Janus reads. */
class AudioBridgeRequestProperties {
    private static final ObjectMapper MAPPER = AudioBridge.newMapper();

    @SuppressWarnings("unchecked")
    static List<Class<? extends AudioBridgeRequest>> requestTypes() {
        List<Class<? extends AudioBridgeRequest>> types = new ArrayList<>();
        for (Class<?> c : AudioBridgeRequest.class.getPermittedSubclasses()) {
            types.add((Class<? extends AudioBridgeRequest>) c);
        }
        return types;
    }

    @Provide
    Arbitrary<AudioBridgeRequest> requests() {
        List<Class<? extends AudioBridgeRequest>> types = requestTypes();
        return Arbitraries.integers().between(0, types.size() - 1).flatMap(i -> instancesOf(types.get(i)));
    }

    static Arbitrary<AudioBridgeRequest> instancesOf(Class<? extends AudioBridgeRequest> type) {
        RecordComponent[] components = type.getRecordComponents();
        if (components.length == 0) {
            return Arbitraries.just(construct(type, List.of()));
        }
        List<Arbitrary<Object>> parts = new ArrayList<>();
        for (RecordComponent c : components) {
            parts.add(valuesOf(c.getGenericType()));
        }
        // Required components reject null: such combinations are filtered out.
        return Combinators.combine(parts).as(values -> construct(type, values)).filter(java.util.Objects::nonNull);
    }

    private static AudioBridgeRequest construct(Class<? extends AudioBridgeRequest> type, List<Object> values) {
        try {
            Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<? extends AudioBridgeRequest> ctor = type.getDeclaredConstructor(types);
            return ctor.newInstance(values.toArray());
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof NullPointerException || e.getCause() instanceof IllegalArgumentException) {
                return null;
            }
            throw new AssertionError(e);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Arbitrary<String> texts() {
        return Arbitraries.strings().withCharRange(' ', '\uD7FF').withChars('"', '\\', '\n', '\t', '\u0000')
                .ofMaxLength(16);
    }

    @SuppressWarnings("unchecked")
    private static Arbitrary<Object> valuesOf(Type type) {
        if (type == long.class) {
            return (Arbitrary<Object>) (Arbitrary<?>) Arbitraries.longs().between(1, 1L << 53);
        }
        if (type == int.class) {
            return (Arbitrary<Object>) (Arbitrary<?>) Arbitraries.integers().between(1, 65535);
        }
        if (type == boolean.class) {
            return (Arbitrary<Object>) (Arbitrary<?>) Arbitraries.of(true, false);
        }
        if (type == Long.class) {
            return (Arbitrary<Object>) (Arbitrary<?>) Arbitraries.longs().between(0, 1L << 53).injectNull(0.3);
        }
        if (type == Integer.class) {
            return (Arbitrary<Object>) (Arbitrary<?>) Arbitraries.integers().between(0, 512000).injectNull(0.3);
        }
        if (type == Boolean.class) {
            return (Arbitrary<Object>) (Arbitrary<?>) Arbitraries.of(true, false).injectNull(0.3);
        }
        if (type == String.class) {
            return (Arbitrary<Object>) (Arbitrary<?>) texts().injectNull(0.3);
        }
        if (type == AudioBridgeRequest.AllowedAction.class) {
            return (Arbitrary<Object>) (Arbitrary<?>) Arbitraries.of(AudioBridgeRequest.AllowedAction.class);
        }
        if (type == PlainRtp.class) {
            return (Arbitrary<Object>) (Arbitrary<?>) Combinators.combine(texts(), Arbitraries.integers().between(0, 65535),
                    Arbitraries.integers().between(0, 127).injectNull(0.3), Arbitraries.integers().between(1, 14).injectNull(0.3),
                    Arbitraries.of(true, false).injectNull(0.3)).as(PlainRtp::new).injectNull(0.5);
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class
                && p.getActualTypeArguments()[0] == String.class) {
            return (Arbitrary<Object>) (Arbitrary<?>) texts().list().ofMaxSize(4).injectNull(0.3);
        }
        throw new AssertionError("no generator for " + type);
    }

    @Property(tries = 2000, seed = "20261128")
    void everyRequestRoundTripsThroughItsJsonBody(@ForAll("requests") AudioBridgeRequest request) throws Exception {
        String text = AudioBridge.toJson(MAPPER, request).toString();
        JsonNode parsed = MAPPER.readTree(text);
        assertEquals(request.request(), parsed.get("request").asText());
        AudioBridgeRequest back = MAPPER.treeToValue(parsed, request.getClass());
        assertEquals(request, back);
        // Null options are left out, so Janus applies its defaults.
        parsed.fields().forEachRemaining(e -> assertFalse(e.getValue().isNull(), e.getKey() + " sent as null"));
    }

    @Example
    void everyRequestOfTheApiHasAType() {
        Set<String> names = requestTypes().stream()
                .map(t -> instancesOf(t).sample().request()).collect(Collectors.toSet());
        // The AudioBridge requests of Janus 1.1.2 (shared notes janus.md section 5), plus suspend/resume of later releases.
        Set<String> api = Set.of("create", "edit", "destroy", "exists", "allowed", "kick", "kick_all", "list",
                "listparticipants", "join", "configure", "changeroom", "leave", "hangup", "mute", "unmute", "mute_room",
                "unmute_room", "enable_recording", "enable_mjrs", "resetdecoder", "rtp_forward", "stop_rtp_forward",
                "listforwarders", "play_file", "is_playing", "stop_file", "suspend", "resume");
        assertEquals(api, names);
    }

    @Example
    void createUsesJanusFieldNames() throws Exception {
        AudioBridgeRequest.Create create = AudioBridgeRequest.Create.builder().room(4242L).permanent(false)
                .description("d").secret("s").pin("p").isPrivate(true).allowed(List.of("t")).samplingRate(48000)
                .audiolevelExt(true).audiolevelEvent(true).audioActivePackets(50).audioLevelAverage(40)
                .defaultPrebuffering(4).record(true).recordFile("f.wav").recordDir("/tmp/r").build();
        assertEquals(MAPPER.readTree("{\"request\":\"create\",\"room\":4242,\"permanent\":false,\"description\":\"d\","
                + "\"secret\":\"s\",\"pin\":\"p\",\"is_private\":true,\"allowed\":[\"t\"],\"sampling_rate\":48000,"
                + "\"audiolevel_ext\":true,\"audiolevel_event\":true,\"audio_active_packets\":50,\"audio_level_average\":40,"
                + "\"default_prebuffering\":4,\"record\":true,\"record_file\":\"f.wav\",\"record_dir\":\"/tmp/r\"}"),
                MAPPER.readTree(AudioBridge.toJson(MAPPER, create).toString()));
    }

    @Example
    void joinConfigureAndAllowedUseJanusFieldNames() throws Exception {
        AudioBridgeRequest.Join join = AudioBridgeRequest.Join.builder(7).id(8L).display("a").token("t").muted(true)
                .codec("opus").prebuffer(3).bitrate(24000).quality(4).expectedLoss(5).volume(110).spatialPosition(30)
                .build();
        assertEquals(MAPPER.readTree("{\"request\":\"join\",\"room\":7,\"id\":8,\"display\":\"a\",\"token\":\"t\","
                + "\"muted\":true,\"codec\":\"opus\",\"prebuffer\":3,\"bitrate\":24000,\"quality\":4,\"expected_loss\":5,"
                + "\"volume\":110,\"spatial_position\":30}"), MAPPER.readTree(AudioBridge.toJson(MAPPER, join).toString()));
        AudioBridgeRequest.Configure configure = AudioBridgeRequest.Configure.builder().muted(false).display("b")
                .record(true).filename("me").build();
        assertEquals(MAPPER.readTree("{\"request\":\"configure\",\"muted\":false,\"display\":\"b\",\"record\":true,"
                + "\"filename\":\"me\"}"), MAPPER.readTree(AudioBridge.toJson(MAPPER, configure).toString()));
        assertEquals(MAPPER.readTree("{\"request\":\"allowed\",\"room\":7,\"action\":\"remove\",\"allowed\":[\"x\"]}"),
                MAPPER.readTree(AudioBridge.toJson(MAPPER, new AudioBridgeRequest.Allowed(7, null,
                        AudioBridgeRequest.AllowedAction.REMOVE, List.of("x"))).toString()));
        assertEquals(MAPPER.readTree("{\"request\":\"stop_rtp_forward\",\"room\":7,\"stream_id\":99}"),
                MAPPER.readTree(AudioBridge.toJson(MAPPER, new AudioBridgeRequest.StopRtpForward(7, null, 99, null)).toString()));
        assertEquals(MAPPER.readTree("{\"request\":\"list\"}"), AudioBridge.toJson(MAPPER, new AudioBridgeRequest.ListRooms()));
        assertTrue(new AudioBridgeRequest.Join(1, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null).request().equals("join"));
        assertEquals(MAPPER.readTree("{\"request\":\"join\",\"room\":7,\"rtp\":{\"ip\":\"127.0.0.1\",\"port\":5000,"
                + "\"payload_type\":111,\"audiolevel_ext\":1,\"fec\":true}}"), MAPPER.readTree(AudioBridge.toJson(MAPPER,
                AudioBridgeRequest.Join.builder(7).rtp(new PlainRtp("127.0.0.1", 5000, 111, 1, true)).build()).toString()));
    }
}
