package dev.purertc.janus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two participants in one room, joined without media: alice over WebSocket, bob over HTTP
 * long-poll, and a moderator handle. Each sees the other's joins, display changes, mutes and
 * leaving, and both room models match {@code listparticipants}.
 */
class AudioBridgeTwoClientsTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static JanusServer server;
    private JanusClient wsClient;
    private JanusClient httpClient;

    @BeforeAll
    static void startJanus() throws Exception {
        server = JanusServer.shared();
    }

    @AfterEach
    void close() {
        if (wsClient != null) {
            wsClient.close();
        }
        if (httpClient != null) {
            httpClient.close();
        }
    }

    /** What listparticipants says, in the model's terms (talking is not listed without audio levels). */
    private static List<Participant> listed(AudioBridge ab, long room) {
        return ab.listParticipants(room).join().stream()
                .map(p -> new Participant(p.id(), p.display(), p.setup(), p.muted(), null, p.spatialPosition()))
                .sorted(java.util.Comparator.comparingLong(Participant::id)).toList();
    }

    private static List<Participant> modelOf(AudioBridge ab) {
        return ab.room().participants().stream()
                .map(p -> new Participant(p.id(), p.display(), p.setup(), p.muted(), null, p.spatialPosition())).toList();
    }

    @Test
    void eachParticipantSeesTheOthersEventsAndTheRoomModelMatchesListParticipants() {
        wsClient = server.connect("ws", Duration.ofSeconds(1));
        httpClient = server.connect("http", Duration.ofSeconds(1));
        JanusSession wsSession = wsClient.createSession().join();
        JanusSession httpSession = httpClient.createSession().join();
        AudioBridge alice = AudioBridge.attach(wsSession).join();
        AudioBridge bob = AudioBridge.attach(httpSession).join();
        AudioBridge moderator = AudioBridge.attach(wsSession).join();
        EventRecorder<AudioBridgeEvent> aliceSees = new EventRecorder<>();
        EventRecorder<AudioBridgeEvent> bobSees = new EventRecorder<>();
        alice.addListener(aliceSees);
        bob.addListener(bobSees);

        long room = 720_001;
        long room2 = 720_002;
        moderator.create(AudioBridgeRequest.Create.builder().room(room).secret("mod").pin("42").build()).join();
        moderator.create(AudioBridgeRequest.Create.builder().room(room2).secret("mod").build()).join();

        AudioBridgeEvent.Joined aliceJoined = alice.join(AudioBridgeRequest.Join.builder(room).id(1001L).pin("42")
                .display("alice").muted(false).build(), null).join();
        assertEquals(1001, aliceJoined.id());
        assertTrue(aliceJoined.participants().isEmpty());
        AudioBridgeEvent.Joined bobJoined = bob.join(AudioBridgeRequest.Join.builder(room).id(1002L).pin("42")
                .display("bob").codec("opus").prebuffer(4).bitrate(32000).quality(5).expectedLoss(5).volume(100)
                .build(), null).join();
        assertEquals(List.of("alice"), bobJoined.participants().stream().map(Participant::display).toList());
        AudioBridgeEvent.ParticipantsJoined bobArrived = aliceSees.await(AudioBridgeEvent.ParticipantsJoined.class, WAIT);
        assertEquals(1002, bobArrived.participants().get(0).id());
        assertEquals("bob", bobArrived.participants().get(0).display());
        assertEquals(listed(moderator, room), modelOf(alice));
        assertEquals(listed(moderator, room), modelOf(bob));

        // Display change: bob sees it, both models follow.
        alice.configure(AudioBridgeRequest.Configure.builder().display("alice2").build(), null).join();
        bobSees.await(AudioBridgeEvent.ParticipantsUpdated.class,
                u -> u.participants().stream().anyMatch(p -> p.id() == 1001 && "alice2".equals(p.display())), WAIT);
        assertEquals(listed(moderator, room), modelOf(alice));
        assertEquals(listed(moderator, room), modelOf(bob));
        bob.configure(AudioBridgeRequest.Configure.builder().display("bob2").build(), null).join();
        aliceSees.await(AudioBridgeEvent.ParticipantsUpdated.class,
                u -> u.participants().stream().anyMatch(p -> p.id() == 1002 && "bob2".equals(p.display())), WAIT);
        assertEquals(listed(moderator, room), modelOf(alice));
        assertEquals(listed(moderator, room), modelOf(bob));

        // Self mute and unmute.
        bob.configure(AudioBridgeRequest.Configure.builder().muted(true).build(), null).join();
        aliceSees.await(AudioBridgeEvent.ParticipantsUpdated.class,
                u -> u.participants().stream().anyMatch(p -> p.id() == 1002 && p.muted()), WAIT);
        assertTrue(alice.room().participant(1002).orElseThrow().muted());
        assertTrue(bob.room().participant(1002).orElseThrow().muted());
        assertEquals(listed(moderator, room), modelOf(bob));
        bob.configure(AudioBridgeRequest.Configure.builder().muted(false).build(), null).join();
        aliceSees.await(AudioBridgeEvent.ParticipantsUpdated.class,
                u -> u.participants().stream().anyMatch(p -> p.id() == 1002 && !p.muted()), WAIT);

        // Moderation: mute/unmute of a participant reaches everybody, the muted one included.
        moderator.mute(new AudioBridgeRequest.Mute(room, "mod", 1001)).join();
        bobSees.await(AudioBridgeEvent.ParticipantsUpdated.class,
                u -> u.participants().stream().anyMatch(p -> p.id() == 1001 && p.muted()), WAIT);
        aliceSees.await(AudioBridgeEvent.ParticipantsUpdated.class,
                u -> u.participants().stream().anyMatch(p -> p.id() == 1001 && p.muted()), WAIT);
        assertTrue(alice.room().participant(1001).orElseThrow().muted());
        assertEquals(listed(moderator, room), modelOf(alice));
        moderator.unmute(new AudioBridgeRequest.Unmute(room, "mod", 1001)).join();
        bobSees.await(AudioBridgeEvent.ParticipantsUpdated.class,
                u -> u.participants().stream().anyMatch(p -> p.id() == 1001 && !p.muted()), WAIT);
        assertEquals(AudioBridgeError.UNAUTHORIZED,
                AudioBridgeAdminTest.pluginError(moderator.mute(new AudioBridgeRequest.Mute(room, "bad", 1001))).code());
        assertEquals(AudioBridgeError.NO_SUCH_USER,
                AudioBridgeAdminTest.pluginError(moderator.mute(new AudioBridgeRequest.Mute(room, "mod", 999))).code());

        // Room mute.
        moderator.muteRoom(new AudioBridgeRequest.MuteRoom(room, "mod")).join();
        aliceSees.await(AudioBridgeEvent.RoomMuted.class, m -> m.muted(), WAIT);
        bobSees.await(AudioBridgeEvent.RoomMuted.class, m -> m.muted(), WAIT);
        assertTrue(alice.room().roomMuted());
        moderator.unmuteRoom(new AudioBridgeRequest.UnmuteRoom(room, "mod")).join();
        bobSees.await(AudioBridgeEvent.RoomMuted.class, m -> !m.muted(), WAIT);
        assertFalse(bob.room().roomMuted());
        assertTrue(moderator.list().join().stream().anyMatch(r -> r.room() == room && r.numParticipants() == 2));

        // bob leaves: alice sees "leaving", bob gets "left", the models agree with the server.
        AudioBridgeEvent.Left left = bob.leave().join();
        assertEquals(new AudioBridgeEvent.Left(room, 1002), left);
        aliceSees.await(AudioBridgeEvent.Leaving.class, l -> l.id() == 1002, WAIT);
        assertEquals(listed(moderator, room), modelOf(alice));
        assertFalse(bob.room().joined());
        assertTrue(bob.room().participants().isEmpty());

        // bob comes back, alice changes room; bob sees her leave; kick and destroy reach the models.
        bob.join(AudioBridgeRequest.Join.builder(room).id(1002L).pin("42").display("bob").build(), null).join();
        aliceSees.await(AudioBridgeEvent.ParticipantsJoined.class, WAIT);
        AudioBridgeEvent.RoomChanged changed = alice.changeRoom(AudioBridgeRequest.ChangeRoom.builder(room2).id(2001L)
                .display("alice").build()).join();
        assertEquals(room2, changed.room());
        assertEquals(2001, changed.id());
        assertEquals(room2, alice.room().roomId());
        bobSees.await(AudioBridgeEvent.Leaving.class, l -> l.id() == 1001, WAIT);
        assertEquals(listed(moderator, room2), modelOf(alice));
        assertEquals(listed(moderator, room), modelOf(bob));
        // alice comes back: bob sees her join; then she goes again.
        alice.changeRoom(AudioBridgeRequest.ChangeRoom.builder(room).id(1003L).pin("42").display("alice3").build()).join();
        bobSees.await(AudioBridgeEvent.ParticipantsJoined.class,
                j -> j.participants().stream().anyMatch(p -> p.id() == 1003 && "alice3".equals(p.display())), WAIT);
        assertEquals(listed(moderator, room), modelOf(bob));
        assertEquals(listed(moderator, room), modelOf(alice));
        alice.changeRoom(AudioBridgeRequest.ChangeRoom.builder(room2).id(2001L).display("alice").build()).join();
        bobSees.await(AudioBridgeEvent.Leaving.class, l -> l.id() == 1003, WAIT);
        assertEquals(listed(moderator, room), modelOf(bob));

        moderator.kick(new AudioBridgeRequest.Kick(room, "mod", 1002)).join();
        bobSees.await(AudioBridgeEvent.Kicked.class, k -> k.id() == 1002, WAIT);
        assertFalse(bob.room().joined());
        moderator.kickAll(new AudioBridgeRequest.KickAll(room2, "mod")).join();
        aliceSees.await(AudioBridgeEvent.Kicked.class, k -> k.id() == 2001, WAIT);
        assertFalse(alice.room().joined());
        // Janus tells the kicked before it removes them: wait until the server agrees.
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!moderator.listParticipants(room2).join().isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "kick_all not applied by Janus");
        }

        alice.join(AudioBridgeRequest.Join.builder(room2).display("alice").build(), null).join();
        moderator.destroy(new AudioBridgeRequest.Destroy(room2, "mod", null)).join();
        aliceSees.await(AudioBridgeEvent.Destroyed.class, d -> d.room() == room2, WAIT);
        assertFalse(alice.room().joined());
        moderator.destroy(new AudioBridgeRequest.Destroy(room, "mod", null)).join();

        wsSession.destroy().join();
        httpSession.destroy().join();
    }
}
