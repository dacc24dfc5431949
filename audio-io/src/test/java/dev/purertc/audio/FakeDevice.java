package dev.purertc.audio;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A controllable sound card seen by javax.sound through {@link FakeMixerProvider}: it can be
 * plugged and unplugged, hung (reads and writes block) and made busy (open fails) while a call
 * runs. Capture delivers a sine tone paced like hardware; playback counts the bytes it takes.
 * An unplugged device behaves as a line of a dead PulseAudio does (real-peers.md §3): it leaves
 * the mixer list and its open lines return 0 at once, forever, with no exception.
 *
 * <p>The registry is static because the JDK instantiates the provider itself (ServiceLoader); tests
 * reset it with {@link #unplugAll()}.
 */
final class FakeDevice {
    private static final List<FakeDevice> PLUGGED = new CopyOnWriteArrayList<>();

    final String name;
    final boolean input;
    final boolean output;
    final int sampleRate;
    final int channels;
    volatile double toneHz = 1000;
    volatile boolean present = true;
    volatile boolean hung;
    volatile boolean busy;
    final AtomicLong bytesRead = new AtomicLong();
    final AtomicLong bytesWritten = new AtomicLong();
    /** The first bytes played to it (up to 2 s at 48 kHz stereo), to check what playback converted. */
    final java.io.ByteArrayOutputStream played = new java.io.ByteArrayOutputStream();
    final FakeMixerProvider.FakeMixer mixer;

    private FakeDevice(String name, boolean input, boolean output, int sampleRate, int channels) {
        this.name = name;
        this.input = input;
        this.output = output;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.mixer = new FakeMixerProvider.FakeMixer(this);
    }

    /** Plugs a new device in (it appears at the end of the mixer list). */
    static FakeDevice plug(String name, boolean input, boolean output, int sampleRate, int channels) {
        FakeDevice d = new FakeDevice(name, input, output, sampleRate, channels);
        PLUGGED.add(d);
        return d;
    }

    /** Unplugs it: gone from the list; its open lines read and write 0 bytes from now on. */
    void unplug() {
        present = false;
        PLUGGED.remove(this);
    }

    static List<FakeDevice> plugged() {
        return PLUGGED;
    }

    static void unplugAll() {
        for (FakeDevice d : PLUGGED) {
            d.unplug();
        }
    }

    String inputId() {
        return AudioDevice.idOf(AudioBackend.JAVA_SOUND, name, Direction.INPUT);
    }

    String outputId() {
        return AudioDevice.idOf(AudioBackend.JAVA_SOUND, name, Direction.OUTPUT);
    }
}
