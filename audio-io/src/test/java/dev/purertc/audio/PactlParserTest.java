package dev.purertc.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class PactlParserTest {
    private static String text(String name) throws Exception {
        return Files.readString(WavFileTest.resource(name));
    }

    @Test
    void sinksBecomeOutputsWithTheDefaultAndTheHeadsetMarked() throws Exception {
        var info = PactlParser.info(text("pactl-16.1-info.txt"));
        assertEquals("vsink", info.get("Default Sink"));
        assertEquals("vsink.monitor", info.get("Default Source"));
        List<AudioDevice> sinks = PactlParser.devices(text("pactl-16.1-list-sinks.txt"), Direction.OUTPUT, "vsink");
        // vsink runs at 48 kHz: the null sink took the rate of the 48 kHz stream playing to it.
        assertEquals(List.of(
                new AudioDevice("pulse:vsink:output", "VirtualSink", Direction.OUTPUT, AudioBackend.PULSE_AUDIO,
                        List.of(new SupportedFormat(48_000, 2, 16)), true, false),
                new AudioDevice("pulse:hs:output", "Headset", Direction.OUTPUT, AudioBackend.PULSE_AUDIO,
                        List.of(new SupportedFormat(44_100, 2, 16)), false, true)), sinks);
        assertEquals("hs", sinks.get(1).nativeName());
        // The sink list holds no sources.
        assertEquals(List.of(), PactlParser.devices(text("pactl-16.1-list-sinks.txt"), Direction.INPUT, null));
    }

    @Test
    void monitorSourcesAreInputsButNeverHeadsets() throws Exception {
        List<AudioDevice> sources = PactlParser.devices(text("pactl-16.1-list-sources.txt"), Direction.INPUT, "vsink.monitor");
        assertEquals(List.of("pulse:vsink.monitor:input", "pulse:hs.monitor:input"), sources.stream().map(AudioDevice::id).toList());
        assertEquals(List.of(true, false), sources.stream().map(AudioDevice::isDefault).toList());
        assertEquals(List.of(false, false), sources.stream().map(AudioDevice::headsetLike).toList());
        assertEquals("Monitor of Headset", sources.get(1).name());
    }

    @Test
    void ownStreamsAreFoundByProcessId() throws Exception {
        String inputs = text("pactl-16.1-list-sink-inputs.txt");
        assertEquals(List.of(5), PactlParser.streamsOf(inputs, 1723));
        assertEquals(List.of(), PactlParser.streamsOf(inputs, 172));
    }

    @Test
    void subscribeLinesNameTheirFacility() {
        assertEquals("sink", PactlParser.eventFacility("Event 'new' on sink #3"));
        assertEquals("server", PactlParser.eventFacility("Event 'change' on server #4294967295"));
        assertEquals("sink-input", PactlParser.eventFacility("Event 'remove' on sink-input #12"));
        assertNull(PactlParser.eventFacility("Connection failure: Connection refused"));
        assertEquals(Direction.OUTPUT, PactlParser.newStream("Event 'new' on sink-input #12"));
        assertEquals(Direction.INPUT, PactlParser.newStream("Event 'new' on source-output #3"));
        assertNull(PactlParser.newStream("Event 'remove' on sink-input #12"));
        assertNull(PactlParser.newStream("Event 'new' on sink #1"));
    }

    @Test
    void sampleSpecsReadForCommonFormatsAndNotForNonsense() {
        assertEquals(new SupportedFormat(48_000, 1, 16), PactlParser.sampleSpec("s16le 1ch 48000Hz"));
        assertEquals(new SupportedFormat(96_000, 2, 32), PactlParser.sampleSpec("float32le 2ch 96000Hz"));
        assertEquals(new SupportedFormat(44_100, 6, 24), PactlParser.sampleSpec("s24-32le 6ch 44100Hz"));
        assertNull(PactlParser.sampleSpec("s16le 0ch 48000Hz"));
        assertNull(PactlParser.sampleSpec("s16le 2ch 99999999999Hz"));
        assertNull(PactlParser.sampleSpec("n/a"));
    }
}
