package dev.purertc.audio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

/**
 * The javax.sound.sampled side of the device list: one {@link AudioDevice} per mixer and
 * direction that offers data lines. {@code getMixerInfo()} re-probes on every call (measured in
 * real-peers.md §3), so calling {@link #list()} periodically is the mixer-list watcher.
 *
 * <p>Default device: javax.sound has no such notion beyond "the line {@code AudioSystem.getLine}
 * would pick", which is the first mixer that offers the line; so the first mixer offering a
 * direction is marked default.
 */
final class JavaSoundDevices {
    private static final Pattern HEADSET_LIKE = Pattern.compile("headset|headphone|usb|bluetooth|airpods|bt ",
            Pattern.CASE_INSENSITIVE);

    private JavaSoundDevices() {
    }

    /** Every mixer with data lines, inputs then outputs in mixer order. */
    static List<AudioDevice> list() {
        List<AudioDevice> devices = new ArrayList<>();
        Mixer.Info[] infos = mixerInfos();
        for (Direction direction : Direction.values()) {
            Map<String, Integer> seen = new HashMap<>();
            boolean defaultTaken = false;
            for (Mixer.Info info : infos) {
                String nativeName = uniqueName(info, seen);
                List<SupportedFormat> formats = offers(info, direction);
                if (formats == null) {
                    continue;
                }
                String text = info.getName() + " " + info.getDescription();
                devices.add(new AudioDevice(AudioDevice.idOf(AudioBackend.JAVA_SOUND, nativeName, direction),
                        info.getName(), direction, AudioBackend.JAVA_SOUND, formats, !defaultTaken,
                        HEADSET_LIKE.matcher(text).find()));
                defaultTaken = true;
            }
        }
        return devices;
    }

    /** The 16-bit PCM formats of the mixer's data line for a direction, or null if it has none. */
    private static List<SupportedFormat> offers(Mixer.Info info, Direction direction) {
        Mixer mixer;
        try {
            mixer = AudioSystem.getMixer(info);
        } catch (RuntimeException e) {
            return null; // a mixer that vanished between the list and now
        }
        Line.Info[] lines = direction == Direction.INPUT ? mixer.getTargetLineInfo() : mixer.getSourceLineInfo();
        for (Line.Info line : lines) {
            if (line instanceof DataLine.Info data && lineClass(direction).isAssignableFrom(data.getLineClass())) {
                return formats(data);
            }
        }
        return null;
    }

    /** The mixer a device id of this backend names, if it is still there. */
    static Optional<Mixer.Info> find(AudioDevice device) {
        Map<String, Integer> seen = new HashMap<>();
        for (Mixer.Info info : mixerInfos()) {
            String nativeName = uniqueName(info, seen);
            if (AudioDevice.idOf(AudioBackend.JAVA_SOUND, nativeName, device.direction()).equals(device.id())) {
                return Optional.of(info);
            }
        }
        return Optional.empty();
    }

    /** The first mixer offering a direction's data line: what reaches a sound server's default. */
    static Optional<Mixer.Info> firstFor(Direction direction) {
        for (Mixer.Info info : mixerInfos()) {
            if (offers(info, direction) != null) {
                return Optional.of(info);
            }
        }
        return Optional.empty();
    }

    static Class<? extends DataLine> lineClass(Direction direction) {
        return direction == Direction.INPUT ? TargetDataLine.class : SourceDataLine.class;
    }

    private static Mixer.Info[] mixerInfos() {
        try {
            return AudioSystem.getMixerInfo();
        } catch (RuntimeException e) {
            return new Mixer.Info[0]; // a broken provider must not stop the watcher
        }
    }

    /** Mixer names can repeat (two identical USB cards): the second becomes "name#2". */
    private static String uniqueName(Mixer.Info info, Map<String, Integer> seen) {
        int n = seen.merge(info.getName(), 1, Integer::sum);
        return n == 1 ? info.getName() : info.getName() + "#" + n;
    }

    private static List<SupportedFormat> formats(DataLine.Info data) {
        Set<SupportedFormat> formats = new LinkedHashSet<>();
        for (AudioFormat f : data.getFormats()) {
            if (f.getEncoding() == AudioFormat.Encoding.PCM_SIGNED && f.getSampleSizeInBits() == 16
                    && f.getChannels() >= 1 && f.getChannels() <= 2) {
                int rate = f.getSampleRate() == AudioSystem.NOT_SPECIFIED ? SupportedFormat.ANY_RATE : Math.round(f.getSampleRate());
                formats.add(new SupportedFormat(rate, f.getChannels(), 16));
            }
        }
        return List.copyOf(formats);
    }
}
