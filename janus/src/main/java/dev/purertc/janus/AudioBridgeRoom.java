package dev.purertc.janus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The client-side model of the room an {@link AudioBridge} handle is in: the live participant list
 * (including this participant) that an app shows, kept up to date from the plugin's events.
 *
 * <p>Janus does not tell a participant about its own {@code configure} changes; the model applies
 * them when the plugin confirms the request. After a join without events lost, {@link #participants()}
 * equals what {@code listparticipants} answers (ids, displays, muted, setup).
 *
 * <p>Thread-safe. Listeners run on the client's driver thread after each change.
 */
public final class AudioBridgeRoom {

    /** Told after every change of the model. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param room this model, already updated
         * @param cause the event that changed it (for own configure changes, a {@link AudioBridgeEvent.Configured})
         */
        void changed(AudioBridgeRoom room, AudioBridgeEvent cause);
    }

    private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Long, Participant> participants = new LinkedHashMap<>();
    private long roomId;
    private long selfId;
    private boolean roomMuted;
    private String pendingDisplay;
    private boolean pendingMuted;

    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** The room id, or 0 when not in a room. */
    public synchronized long roomId() {
        return roomId;
    }

    /** This participant's id, or 0 when not in a room. */
    public synchronized long selfId() {
        return selfId;
    }

    /** Whether the whole room is muted ({@code mute_room}). */
    public synchronized boolean roomMuted() {
        return roomMuted;
    }

    /** Whether this handle is in a room. */
    public synchronized boolean joined() {
        return roomId != 0;
    }

    /** The participants, this one included, ordered by id. */
    public synchronized List<Participant> participants() {
        List<Participant> list = new ArrayList<>(participants.values());
        list.sort(Comparator.comparingLong(Participant::id));
        return list;
    }

    /** One participant by id. */
    public synchronized Optional<Participant> participant(long id) {
        return Optional.ofNullable(participants.get(id));
    }

    // Before a join or changeroom is sent: what Janus will not echo back about ourselves.
    synchronized void expectSelf(String display, boolean muted) {
        pendingDisplay = display;
        pendingMuted = muted;
    }

    // Driver thread, when own configure succeeded.
    void selfConfigured(String display, Boolean muted, AudioBridgeEvent cause) {
        synchronized (this) {
            Participant self = participants.get(selfId);
            if (self == null) {
                return;
            }
            if (display != null) {
                self = self.withDisplay(display);
            }
            if (muted != null) {
                self = self.withMuted(muted);
            }
            participants.put(selfId, self);
        }
        fire(cause);
    }

    // Driver thread: applies one event; returns whether the model changed.
    void apply(AudioBridgeEvent event) {
        synchronized (this) {
            if (!applyLocked(event)) {
                return;
            }
        }
        fire(event);
    }

    private boolean applyLocked(AudioBridgeEvent event) {
        if (event instanceof AudioBridgeEvent.Joined e) {
            enter(e.room(), e.id(), e.participants());
            return true;
        }
        if (event instanceof AudioBridgeEvent.RoomChanged e) {
            enter(e.room(), e.id(), e.participants());
            return true;
        }
        if (roomId == 0) {
            return false;
        }
        if (event instanceof AudioBridgeEvent.ParticipantsJoined e && e.room() == roomId) {
            upsert(e.participants());
            return true;
        }
        if (event instanceof AudioBridgeEvent.ParticipantsUpdated e && e.room() == roomId) {
            upsert(e.participants());
            return true;
        }
        if (event instanceof AudioBridgeEvent.Leaving e && e.room() == roomId) {
            return participants.remove(e.id()) != null;
        }
        if (event instanceof AudioBridgeEvent.Kicked e && e.room() == roomId) {
            if (e.id() == selfId) {
                leave();
                return true;
            }
            return participants.remove(e.id()) != null;
        }
        if (event instanceof AudioBridgeEvent.Talking e && e.room() == roomId) {
            Participant p = participants.get(e.id());
            if (p == null) {
                return false;
            }
            participants.put(e.id(), p.withTalking(e.talking()));
            return true;
        }
        if (event instanceof AudioBridgeEvent.RoomMuted e && e.room() == roomId) {
            roomMuted = e.muted();
            return true;
        }
        if (event instanceof AudioBridgeEvent.Left e && e.room() == roomId) {
            leave();
            return true;
        }
        if (event instanceof AudioBridgeEvent.Destroyed e && e.room() == roomId) {
            leave();
            return true;
        }
        return false;
    }

    private void enter(long room, long id, List<Participant> others) {
        participants.clear();
        roomId = room;
        selfId = id;
        roomMuted = false;
        upsert(others);
        participants.put(id, new Participant(id, pendingDisplay, false, pendingMuted, null, null));
    }

    private void upsert(List<Participant> list) {
        for (Participant p : list) {
            Participant old = participants.get(p.id());
            // Update events carry no talking state; keep what the talking events said.
            Boolean talking = p.talking() != null ? p.talking() : old == null ? null : old.talking();
            participants.put(p.id(), new Participant(p.id(), p.display(), p.setup(), p.muted(), talking, p.spatialPosition()));
        }
    }

    private void leave() {
        participants.clear();
        roomId = 0;
        selfId = 0;
        roomMuted = false;
    }

    // Driver thread: the handle's PeerConnection came up.
    void selfSetup(boolean setup) {
        synchronized (this) {
            Participant self = participants.get(selfId);
            if (self == null || self.setup() == setup) {
                return;
            }
            participants.put(selfId, new Participant(self.id(), self.display(), setup, self.muted(), self.talking(),
                    self.spatialPosition()));
        }
    }

    private void fire(AudioBridgeEvent cause) {
        for (Listener l : listeners) {
            try {
                l.changed(this, cause);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(AudioBridgeRoom.class).warn("room listener failed on {}", cause, e);
            }
        }
    }
}
