package dev.purertc.janus;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One room in the answer to the AudioBridge {@code list} request.
 *
 * @param room the room id
 * @param description the room's name
 * @param pinRequired whether joining needs a PIN
 * @param samplingRate the mixer's rate in Hz
 * @param spatialAudio whether the mix is stereo with positions
 * @param record whether the mix is being recorded
 * @param muted whether the room is muted
 * @param numParticipants how many participants are in it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoomInfo(long room, String description, boolean pinRequired, int samplingRate, boolean spatialAudio,
        boolean record, boolean muted, int numParticipants) {
}
