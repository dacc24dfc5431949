package dev.purertc.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purertc.audio.AudioEvent.DeviceAdded;
import dev.purertc.audio.AudioEvent.DeviceRemoved;
import dev.purertc.audio.AudioEvent.InterruptionBegan;
import dev.purertc.audio.AudioEvent.InterruptionEnded;
import dev.purertc.audio.AudioEvent.RouteChanged;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javax.sound.sampled.Mixer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The session against controllable javax.sound devices ({@link FakeMixerProvider}): devices are
 * plugged, unplugged, hung and made busy while capture and playback run. Timeouts are generous
 * and nothing asserts real-time timing: the machine is shared.
 */
class FakeDeviceSessionTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** Fast polls and stall detection so the tests take seconds, not minutes. */
    private static final AudioSessionConfig CONFIG = AudioSessionConfig.defaults().withSoundServerWatcher(false)
            .withTimings(50, 400, 1500);

    private final EventLog log = new EventLog();
    private final List<AudioFrame> frames = new CopyOnWriteArrayList<>();
    private AudioSession session;

    @BeforeEach
    void noDevices() {
        FakeDevice.unplugAll();
    }

    @AfterEach
    void closeSession() {
        if (session != null) {
            session.close();
        }
        FakeDevice.unplugAll();
    }

    private void awaitFrames(int more) {
        int target = frames.size() + more;
        EventLog.until(() -> frames.size() >= target, WAIT, more + " more captured frames");
    }

    private static void awaitBytes(AtomicLong counter, long more, String what) {
        long target = counter.get() + more;
        EventLog.until(() -> counter.get() >= target, WAIT, what);
    }

    @Test
    void aDeviceWithout48kHzIsCapturedThroughTheResamplerAsTimestamped48kHzFrames() {
        FakeDevice mic = FakeDevice.plug("Fake Mic 44k stereo", true, false, 44_100, 2);
        mic.toneHz = 1000;
        session = AudioSession.open(CONFIG, log);
        session.startCapture(1, frames::add);
        awaitFrames(60);
        List<AudioFrame> got = List.copyOf(frames);
        short[] joined = new short[50 * 960];
        for (int i = 0; i < 50; i++) {
            AudioFrame f = got.get(i + 10); // past the resampler's ramp-up
            assertEquals(1, f.channels());
            System.arraycopy(f.samples(), 0, joined, i * 960, 960);
        }
        assertEquals(1000.0, Signals.frequencyHz(joined, 48_000), 0.5);
        for (int i = 1; i < got.size(); i++) {
            assertTrue(got.get(i).timestampNanos() > got.get(i - 1).timestampNanos(), "timestamps increase");
        }
        // The fake tone is at -6 dBFS peak: -9 dBFS RMS.
        assertEquals(-9.03, session.inputLevelDbfs(), 0.3);
    }

    @Test
    void playbackToADeviceWithout48kHzIsConvertedToItsRateAndChannels() {
        FakeDevice speaker = FakeDevice.plug("Fake Speaker 44k stereo", false, true, 44_100, 2);
        session = AudioSession.open(CONFIG, log);
        session.startPlayback(new ToneSource(1000, -6, 1));
        awaitBytes(speaker.bytesWritten, 44_100 * 4, "a second of audio at 44.1 kHz stereo");
        byte[] played;
        synchronized (speaker.played) {
            played = speaker.played.toByteArray();
        }
        short[] left = new short[played.length / 4];
        short[] right = new short[played.length / 4];
        for (int i = 0; i < left.length; i++) {
            left[i] = (short) ((played[4 * i] & 0xFF) | (played[4 * i + 1] << 8));
            right[i] = (short) ((played[4 * i + 2] & 0xFF) | (played[4 * i + 3] << 8));
        }
        // Past the resampler's ramp-up: the tone at 44.1 kHz, the same in both channels.
        short[] steady = java.util.Arrays.copyOfRange(left, 4410, left.length);
        assertEquals(1000.0, Signals.frequencyHz(steady, 44_100), 0.5);
        assertEquals(java.util.Arrays.toString(java.util.Arrays.copyOfRange(left, 4410, 4500)),
                java.util.Arrays.toString(java.util.Arrays.copyOfRange(right, 4410, 4500)));
        assertEquals(-9.03, LevelMeter.dbfs(steady, 0, steady.length), 0.1);
    }

    @Test
    void aPluggedHeadsetTakesThePlaybackAndUnpluggingItFallsBackToTheSpeakerWhileAudioFlows() {
        FakeDevice speaker = FakeDevice.plug("Fake Speaker", true, true, 48_000, 2);
        session = AudioSession.open(CONFIG, log);
        session.startPlayback(new ToneSource(440, -12, 2));
        session.startCapture(1, frames::add);
        awaitBytes(speaker.bytesWritten, 48_000, "audio to the speaker");

        FakeDevice headset = FakeDevice.plug("Fake USB Headset", false, true, 48_000, 2);
        log.await(DeviceAdded.class, e -> e.device().id().equals(headset.outputId()), WAIT);
        RouteChanged toHeadset = log.await(RouteChanged.class, e -> e.current() != null
                && e.current().id().equals(headset.outputId()), WAIT);
        assertEquals(speaker.outputId(), toHeadset.previous().id());
        assertEquals(RouteChangeReason.NEW_DEVICE_AVAILABLE, toHeadset.reason());
        awaitBytes(headset.bytesWritten, 48_000, "audio to the headset");

        headset.unplug();
        log.await(DeviceRemoved.class, e -> e.device().id().equals(headset.outputId()), WAIT);
        RouteChanged back = log.await(RouteChanged.class, e -> e.previous() != null
                && e.previous().id().equals(headset.outputId()), WAIT);
        assertEquals(speaker.outputId(), back.current().id());
        assertEquals(RouteChangeReason.OLD_DEVICE_UNAVAILABLE, back.reason());
        awaitBytes(speaker.bytesWritten, 48_000, "audio to the speaker again");
        awaitFrames(25); // capture ran on through all of it
        assertFalse(log.all().stream().anyMatch(e -> e instanceof InterruptionBegan i && i.direction() == Direction.INPUT),
                "capture was never interrupted: " + log.all());
        assertTrue(session.outputLevelDbfs() > -20, "output meter sees the tone: " + session.outputLevelDbfs());
    }

    @Test
    void aDeviceTheUserChoseStaysChosenWhenAHeadsetIsPlugged() throws Exception {
        FakeDevice speaker = FakeDevice.plug("Fake Speaker", false, true, 48_000, 2);
        FakeDevice hdmi = FakeDevice.plug("Fake HDMI", false, true, 48_000, 2);
        session = AudioSession.open(CONFIG, log);
        assertEquals(speaker.outputId(), session.route(Direction.OUTPUT).orElseThrow().id());
        session.startPlayback(new SilenceSource(2));
        session.select(Direction.OUTPUT, DeviceSelector.byName("hdmi"));
        awaitBytes(hdmi.bytesWritten, 48_000, "audio to the chosen HDMI output");
        FakeDevice headset = FakeDevice.plug("Fake Bluetooth Headset", false, true, 48_000, 2);
        log.await(DeviceAdded.class, e -> e.device().id().equals(headset.outputId()), WAIT);
        awaitBytes(hdmi.bytesWritten, 48_000, "audio still to HDMI");
        assertEquals(hdmi.outputId(), session.route(Direction.OUTPUT).orElseThrow().id());
        assertEquals(0, headset.bytesWritten.get());
    }

    @Test
    void aHungMicrophoneInterruptsCaptureAndItsRecoveryEndsTheInterruption() {
        FakeDevice mic = FakeDevice.plug("Fake Mic", true, false, 48_000, 1);
        session = AudioSession.open(CONFIG, log);
        session.startCapture(1, frames::add);
        awaitFrames(10);
        mic.hung = true;
        InterruptionBegan began = log.await(InterruptionBegan.class, e -> e.direction() == Direction.INPUT, WAIT);
        assertTrue(began.why().startsWith("line stalled"), began.why());
        mic.hung = false;
        log.await(InterruptionEnded.class, e -> e.direction() == Direction.INPUT, WAIT);
        awaitFrames(10);
    }

    @Test
    void losingTheOnlyMicrophoneInterruptsAndPluggingItBackResumesCapture() {
        FakeDevice mic = FakeDevice.plug("Fake Mic", true, false, 48_000, 1);
        session = AudioSession.open(CONFIG, log);
        session.startCapture(1, frames::add);
        awaitFrames(10);
        mic.unplug();
        log.await(DeviceRemoved.class, e -> e.device().id().equals(mic.inputId()), WAIT);
        log.await(RouteChanged.class, e -> e.current() == null && e.direction() == Direction.INPUT, WAIT);
        log.await(InterruptionBegan.class, e -> e.direction() == Direction.INPUT, WAIT);
        log.clear();
        FakeDevice again = FakeDevice.plug("Fake Mic", true, false, 48_000, 1);
        RouteChanged back = log.await(RouteChanged.class, e -> e.current() != null && e.previous() == null
                && e.direction() == Direction.INPUT, WAIT);
        assertEquals(mic.inputId(), back.current().id(), "the same device comes back with the same id");
        log.await(InterruptionEnded.class, e -> e.direction() == Direction.INPUT, WAIT);
        awaitBytes(again.bytesRead, 48_000, "capture from the replugged mic");
        awaitFrames(10);
    }

    @Test
    void mutingSendsSilenceWhileTheMeterStillHearsTheMicrophone() {
        FakeDevice.plug("Fake Mic", true, false, 48_000, 1);
        session = AudioSession.open(CONFIG, log);
        session.startCapture(1, frames::add);
        awaitFrames(5);
        session.setInputMuted(true);
        awaitFrames(3); // let a frame in flight pass
        int from = frames.size();
        awaitFrames(10);
        for (AudioFrame f : frames.subList(from, from + 10)) {
            assertEquals(LevelMeter.FLOOR_DBFS, LevelMeter.dbfs(f.samples(), 0, 960));
        }
        assertTrue(session.inputLevelDbfs() > -20, "meter: " + session.inputLevelDbfs());
        session.setInputMuted(false);
        awaitFrames(3);
        int unmuted = frames.size();
        awaitFrames(2);
        assertTrue(LevelMeter.dbfs(frames.get(unmuted).samples(), 0, 960) > -20);
    }

    @Test
    void mutingBeforeCaptureStartsSendsSilenceFromTheFirstFrame() {
        FakeDevice.plug("Fake Mic", true, false, 48_000, 1);
        session = AudioSession.open(CONFIG, log);
        session.setInputMuted(true); // the user mutes before the call starts
        session.startCapture(1, frames::add);
        awaitFrames(10);
        for (AudioFrame f : frames.subList(0, 10)) {
            assertEquals(LevelMeter.FLOOR_DBFS, LevelMeter.dbfs(f.samples(), 0, 960), "a muted frame carried audio");
        }
        assertTrue(session.inputLevelDbfs() > -20, "meter: " + session.inputLevelDbfs());
    }

    @Test
    void aRoutePolicyThatThrowsOnceDoesNotStopTheDeviceWatcher() {
        java.util.concurrent.atomic.AtomicBoolean thrown = new java.util.concurrent.atomic.AtomicBoolean();
        RoutePolicy flaky = c -> {
            if (c.added().stream().anyMatch(d -> d.name().contains("Trigger")) && thrown.compareAndSet(false, true)) {
                throw new IllegalStateException("a bug in the caller's policy");
            }
            return RoutePolicy.phoneLike().choose(c);
        };
        session = AudioSession.open(CONFIG.withPolicy(flaky), log);
        FakeDevice.plug("Fake Trigger", false, true, 48_000, 2);
        EventLog.until(thrown::get, WAIT, "the policy threw");
        FakeDevice later = FakeDevice.plug("Fake Speaker", false, true, 48_000, 2);
        log.await(DeviceAdded.class, e -> e.device().id().equals(later.outputId()), WAIT);
    }

    @Test
    void aBusyOrMissingDeviceIsAOneLineErrorNamingIt() throws Exception {
        FakeDevice busy = FakeDevice.plug("Fake Busy Mic", true, false, 48_000, 1);
        busy.busy = true;
        AudioDevice device = JavaSoundDevices.list().stream().filter(d -> d.id().equals(busy.inputId())).findFirst()
                .orElseThrow();
        Mixer.Info mixer = JavaSoundDevices.find(device).orElseThrow();
        AudioDeviceException e = assertThrows(AudioDeviceException.class,
                () -> OpenedLine.open(mixer, device, Direction.INPUT, 1, 60));
        assertEquals("audio device javasound:Fake Busy Mic:input \"Fake Busy Mic\" is busy or unavailable: "
                + "Device or resource busy", e.getMessage());
        session = AudioSession.open(CONFIG, log);
        AudioDeviceException missing = assertThrows(AudioDeviceException.class,
                () -> session.select(Direction.INPUT, DeviceSelector.byName("Yeti")));
        assertEquals("audio device name~Yeti is not an available input device", missing.getMessage());
        // A busy device does not stop the session: capture keeps retrying and reports nothing false.
        session.startCapture(1, frames::add);
        busy.busy = false;
        awaitFrames(5);
    }

    @Test
    void theDeviceListPrintsOneLinePerDeviceWithFormatsAndDefaults() {
        FakeDevice.plug("Fake Speaker", true, true, 48_000, 2);
        FakeDevice.plug("Fake USB Headset", false, true, 44_100, 2);
        session = AudioSession.open(CONFIG, log);
        assertEquals(List.of(
                "input   javasound:Fake Speaker:input  \"Fake Speaker\"  default  [48000 Hz/2 ch/16 bit]",
                "output  javasound:Fake Speaker:output  \"Fake Speaker\"  default  [48000 Hz/2 ch/16 bit]",
                "output  javasound:Fake USB Headset:output  \"Fake USB Headset\"  headset  [44100 Hz/2 ch/16 bit]"),
                session.devices().stream().map(AudioDevice::format).toList());
        session.close();
        session.close(); // idempotent
    }
}
