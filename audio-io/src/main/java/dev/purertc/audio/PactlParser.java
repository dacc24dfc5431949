package dev.purertc.audio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text {@code pactl} prints (PulseAudio 16 and PipeWire's pipewire-pulse, with
 * {@code LC_ALL=C}): {@code pactl list sinks|sources|sink-inputs|source-outputs}, {@code pactl info}
 * and {@code pactl subscribe} lines. Pure functions, never throwing on any text: what does not
 * parse is left out.
 */
final class PactlParser {
    private static final Pattern BLOCK = Pattern.compile("^(Sink|Source|Sink Input|Source Output) #(\\d+)\\s*$");
    private static final Pattern FIELD = Pattern.compile("^\\t([A-Za-z ]+): ?(.*)$");
    private static final Pattern PROPERTY = Pattern.compile("^\\t\\t([\\w.\\-]+) = \"(.*)\"\\s*$");
    private static final Pattern SPEC = Pattern.compile("^([a-z]+)(8|16|24|32)\\S* (\\d+)ch (\\d+)Hz$");
    private static final Pattern EVENT = Pattern.compile("^Event '(\\w+)' on ([\\w-]+) #\\d+\\s*$");
    private static final Set<String> HEADSET_FORM_FACTORS = Set.of("headset", "headphone", "hands-free", "handset");
    private static final Set<String> HEADSET_BUSES = Set.of("usb", "bluetooth");

    private PactlParser() {
    }

    /** One block of {@code pactl list}: its index, top-level fields and properties. */
    record Block(String kind, int index, Map<String, String> fields, Map<String, String> properties) {
    }

    static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        Block current = null;
        for (String line : text.split("\n", -1)) {
            Matcher m = BLOCK.matcher(line);
            if (m.matches()) {
                int index;
                try {
                    index = Integer.parseInt(m.group(2));
                } catch (NumberFormatException e) {
                    current = null;
                    continue;
                }
                current = new Block(m.group(1), index, new HashMap<>(), new HashMap<>());
                blocks.add(current);
                continue;
            }
            if (current == null) {
                continue;
            }
            Matcher p = PROPERTY.matcher(line);
            if (p.matches()) {
                current.properties().put(p.group(1), p.group(2));
                continue;
            }
            Matcher f = FIELD.matcher(line);
            if (f.matches()) {
                current.fields().putIfAbsent(f.group(1), f.group(2).trim());
            }
        }
        return blocks;
    }

    /**
     * Devices from {@code pactl list sinks} (outputs) or {@code pactl list sources} (inputs).
     *
     * @param defaultName the default sink or source name from {@code pactl info}, or null
     */
    static List<AudioDevice> devices(String listText, Direction direction, String defaultName) {
        String kind = direction == Direction.OUTPUT ? "Sink" : "Source";
        List<AudioDevice> devices = new ArrayList<>();
        for (Block b : blocks(listText)) {
            String name = b.fields().get("Name");
            if (!b.kind().equals(kind) || name == null || name.isBlank()) {
                continue;
            }
            String description = b.fields().getOrDefault("Description", name);
            List<SupportedFormat> formats = new ArrayList<>();
            SupportedFormat spec = sampleSpec(b.fields().getOrDefault("Sample Specification", ""));
            if (spec != null) {
                formats.add(spec);
            }
            boolean monitor = "monitor".equals(b.properties().get("device.class"));
            boolean headset = !monitor && (HEADSET_FORM_FACTORS.contains(b.properties().getOrDefault("device.form_factor", ""))
                    || HEADSET_BUSES.contains(b.properties().getOrDefault("device.bus", "")));
            devices.add(new AudioDevice(AudioDevice.idOf(AudioBackend.PULSE_AUDIO, name, direction), description,
                    direction, AudioBackend.PULSE_AUDIO, formats, name.equals(defaultName), headset));
        }
        return devices;
    }

    /** {@code s16le 2ch 44100Hz} → 44100 Hz/2 ch/16 bit; null if it does not read. */
    static SupportedFormat sampleSpec(String spec) {
        Matcher m = SPEC.matcher(spec.trim());
        if (!m.matches()) {
            return null;
        }
        try {
            int bits = Integer.parseInt(m.group(2));
            int channels = Integer.parseInt(m.group(3));
            int rate = Integer.parseInt(m.group(4));
            return new SupportedFormat(rate, channels, bits);
        } catch (IllegalArgumentException e) {
            return null; // out-of-range numbers: leave the format out
        }
    }

    /** {@code Default Sink} / {@code Default Source} and the other {@code Key: value} lines of {@code pactl info}. */
    static Map<String, String> info(String text) {
        Map<String, String> info = new HashMap<>();
        for (String line : text.split("\n", -1)) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                info.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 2).trim());
            }
        }
        return info;
    }

    /**
     * Indexes of the streams of process {@code pid} in {@code pactl list sink-inputs} or
     * {@code source-outputs} (the ALSA pulse plugin sets {@code application.process.id}).
     */
    static List<Integer> streamsOf(String listText, long pid) {
        List<Integer> indexes = new ArrayList<>();
        for (Block b : blocks(listText)) {
            if ((b.kind().equals("Sink Input") || b.kind().equals("Source Output"))
                    && Long.toString(pid).equals(b.properties().get("application.process.id"))) {
                indexes.add(b.index());
            }
        }
        return indexes;
    }

    /**
     * The facility of a {@code pactl subscribe} line, e.g. {@code sink} for
     * {@code Event 'new' on sink #3}; null for anything else.
     */
    static String eventFacility(String line) {
        Matcher m = EVENT.matcher(line);
        return m.matches() ? m.group(2) : null;
    }

    /**
     * The direction of a stream a {@code pactl subscribe} line announces as new
     * ({@code Event 'new' on sink-input #7} is an output stream); null for any other line.
     */
    static Direction newStream(String line) {
        Matcher m = EVENT.matcher(line);
        if (!m.matches() || !m.group(1).equals("new")) {
            return null;
        }
        return switch (m.group(2)) {
            case "sink-input" -> Direction.OUTPUT;
            case "source-output" -> Direction.INPUT;
            default -> null;
        };
    }
}
