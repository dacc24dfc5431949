package dev.purertc.janus;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An AudioBridge participant as Janus lists it ({@code listparticipants}, {@code joined},
 * participant updates) and as the {@link AudioBridgeRoom} model keeps it.
 *
 * @param id the participant id in the room
 * @param display the display name, or null
 * @param setup whether its PeerConnection is up
 * @param muted whether it is muted
 * @param talking whether it talks now; null when the room sends no audio level events
 * @param spatialPosition its stereo position 0..100 in spatial rooms, else null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Participant(long id, String display, boolean setup, boolean muted, Boolean talking,
        Integer spatialPosition) {

    /** This participant with another display name. */
    public Participant withDisplay(String newDisplay) {
        return new Participant(id, newDisplay, setup, muted, talking, spatialPosition);
    }

    /** This participant muted or not. */
    public Participant withMuted(boolean newMuted) {
        return new Participant(id, display, setup, newMuted, talking, spatialPosition);
    }

    /** This participant talking or not. */
    public Participant withTalking(boolean newTalking) {
        return new Participant(id, display, setup, muted, newTalking, spatialPosition);
    }
}
