package dev.purertc.audio;

/** Why a direction's route moved to another device (the analogue of a phone's route-change reason). */
public enum RouteChangeReason {
    /** There was no route (start, or after an interruption) and now a device is available. */
    DEVICE_AVAILABLE,
    /** A device appeared and the policy preferred it (a headset was plugged in). */
    NEW_DEVICE_AVAILABLE,
    /** The device in use disappeared; the route fell back to another one. */
    OLD_DEVICE_UNAVAILABLE,
    /** The system default changed and the route follows it. */
    DEFAULT_CHANGED,
    /** The caller chose the device. */
    USER_SELECTED,
    /** The policy moved the route for another reason of its own. */
    POLICY
}
