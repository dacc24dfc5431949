package dev.purertc.audio;

import java.util.List;

/** Test devices for the router. */
final class Devices {
    private Devices() {
    }

    static AudioDevice output(String name, boolean isDefault, boolean headset) {
        return new AudioDevice("test:" + name + ":output", name, Direction.OUTPUT, AudioBackend.JAVA_SOUND,
                List.of(new SupportedFormat(48_000, 2, 16)), isDefault, headset);
    }

    static AudioDevice input(String name, boolean isDefault, boolean headset) {
        return new AudioDevice("test:" + name + ":input", name, Direction.INPUT, AudioBackend.JAVA_SOUND,
                List.of(new SupportedFormat(48_000, 1, 16)), isDefault, headset);
    }
}
