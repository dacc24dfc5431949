package dev.purertc.audio;

/** What a capture or playback stream asks of its session. */
interface LineHost {
    /** Opens a line on the device that carries {@code direction} now. */
    OpenedLine openLine(Direction direction, int channels) throws AudioDeviceException;

    /** The line of {@code direction} stalled or flows again. */
    void lineHealth(Direction direction, LineWatchdog.Transition transition, String why);
}
