package dev.purertc.audio;

/**
 * A device could not be used: it is missing, busy, or does not offer a usable format. The message
 * names the device and says why, in one line fit for a user; no stack trace is needed to read it.
 */
public final class AudioDeviceException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String deviceId;

    /**
     * @param deviceId the device (id or the selector the caller gave), or {@code "default"}
     * @param reason   what went wrong, e.g. "is busy (another program holds it)"
     */
    public AudioDeviceException(String deviceId, String reason) {
        super("audio device " + deviceId + " " + reason);
        this.deviceId = deviceId;
    }

    /** The device the failure is about. */
    public String deviceId() {
        return deviceId;
    }
}
