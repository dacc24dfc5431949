package dev.purertc.janus;

/**
 * The answer to an AudioBridge {@code create}, {@code edit} or {@code destroy}.
 *
 * @param room the room id (for {@code create} without an id: the one Janus picked)
 * @param permanent whether Janus saved the change in its config file
 */
public record RoomResult(long room, boolean permanent) {
}
