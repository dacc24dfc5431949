package dev.purertc.janus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The room model on its own, fed event by event (talking needs real audio, so it is checked here). */
class AudioBridgeRoomTest {
    private static Participant p(long id, String display, boolean muted) {
        return new Participant(id, display, false, muted, null, null);
    }

    @Test
    void talkingEventsMarkParticipantsAndSurviveUpdatesWithoutTalkingState() {
        AudioBridgeRoom room = new AudioBridgeRoom();
        List<AudioBridgeEvent> causes = new ArrayList<>();
        room.addListener((r, cause) -> causes.add(cause));
        room.expectSelf("me", false);
        room.apply(new AudioBridgeEvent.Joined(5, 1, List.of(p(2, "bob", false)), null, null));
        room.apply(new AudioBridgeEvent.Talking(5, 2, true));
        assertEquals(Boolean.TRUE, room.participant(2).orElseThrow().talking());
        room.apply(new AudioBridgeEvent.ParticipantsUpdated(5, List.of(p(2, "bobby", true))));
        Participant bob = room.participant(2).orElseThrow();
        assertEquals("bobby", bob.display());
        assertTrue(bob.muted());
        assertEquals(Boolean.TRUE, bob.talking(), "an update without talking keeps the talking state");
        room.apply(new AudioBridgeEvent.Talking(5, 2, false));
        assertEquals(Boolean.FALSE, room.participant(2).orElseThrow().talking());
        assertEquals(List.of(p(1, "me", false), room.participant(2).orElseThrow()), room.participants());
        assertEquals(4, causes.size(), "one notice per change");
    }

    @Test
    void eventsOfAnotherRoomOrUnknownParticipantsChangeNothing() {
        AudioBridgeRoom room = new AudioBridgeRoom();
        room.expectSelf("me", true);
        room.apply(new AudioBridgeEvent.Joined(5, 1, List.of(), null, null));
        room.apply(new AudioBridgeEvent.ParticipantsJoined(6, List.of(p(9, "elsewhere", false))));
        room.apply(new AudioBridgeEvent.Talking(5, 77, true));
        room.apply(new AudioBridgeEvent.Leaving(5, 77));
        assertEquals(List.of(p(1, "me", true)), room.participants());
    }

    @Test
    void beingKickedLeavingOrTheRoomDestroyedEmptiesTheModel() {
        for (AudioBridgeEvent end : List.of(new AudioBridgeEvent.Kicked(5, 1), new AudioBridgeEvent.Left(5, 1),
                new AudioBridgeEvent.Destroyed(5))) {
            AudioBridgeRoom room = new AudioBridgeRoom();
            room.apply(new AudioBridgeEvent.Joined(5, 1, List.of(p(2, "bob", false)), null, null));
            room.apply(new AudioBridgeEvent.RoomMuted(5, true));
            assertTrue(room.roomMuted());
            room.apply(end);
            assertFalse(room.joined(), end.toString());
            assertTrue(room.participants().isEmpty());
            assertFalse(room.roomMuted());
            assertEquals(0, room.selfId());
        }
    }

    @Test
    void anotherParticipantKickedIsRemovedAndRoomChangeStartsOver() {
        AudioBridgeRoom room = new AudioBridgeRoom();
        room.apply(new AudioBridgeEvent.Joined(5, 1, List.of(p(2, "bob", false), p(3, "carol", false)), null, null));
        room.apply(new AudioBridgeEvent.Kicked(5, 3));
        assertEquals(List.of(1L, 2L), room.participants().stream().map(Participant::id).toList());
        room.expectSelf("me-too", false);
        room.apply(new AudioBridgeEvent.RoomChanged(6, 10, List.of(p(11, "dave", false))));
        assertEquals(6, room.roomId());
        assertEquals(List.of(p(10, "me-too", false), p(11, "dave", false)), room.participants());
    }

    @Test
    void ownConfigureChangesApplyToSelf() {
        AudioBridgeRoom room = new AudioBridgeRoom();
        room.expectSelf("me", false);
        room.apply(new AudioBridgeEvent.Joined(5, 1, List.of(), null, null));
        room.selfConfigured("new-me", true, new AudioBridgeEvent.Configured(null));
        assertEquals(p(1, "new-me", true), room.participant(1).orElseThrow());
        room.selfConfigured(null, false, new AudioBridgeEvent.Configured(null));
        assertEquals(p(1, "new-me", false), room.participant(1).orElseThrow());
    }
}
