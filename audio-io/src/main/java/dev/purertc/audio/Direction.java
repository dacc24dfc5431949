package dev.purertc.audio;

/** Which way audio flows through a device: captured from it, or played to it. */
public enum Direction {
    /** A microphone-like device: audio is captured from it. */
    INPUT,
    /** A speaker-like device: audio is played to it. */
    OUTPUT;

    /** Lower-case name for printing: {@code input} / {@code output}. */
    public String label() {
        return this == INPUT ? "input" : "output";
    }
}
