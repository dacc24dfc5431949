package dev.purertc.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purertc.audio.AudioEvent.DeviceAdded;
import dev.purertc.audio.AudioEvent.DeviceRemoved;
import dev.purertc.audio.AudioEvent.InterruptionBegan;
import dev.purertc.audio.AudioEvent.InterruptionEnded;
import dev.purertc.audio.AudioEvent.RouteChanged;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The session against a real PulseAudio 16 (Debian), started privately by the test in
 * {@code target/pulse-runtime} (see {@link PrivatePulseAudio}): a call-like capture and playback
 * through javax.sound, null sinks loaded and unloaded with pactl while it runs, and the server
 * killed and restarted. What is played to the default sink {@code vsink} is captured from its
 * monitor, so the captured tone says where the playback stream is.
 *
 * <p>No timing is asserted: PulseAudio's first second can take 2-3 s and the machine is shared.
 */
class PulseAudioSessionTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final double TONE_HZ = 1000;
    private static PrivatePulseAudio pulse;

    private final EventLog log = new EventLog();
    private final List<AudioFrame> frames = new CopyOnWriteArrayList<>();
    private AudioSession session;

    @BeforeAll
    static void startServer() throws Exception {
        pulse = new PrivatePulseAudio();
        pulse.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (pulse != null) {
            pulse.close();
        }
    }

    @BeforeEach
    void callLikeSession() throws Exception {
        FakeDevice.unplugAll();
        // A test before may have killed the server: each test starts from a fresh one.
        pulse.start();
        session = AudioSession.open(AudioSessionConfig.defaults().withTimings(200, 1000, 5000), log);
        assertTrue(session.isSoundServer(), "pactl reaches the private server");
        session.startPlayback(new ToneSource(TONE_HZ, -6, 1));
        session.startCapture(1, frames::add);
    }

    @AfterEach
    void closeSession() {
        if (session != null) {
            session.close();
        }
    }

    /**
     * Waits for {@code count} frames in a row at tone level and checks their frequency: the median
     * of per-frame estimates, because on a loaded machine a frame may hold an underrun's gap.
     */
    private void awaitTone(int count) {
        int start = frames.size();
        EventLog.until(() -> {
            int run = 0;
            for (int i = start; i < frames.size(); i++) {
                run = level(frames.get(i)) > -20 ? run + 1 : 0;
                if (run >= count) {
                    double[] hz = new double[count];
                    for (int k = 0; k < count; k++) {
                        hz[k] = Signals.frequencyHz(frames.get(i - count + 1 + k).samples(), 48_000);
                    }
                    java.util.Arrays.sort(hz);
                    assertEquals(TONE_HZ, hz[count / 2], 2.0, "median frequency of " + java.util.Arrays.toString(hz));
                    return true;
                }
            }
            return false;
        }, WAIT, count + " frames of the " + TONE_HZ + " Hz tone captured from the monitor; " + state());
    }

    /** Waits for {@code count} frames in a row of silence: the tone went elsewhere but frames keep coming. */
    private void awaitSilence(int count) {
        int from = frames.size();
        EventLog.until(() -> {
            int run = 0;
            for (int i = from; i < frames.size(); i++) {
                run = level(frames.get(i)) < -60 ? run + 1 : 0;
                if (run >= count) {
                    return true;
                }
            }
            return false;
        }, WAIT, count + " silent frames on the monitor; " + state());
    }

    /** For failure messages: the last levels, the events, and where the server has our streams. */
    private String state() {
        int n = frames.size();
        String levels = frames.subList(Math.max(0, n - 5), n).stream().map(f -> String.format("%.0f", level(f))).toList()
                .toString();
        String streams;
        try {
            streams = pulse.pactlOutput("list", "short", "sink-inputs") + pulse.pactlOutput("list", "short", "source-outputs")
                    + pulse.pactlOutput("list", "short", "sinks");
        } catch (java.io.IOException e) {
            streams = e.toString();
        }
        return "levels of the last frames " + levels + "\nevents:\n  "
                + String.join("\n  ", log.all().stream().map(AudioEvent::format).toList()) + "\nserver:\n" + streams;
    }

    private static double level(AudioFrame f) {
        return LevelMeter.dbfs(f.samples(), 0, f.samples().length);
    }

    @Test
    void sinksPluggedAndUnpluggedWithPactlMoveTheCallWhileAudioKeepsFlowing() throws Exception {
        assertEquals("pulse:vsink:output", session.route(Direction.OUTPUT).orElseThrow().id());
        assertEquals("pulse:vsink.monitor:input", session.route(Direction.INPUT).orElseThrow().id());
        awaitTone(50);

        // A headset appears: the call moves to it, so the tone leaves vsink's monitor; capture goes on.
        String headsetModule = pulse.pactlOutput("load-module", "module-null-sink", "sink_name=headset",
                "sink_properties=\"device.description=Headset device.form_factor=headset\"").trim();
        log.await(DeviceAdded.class, e -> e.device().id().equals("pulse:headset:output"), WAIT);
        RouteChanged toHeadset = log.await(RouteChanged.class, e -> e.direction() == Direction.OUTPUT
                && e.current() != null && e.current().id().equals("pulse:headset:output"), WAIT);
        assertEquals("pulse:vsink:output", toHeadset.previous().id());
        assertEquals(RouteChangeReason.NEW_DEVICE_AVAILABLE, toHeadset.reason());
        awaitSilence(25);

        // The headset goes: the call falls back to the default sink and the tone returns.
        pulse.pactl("unload-module", headsetModule);
        log.await(DeviceRemoved.class, e -> e.device().id().equals("pulse:headset:output"), WAIT);
        log.await(RouteChanged.class, e -> e.direction() == Direction.OUTPUT && e.previous() != null
                && e.previous().id().equals("pulse:headset:output") && e.current() != null, WAIT);
        EventLog.until(() -> session.route(Direction.OUTPUT).map(d -> d.id().equals("pulse:vsink:output")).orElse(false)
                && session.route(Direction.INPUT).map(d -> d.id().equals("pulse:vsink.monitor:input")).orElse(false),
                WAIT, "routes back on vsink: " + session.route(Direction.OUTPUT) + " " + session.route(Direction.INPUT));
        awaitTone(25);

        // The user picks another sink (the route picker): the tone follows it, and picking its
        // monitor as input brings the tone back to capture.
        pulse.pactl("load-module", "module-null-sink", "sink_name=other", "sink_properties=device.description=OtherSink");
        log.await(DeviceAdded.class, e -> e.device().id().equals("pulse:other:output"), WAIT);
        assertEquals("pulse:vsink:output", session.route(Direction.OUTPUT).orElseThrow().id(),
                "a sink that is not headset-like does not take the call");
        session.select(Direction.OUTPUT, DeviceSelector.byName("OtherSink"));
        awaitSilence(25);
        session.select(Direction.INPUT, DeviceSelector.byId("pulse:other.monitor:input"));
        awaitTone(25);
    }

    @Test
    void killingTheSoundServerInterruptsAndRestartingItResumesTheAudio() throws Exception {
        awaitTone(25);
        pulse.stop();
        log.await(InterruptionBegan.class, e -> e.direction() == Direction.INPUT, WAIT);
        log.await(InterruptionBegan.class, e -> e.direction() == Direction.OUTPUT, WAIT);
        pulse.start();
        log.await(InterruptionEnded.class, e -> e.direction() == Direction.INPUT, WAIT);
        log.await(InterruptionEnded.class, e -> e.direction() == Direction.OUTPUT, WAIT);
        awaitTone(25);
    }
}
