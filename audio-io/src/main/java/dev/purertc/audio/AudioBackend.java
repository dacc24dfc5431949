package dev.purertc.audio;

/** What a device is reached through. */
public enum AudioBackend {
    /** A javax.sound.sampled mixer: the line is opened on this mixer itself. */
    JAVA_SOUND,
    /**
     * A PulseAudio/PipeWire sink or source: the line is opened on the javax.sound mixer that reaches
     * the sound server (ALSA {@code default}), and the server moves the stream to the device.
     */
    PULSE_AUDIO
}
