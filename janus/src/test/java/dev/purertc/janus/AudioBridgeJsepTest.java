package dev.purertc.janus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purertc.sdp.AudioCapabilities;
import dev.purertc.sdp.Candidate;
import dev.purertc.sdp.Fingerprint;
import dev.purertc.sdp.MediaDescription;
import dev.purertc.sdp.RtpCodec;
import dev.purertc.sdp.SessionDescription;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An offer made by the sdp module's JSEP, sent with {@code configure} (and with {@code join}):
 * Janus's answer parses, negotiates Opus, and carries candidates and a DTLS fingerprint; then
 * candidates are trickled (one, several, completed) and the PeerConnection is hung up.
 */
class AudioBridgeJsepTest {
    private static JanusServer server;
    private JanusClient client;

    @BeforeAll
    static void startJanus() throws Exception {
        server = JanusServer.shared();
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    static SessionDescription offer(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] digest = new byte[32];
        random.nextBytes(digest);
        AudioCapabilities local = AudioCapabilities.defaults(Fingerprint.of("sha-256", digest),
                new SplittableRandom(seed + 1));
        return dev.purertc.sdp.Jsep.createOffer(local);
    }

    static void assertNegotiatesOpus(Jsep answerJsep) {
        assertEquals("answer", answerJsep.type());
        SessionDescription answer = SessionDescription.parse(answerJsep.sdp());
        assertEquals(1, answer.media().size());
        MediaDescription audio = answer.media().get(0);
        assertEquals("audio", audio.media());
        assertFalse(audio.isRejected());
        List<RtpCodec> codecs = audio.codecs();
        assertTrue(codecs.stream().anyMatch(c -> c.is("opus", 48000) && c.channels() == 2), codecs.toString());
        assertTrue(codecs.stream().filter(c -> !c.isTelephoneEvent()).allMatch(c -> c.is("opus", 48000)),
                "AudioBridge answers Opus only: " + codecs);
        List<Candidate> candidates = audio.candidates();
        assertFalse(candidates.isEmpty(), "Janus gathers before answering (half-trickle)");
        assertTrue(answer.effective(audio, Fingerprint.class).isPresent(), "a DTLS fingerprint");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws", "http"})
    void configureWithAnOfferFromTheSdpModuleGetsAnOpusAnswerWithCandidatesAndFingerprint(String transport)
            throws Exception {
        client = server.connect(transport, Duration.ofSeconds(1));
        JanusSession session = client.createSession().join();
        AudioBridge ab = AudioBridge.attach(session).join();
        EventRecorder<JanusEvent> handleEvents = new EventRecorder<>();
        ab.handle().addListener(handleEvents);
        long room = transport.equals("ws") ? 740_001 : 740_002;
        ab.create(AudioBridgeRequest.Create.builder().room(room).samplingRate(48000).build()).join();
        ab.join(AudioBridgeRequest.Join.builder(room).display("sdp").build(), null).join();

        SessionDescription offer = offer(7);
        AudioBridgeEvent.Configured configured = ab.configure(AudioBridgeRequest.Configure.builder().muted(false).build(),
                Jsep.offer(offer.format())).join();
        assertNegotiatesOpus(configured.jsep());
        // The other settings of configure, on the live PeerConnection, incl. per-participant recording.
        ab.configure(AudioBridgeRequest.Configure.builder().bitrate(24000).quality(6).volume(120).expectedLoss(10)
                .prebuffer(5).record(true).filename(server.recordingsDir().resolve("participant-" + room).toString())
                .build(), null).join();
        ab.configure(AudioBridgeRequest.Configure.builder().record(false).build(), null).join();

        // Trickle against the live PeerConnection: Janus acks one, several, and completed.
        try (DatagramSocket a = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                DatagramSocket b = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            String mid = offer.media().get(0).mid().orElse("0");
            ab.handle().trickle(new IceCandidate("candidate:1 1 udp 2122260223 127.0.0.1 " + a.getLocalPort()
                    + " typ host", mid, 0)).join();
            ab.handle().trickle(List.of(
                    new IceCandidate("candidate:2 1 udp 2122260222 127.0.0.1 " + b.getLocalPort() + " typ host", mid, 0),
                    new IceCandidate("candidate:3 1 tcp 1518280447 127.0.0.1 9 typ host tcptype active", null, 0)))
                    .join();
            ab.handle().trickleCompleted().join();
            // Janus hangs up the PeerConnection on request; the handle stays, and the
            // AudioBridge takes the participant out of the room with its PeerConnection.
            ab.handle().hangup().join();
            handleEvents.await(JanusEvent.Hangup.class, Duration.ofSeconds(5));
        }
        assertFalse(ab.room().joined());
        assertEquals(List.of(), ab.listParticipants(room).join());
        ab.destroy(new AudioBridgeRequest.Destroy(room, null, null)).join();
        session.destroy().join();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws", "http"})
    void joinWithAnOfferIsAnsweredInTheJoinedEvent(String transport) {
        client = server.connect(transport, Duration.ofSeconds(1));
        JanusSession session = client.createSession().join();
        AudioBridge ab = AudioBridge.attach(session).join();
        long room = transport.equals("ws") ? 740_003 : 740_004;
        ab.create(AudioBridgeRequest.Create.builder().room(room).build()).join();
        AudioBridgeEvent.Joined joined = ab.join(AudioBridgeRequest.Join.builder(room).display("sdp").build(),
                Jsep.offer(offer(11).format())).join();
        assertNegotiatesOpus(joined.jsep());
        ab.resetDecoder().join();
        EventRecorder<AudioBridgeEvent> abEvents = new EventRecorder<>();
        ab.addListener(abEvents);
        EventRecorder<JanusEvent> handleEvents = new EventRecorder<>();
        ab.handle().addListener(handleEvents);
        // The plugin's own hangup request closes the PeerConnection.
        ab.hangup().join();
        handleEvents.await(JanusEvent.Hangup.class, Duration.ofSeconds(5));
        // The plugin's "hangingup" and the core's hangup travel apart (over HTTP in either order).
        abEvents.await(AudioBridgeEvent.HangingUp.class, Duration.ofSeconds(5));
        // Janus 1.1.2 takes the participant out of the room with its PeerConnection; so does the model.
        assertTrue(abEvents.seen().contains(new AudioBridgeEvent.Left(room, joined.id()))
                || abEvents.await(AudioBridgeEvent.Left.class, Duration.ofSeconds(5)).equals(
                        new AudioBridgeEvent.Left(room, joined.id())), abEvents.seen().toString());
        assertFalse(ab.room().joined());
        assertEquals(List.of(), ab.listParticipants(room).join());
        ab.destroy(new AudioBridgeRequest.Destroy(room, null, null)).join();
        session.destroy().join();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws", "http"})
    void joinWithGenerateOfferGetsJanusOfferAndTheSdpModulesAnswerIsAccepted(String transport) {
        client = server.connect(transport, Duration.ofSeconds(1));
        JanusSession session = client.createSession().join();
        AudioBridge ab = AudioBridge.attach(session).join();
        long room = transport.equals("ws") ? 740_005 : 740_006;
        ab.create(AudioBridgeRequest.Create.builder().room(room).build()).join();
        AudioBridgeEvent.Joined joined = ab.join(AudioBridgeRequest.Join.builder(room).display("answerer")
                .generateOffer(true).build(), null).join();
        assertEquals("offer", joined.jsep().type());
        SessionDescription janusOffer = SessionDescription.parse(joined.jsep().sdp());
        byte[] digest = new byte[32];
        new SplittableRandom(3).nextBytes(digest);
        SessionDescription answer = dev.purertc.sdp.Jsep.createAnswer(janusOffer,
                AudioCapabilities.defaults(Fingerprint.of("sha-256", digest), new SplittableRandom(4)));
        assertTrue(answer.media().get(0).codecs().stream().anyMatch(c -> c.is("opus", 48000)));
        AudioBridgeEvent.Configured configured = ab.configure(AudioBridgeRequest.Configure.builder().build(),
                Jsep.answer(answer.format())).join();
        assertEquals(null, configured.jsep(), "an answer gets no JSEP back");
        ab.leave().join();
        ab.destroy(new AudioBridgeRequest.Destroy(room, null, null)).join();
        session.destroy().join();
    }
}
