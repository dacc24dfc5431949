package dev.purertc.janus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Room administration against a real Janus AudioBridge, with secrets and PINs right and wrong. */
class AudioBridgeAdminTest {
    private static final AtomicLong ROOMS = new AtomicLong(710_000);
    private static JanusServer server;
    private JanusClient client;

    @BeforeAll
    static void startJanus() throws Exception {
        server = JanusServer.shared();
    }

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    private AudioBridge attach(String transport) {
        client = server.connect(transport, Duration.ofSeconds(1));
        JanusSession session = client.createSession().join();
        return AudioBridge.attach(session).join();
    }

    static JanusPluginException pluginError(CompletableFuture<?> future) {
        CompletionException e = assertThrows(CompletionException.class, future::join);
        return assertInstanceOf(JanusPluginException.class, e.getCause());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws", "http"})
    void createEditExistsListDestroyWithSecretAndPin(String transport) {
        AudioBridge ab = attach(transport);
        long room = ROOMS.incrementAndGet();
        RoomResult created = ab.create(AudioBridgeRequest.Create.builder()
                .room(room).description("purertc admin").secret("s3cret").pin("1234")
                .samplingRate(48000).audiolevelEvent(true).audioActivePackets(50).audioLevelAverage(30)
                .audiolevelExt(true).defaultPrebuffering(4).isPrivate(false).permanent(false).build()).join();
        assertEquals(new RoomResult(room, false), created);

        // The same id again: 486 room exists.
        assertEquals(AudioBridgeError.ROOM_EXISTS,
                pluginError(ab.create(AudioBridgeRequest.Create.builder().room(room).build())).code());

        assertTrue(ab.exists(room).join());
        assertFalse(ab.exists(room + 1_000_000).join());

        RoomInfo listed = ab.list().join().stream().filter(r -> r.room() == room).findFirst().orElseThrow();
        assertEquals("purertc admin", listed.description());
        assertTrue(listed.pinRequired());
        assertEquals(48000, listed.samplingRate());
        assertEquals(0, listed.numParticipants());

        // edit: without the secret 483 (missing), with a wrong one 489 (unauthorized), then right.
        AudioBridgeRequest.Edit noSecret = AudioBridgeRequest.Edit.builder(room).newDescription("x").build();
        assertEquals(AudioBridgeError.MISSING_ELEMENT, pluginError(ab.edit(noSecret)).code());
        JanusPluginException wrong = pluginError(ab.edit(AudioBridgeRequest.Edit.builder(room).secret("nope")
                .newDescription("x").build()));
        assertEquals(AudioBridgeError.UNAUTHORIZED, wrong.code());
        assertEquals(AudioBridge.PLUGIN, wrong.plugin());
        assertFalse(wrong.reason().isEmpty());
        assertEquals(new RoomResult(room, false), ab.edit(AudioBridgeRequest.Edit.builder(room).secret("s3cret")
                .newDescription("renamed").newIsPrivate(true).build()).join());
        // Private rooms are hidden from list.
        assertTrue(ab.list().join().stream().noneMatch(r -> r.room() == room));

        // join with a wrong PIN: 489.
        assertEquals(AudioBridgeError.UNAUTHORIZED, pluginError(ab.join(AudioBridgeRequest.Join.builder(room)
                .pin("0000").display("intruder").build(), null)).code());

        assertTrue(ab.listParticipants(room).join().isEmpty());

        assertEquals(AudioBridgeError.UNAUTHORIZED,
                pluginError(ab.destroy(new AudioBridgeRequest.Destroy(room, "nope", null))).code());
        assertEquals(new RoomResult(room, false), ab.destroy(new AudioBridgeRequest.Destroy(room, "s3cret", false)).join());
        assertFalse(ab.exists(room).join());
        assertEquals(AudioBridgeError.NO_SUCH_ROOM,
                pluginError(ab.destroy(new AudioBridgeRequest.Destroy(room, "s3cret", null))).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws", "http"})
    void createWithoutRoomIdGetsOneFromJanus(String transport) {
        AudioBridge ab = attach(transport);
        RoomResult created = ab.create(AudioBridgeRequest.Create.builder().description("random id").build()).join();
        assertTrue(created.room() > 0);
        assertTrue(ab.exists(created.room()).join());
        ab.destroy(new AudioBridgeRequest.Destroy(created.room(), null, null)).join();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws", "http"})
    void allowedTokensGateJoinsAndCanBeEdited(String transport) {
        AudioBridge ab = attach(transport);
        long room = ROOMS.incrementAndGet();
        ab.create(AudioBridgeRequest.Create.builder().room(room).secret("adm").allowed(List.of("tok-a")).build()).join();
        assertEquals(AudioBridgeError.UNAUTHORIZED, pluginError(ab.join(AudioBridgeRequest.Join.builder(room)
                .token("tok-b").build(), null)).code());
        List<String> now = ab.allowed(new AudioBridgeRequest.Allowed(room, "adm", AudioBridgeRequest.AllowedAction.ADD,
                List.of("tok-b"))).join();
        assertEquals(List.of("tok-a", "tok-b"), now.stream().sorted().toList());
        assertEquals(List.of("tok-a"), ab.allowed(new AudioBridgeRequest.Allowed(room, "adm",
                AudioBridgeRequest.AllowedAction.REMOVE, List.of("tok-b"))).join());
        assertEquals(AudioBridgeError.UNAUTHORIZED, pluginError(ab.allowed(new AudioBridgeRequest.Allowed(room, "bad",
                AudioBridgeRequest.AllowedAction.DISABLE, null))).code());
        ab.allowed(new AudioBridgeRequest.Allowed(room, "adm", AudioBridgeRequest.AllowedAction.DISABLE, null)).join();
        AudioBridgeEvent.Joined joined = ab.join(AudioBridgeRequest.Join.builder(room).display("anyone").build(), null).join();
        ab.leave().join();
        // enable: the ACL is checked again.
        ab.allowed(new AudioBridgeRequest.Allowed(room, "adm", AudioBridgeRequest.AllowedAction.ENABLE, null)).join();
        assertEquals(AudioBridgeError.UNAUTHORIZED, pluginError(ab.join(AudioBridgeRequest.Join.builder(room)
                .token("tok-b").build(), null)).code());
        ab.join(AudioBridgeRequest.Join.builder(room).token("tok-a").build(), null).join();
        assertEquals(room, joined.room());
        ab.leave().join();
        ab.destroy(new AudioBridgeRequest.Destroy(room, "adm", null)).join();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws", "http"})
    void recordingForwardersAndAnnouncements(String transport) throws Exception {
        AudioBridge ab = attach(transport);
        long room = ROOMS.incrementAndGet();
        ab.create(AudioBridgeRequest.Create.builder().room(room).secret("adm").samplingRate(16000).build()).join();

        // The mixer (and so the recorder) runs only while someone is in the room.
        ab.join(AudioBridgeRequest.Join.builder(room).display("recorded").build(), null).join();
        ab.enableRecording(new AudioBridgeRequest.EnableRecording(room, "adm", true, "rec-" + room + ".wav",
                server.recordingsDir().toString())).join();
        java.nio.file.Path wav = server.recordingsDir().resolve("rec-" + room + ".wav");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!java.nio.file.Files.exists(wav)) {
            // Each probe is a real request, so this waits on Janus, not on a timer.
            assertTrue(ab.exists(room).join());
            assertTrue(System.nanoTime() < deadline, "Janus did not start the WAV file " + wav);
        }
        ab.enableRecording(new AudioBridgeRequest.EnableRecording(room, "adm", false, null, null)).join();
        ab.leave().join();
        assertEquals(AudioBridgeError.UNAUTHORIZED, pluginError(ab.enableRecording(
                new AudioBridgeRequest.EnableRecording(room, "bad", true, null, null))).code());
        ab.enableMjrs(new AudioBridgeRequest.EnableMjrs(room, "adm", false, null)).join();

        try (java.net.DatagramSocket sink = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            RtpForwarder fwd = ab.rtpForward(AudioBridgeRequest.RtpForward.builder(room, "127.0.0.1", sink.getLocalPort())
                    .secret("adm").ptype(111).alwaysOn(true).build()).join();
            assertTrue(fwd.streamId() > 0);
            assertEquals(sink.getLocalPort(), fwd.port());
            List<RtpForwarder> list = ab.listForwarders(new AudioBridgeRequest.ListForwarders(room, "adm")).join();
            assertEquals(1, list.size());
            assertEquals(fwd.streamId(), list.get(0).streamId());
            assertEquals("127.0.0.1", list.get(0).host());
            assertEquals(Integer.valueOf(111), list.get(0).ptype());
            assertEquals(Boolean.TRUE, list.get(0).alwaysOn());
            // With someone in the room the mixer runs, and an always-on forwarder sends the mix
            // (silence here) as RTP to the loopback sink.
            ab.join(AudioBridgeRequest.Join.builder(room).display("mixed").build(), null).join();
            sink.setSoTimeout(5000);
            java.net.DatagramPacket packet = new java.net.DatagramPacket(new byte[1500], 1500);
            sink.receive(packet);
            byte[] rtp = packet.getData();
            assertEquals(2, (rtp[0] & 0xff) >> 6, "RTP version 2");
            assertEquals(111, rtp[1] & 0x7f, "the payload type asked for");
            ab.leave().join();
            ab.stopRtpForward(new AudioBridgeRequest.StopRtpForward(room, "adm", fwd.streamId(), null)).join();
            assertTrue(ab.listForwarders(new AudioBridgeRequest.ListForwarders(room, "adm")).join().isEmpty());
        }

        // A missing file: Janus cannot open it (499).
        JanusPluginException noFile = pluginError(ab.playFile(AudioBridgeRequest.PlayFile.builder(room, "/nonexistent/a.opus")
                .secret("adm").fileId("ann-0").build()));
        assertEquals(AudioBridgeError.UNKNOWN_ERROR, noFile.code());

        // A real Ogg Opus file (10 s of silence, written here): it plays to the participants,
        // who hear of its start and stop; is_playing follows.
        java.nio.file.Path opus = server.recordingsDir().resolve("announcement-" + room + ".opus");
        java.nio.file.Files.write(opus, OggOpusFile.silence(500, 50));
        EventRecorder<AudioBridgeEvent> heard = new EventRecorder<>();
        ab.addListener(heard);
        ab.join(AudioBridgeRequest.Join.builder(room).display("listener").build(), null).join();
        String fileId = ab.playFile(AudioBridgeRequest.PlayFile.builder(room, opus.toString()).secret("adm")
                .fileId("ann-1").loop(true).build()).join();
        assertEquals("ann-1", fileId);
        assertEquals(new AudioBridgeEvent.Announcement(room, "ann-1", true),
                heard.await(AudioBridgeEvent.Announcement.class, java.time.Duration.ofSeconds(5)));
        assertTrue(ab.isPlaying(new AudioBridgeRequest.IsPlaying(room, "adm", "ann-1")).join());
        assertEquals(AudioBridgeError.UNAUTHORIZED,
                pluginError(ab.stopFile(new AudioBridgeRequest.StopFile(room, "bad", "ann-1"))).code());
        ab.stopFile(new AudioBridgeRequest.StopFile(room, "adm", "ann-1")).join();
        assertEquals(new AudioBridgeEvent.Announcement(room, "ann-1", false),
                heard.await(AudioBridgeEvent.Announcement.class, java.time.Duration.ofSeconds(5)));
        assertFalse(ab.isPlaying(new AudioBridgeRequest.IsPlaying(room, "adm", "ann-1")).join());
        ab.leave().join();

        ab.destroy(new AudioBridgeRequest.Destroy(room, "adm", null)).join();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws", "http"})
    void createWithEveryRoomOptionRecordsAndPlacesParticipants(String transport) throws Exception {
        AudioBridge ab = attach(transport);
        long room = ROOMS.incrementAndGet();
        java.nio.file.Path dir = server.recordingsDir();
        ab.create(AudioBridgeRequest.Create.builder().room(room).permanent(false).description("all options")
                .secret("adm").pin("9").isPrivate(false).allowed(List.of("tok")).samplingRate(24000).spatialAudio(true)
                .audiolevelExt(true).audiolevelEvent(true).audioActivePackets(50).audioLevelAverage(30)
                .defaultPrebuffering(3).defaultExpectedloss(5).defaultBitrate(32000).record(true)
                .recordFile("all-" + room + ".wav").recordDir(dir.toString()).mjrs(false).mjrsDir(dir.toString())
                .allowRtpParticipants(false).build()).join();
        RoomInfo info = ab.list().join().stream().filter(r -> r.room() == room).findFirst().orElseThrow();
        assertEquals(24000, info.samplingRate());
        assertTrue(info.spatialAudio());
        assertTrue(info.record());
        assertTrue(info.pinRequired());

        ab.join(AudioBridgeRequest.Join.builder(room).pin("9").token("tok").display("left").spatialPosition(10)
                .audioLevelAverage(40).audioActivePackets(25).build(), null).join();
        Participant me = ab.listParticipants(room).join().get(0);
        assertEquals(Integer.valueOf(10), me.spatialPosition());
        ab.configure(AudioBridgeRequest.Configure.builder().spatialPosition(90).build(), null).join();
        assertEquals(Integer.valueOf(90), ab.listParticipants(room).join().get(0).spatialPosition());

        ab.enableMjrs(new AudioBridgeRequest.EnableMjrs(room, "adm", true, dir.toString())).join();
        ab.enableMjrs(new AudioBridgeRequest.EnableMjrs(room, "adm", false, null)).join();

        java.nio.file.Path wav = dir.resolve("all-" + room + ".wav");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!java.nio.file.Files.exists(wav)) {
            assertTrue(ab.exists(room).join());
            assertTrue(System.nanoTime() < deadline, "Janus did not start the WAV file " + wav);
        }
        ab.leave().join();
        ab.edit(AudioBridgeRequest.Edit.builder(room).secret("adm").newPin("").newSecret("adm2").build()).join();
        assertFalse(ab.list().join().stream().filter(r -> r.room() == room).findFirst().orElseThrow().pinRequired(),
                "an empty new_pin removes the PIN");
        assertEquals(AudioBridgeError.UNAUTHORIZED,
                pluginError(ab.destroy(new AudioBridgeRequest.Destroy(room, "adm", null))).code());
        ab.destroy(new AudioBridgeRequest.Destroy(room, "adm2", null)).join();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws", "http"})
    void roomsWithGroupsCheckTheGroupOfJoinsConfiguresAndForwarders(String transport) throws Exception {
        AudioBridge ab = attach(transport);
        long room = ROOMS.incrementAndGet();
        ab.create(AudioBridgeRequest.Create.builder().room(room).groups(List.of("red", "blue")).build()).join();
        assertEquals(AudioBridgeError.NO_SUCH_GROUP, pluginError(ab.join(AudioBridgeRequest.Join.builder(room)
                .group("green").build(), null)).code());
        ab.join(AudioBridgeRequest.Join.builder(room).group("red").display("grouped").build(), null).join();
        ab.configure(AudioBridgeRequest.Configure.builder().group("blue").build(), null).join();
        assertEquals(AudioBridgeError.NO_SUCH_GROUP,
                pluginError(ab.configure(AudioBridgeRequest.Configure.builder().group("green").build(), null)).code());
        try (java.net.DatagramSocket sink = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            RtpForwarder fwd = ab.rtpForward(AudioBridgeRequest.RtpForward.builder(room, "127.0.0.1", sink.getLocalPort())
                    .group("blue").build()).join();
            assertEquals(1, ab.listForwarders(new AudioBridgeRequest.ListForwarders(room, null)).join().size());
            ab.stopRtpForward(new AudioBridgeRequest.StopRtpForward(room, null, fwd.streamId(), null)).join();
        }
        ab.leave().join();
        ab.destroy(new AudioBridgeRequest.Destroy(room, null, null)).join();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws", "http"})
    void aPlainRtpParticipantGetsThePluginsAddressAndReceivesTheMix(String transport) throws Exception {
        AudioBridge ab = attach(transport);
        long room = ROOMS.incrementAndGet();
        ab.create(AudioBridgeRequest.Create.builder().room(room).allowRtpParticipants(true).build()).join();
        try (java.net.DatagramSocket sink = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            AudioBridgeEvent.Joined joined = ab.join(AudioBridgeRequest.Join.builder(room).display("rtp-only")
                    .rtp(new PlainRtp("127.0.0.1", sink.getLocalPort(), 111, null, null)).build(), null).join();
            PlainRtp plugin = joined.rtp();
            assertTrue(plugin != null && plugin.port() > 0, "the plugin's RTP address: " + plugin);
            // The plugin starts sending once it hears from the participant: send it a few RTP
            // packets (one-byte Opus frames) from the sink, on this machine.
            java.net.InetAddress pluginAddress = java.net.InetAddress.getByName(plugin.ip());
            assertTrue(pluginAddress.isLoopbackAddress() || java.net.NetworkInterface.getByInetAddress(pluginAddress) != null,
                    "the plugin's address is local: " + plugin.ip());
            for (int seq = 0; seq < 10; seq++) {
                // RFC 3550 5.1: V=2, PT 111, sequence, timestamp (960 per 20 ms), SSRC; then the payload.
                int ts = seq * 960;
                byte[] rtp = {(byte) 0x80, 111, 0, (byte) seq, 0, (byte) (ts >> 16), (byte) (ts >> 8), (byte) ts,
                    1, 2, 3, 4, 0x08};
                sink.send(new java.net.DatagramPacket(rtp, rtp.length, pluginAddress, plugin.port()));
            }
            sink.setSoTimeout(5000);
            java.net.DatagramPacket packet = new java.net.DatagramPacket(new byte[1500], 1500);
            sink.receive(packet);
            assertEquals(2, (packet.getData()[0] & 0xff) >> 6, "RTP version 2");
            assertEquals(111, packet.getData()[1] & 0x7f);
        }
        ab.leave().join();
        ab.destroy(new AudioBridgeRequest.Destroy(room, null, null)).join();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws", "http"})
    void suspendAndResumeAreUnknownToJanus112(String transport) {
        AudioBridge ab = attach(transport);
        long room = ROOMS.incrementAndGet();
        ab.create(AudioBridgeRequest.Create.builder().room(room).build()).join();
        JanusPluginException suspend = pluginError(ab.suspend(new AudioBridgeRequest.Suspend(room, null, 1, null)));
        assertEquals(AudioBridgeError.INVALID_REQUEST, suspend.code());
        assertTrue(suspend.reason().contains("suspend"), suspend.reason());
        assertEquals(AudioBridgeError.INVALID_REQUEST,
                pluginError(ab.resume(new AudioBridgeRequest.Resume(room, null, 1))).code());
        ab.destroy(new AudioBridgeRequest.Destroy(room, null, null)).join();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws", "http"})
    void requestsNeedingAJoinFailWithNotJoined(String transport) {
        AudioBridge ab = attach(transport);
        assertEquals(AudioBridgeError.NOT_JOINED,
                pluginError(ab.configure(AudioBridgeRequest.Configure.builder().muted(true).build(), null)).code());
        JanusPluginException leave = pluginError(ab.leave());
        assertEquals(AudioBridgeError.NOT_JOINED, leave.code());
        assertInstanceOf(JanusException.class, leave);
    }
}
