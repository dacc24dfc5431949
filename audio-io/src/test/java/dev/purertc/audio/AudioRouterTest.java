package dev.purertc.audio;

import static dev.purertc.audio.Devices.input;
import static dev.purertc.audio.Devices.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purertc.audio.AudioEvent.DeviceAdded;
import dev.purertc.audio.AudioEvent.DeviceRemoved;
import dev.purertc.audio.AudioEvent.InterruptionBegan;
import dev.purertc.audio.AudioEvent.InterruptionEnded;
import dev.purertc.audio.AudioEvent.RouteChanged;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudioRouterTest {
    private final AudioDevice speaker = output("Speaker", true, false);
    private final AudioDevice hdmi = output("HDMI", false, false);
    private final AudioDevice headset = output("USB Headset", false, true);
    private final AudioDevice mic = input("Mic", true, false);
    private final AudioRouter router = new AudioRouter(RoutePolicy.phoneLike());

    private List<AudioEvent> drain() {
        List<AudioEvent> events = new ArrayList<>();
        AudioEvent e;
        while ((e = router.poll()) != null) {
            events.add(e);
        }
        return events;
    }

    @Test
    void firstListAnnouncesEveryDeviceThenRoutesEachDirectionToItsDefault() {
        router.updateDevices(List.of(mic, hdmi, speaker));
        assertEquals(List.of(new DeviceAdded(mic), new DeviceAdded(hdmi), new DeviceAdded(speaker),
                new RouteChanged(Direction.INPUT, null, mic, RouteChangeReason.DEVICE_AVAILABLE),
                new RouteChanged(Direction.OUTPUT, null, speaker, RouteChangeReason.DEVICE_AVAILABLE)), drain());
        assertEquals(speaker, router.route(Direction.OUTPUT).orElseThrow());
    }

    @Test
    void pluggedHeadsetBecomesTheRouteAndUnpluggingFallsBackToTheDefaultWithoutInterruption() {
        router.updateDevices(List.of(mic, speaker));
        drain();
        router.updateDevices(List.of(mic, speaker, headset));
        assertEquals(List.of(new DeviceAdded(headset),
                new RouteChanged(Direction.OUTPUT, speaker, headset, RouteChangeReason.NEW_DEVICE_AVAILABLE)), drain());
        router.updateDevices(List.of(mic, speaker));
        assertEquals(List.of(new DeviceRemoved(headset),
                new RouteChanged(Direction.OUTPUT, headset, speaker, RouteChangeReason.OLD_DEVICE_UNAVAILABLE)), drain());
        assertFalse(router.isInterrupted(Direction.OUTPUT));
    }

    @Test
    void aDeviceThatIsNotHeadsetLikeAppearsWithoutTakingTheRoute() {
        router.updateDevices(List.of(speaker));
        drain();
        router.updateDevices(List.of(speaker, hdmi));
        assertEquals(List.of(new DeviceAdded(hdmi)), drain());
        assertEquals(speaker, router.route(Direction.OUTPUT).orElseThrow());
    }

    @Test
    void aDeviceChosenByTheUserStaysChosenWhenAHeadsetIsPluggedAndComesBackWithTheDevice() throws Exception {
        router.updateDevices(List.of(speaker, hdmi));
        drain();
        router.select(Direction.OUTPUT, DeviceSelector.byName("hdm"));
        assertEquals(List.of(new RouteChanged(Direction.OUTPUT, speaker, hdmi, RouteChangeReason.USER_SELECTED)), drain());
        router.updateDevices(List.of(speaker, hdmi, headset));
        assertEquals(List.of(new DeviceAdded(headset)), drain());
        router.updateDevices(List.of(speaker, headset));
        assertEquals(List.of(new DeviceRemoved(hdmi),
                new RouteChanged(Direction.OUTPUT, hdmi, speaker, RouteChangeReason.OLD_DEVICE_UNAVAILABLE)), drain());
        router.updateDevices(List.of(speaker, headset, hdmi));
        assertEquals(List.of(new DeviceAdded(hdmi),
                new RouteChanged(Direction.OUTPUT, speaker, hdmi, RouteChangeReason.NEW_DEVICE_AVAILABLE)), drain());
        router.followDefault(Direction.OUTPUT);
        assertEquals(List.of(new RouteChanged(Direction.OUTPUT, hdmi, speaker, RouteChangeReason.DEFAULT_CHANGED)), drain());
    }

    @Test
    void theRouteFollowsAChangedDefaultButNotAwayFromAHeadset() {
        router.updateDevices(List.of(speaker, hdmi));
        drain();
        AudioDevice hdmiDefault = output("HDMI", true, false);
        AudioDevice speakerPlain = output("Speaker", false, false);
        router.updateDevices(List.of(speakerPlain, hdmiDefault));
        assertEquals(List.of(new RouteChanged(Direction.OUTPUT, speaker, hdmiDefault, RouteChangeReason.DEFAULT_CHANGED)),
                drain());
        router.updateDevices(List.of(speakerPlain, hdmiDefault, headset));
        drain();
        router.updateDevices(List.of(speaker, hdmi, headset)); // default back to the speaker
        assertEquals(List.of(), drain());
        assertEquals(headset, router.route(Direction.OUTPUT).orElseThrow());
    }

    @Test
    void losingTheLastDeviceInterruptsAndItsReturnEndsTheInterruption() {
        router.updateDevices(List.of(mic, speaker));
        drain();
        router.updateDevices(List.of(speaker));
        assertEquals(List.of(new DeviceRemoved(mic),
                new RouteChanged(Direction.INPUT, mic, null, RouteChangeReason.OLD_DEVICE_UNAVAILABLE),
                new InterruptionBegan(Direction.INPUT, "no input device left")), drain());
        assertTrue(router.isInterrupted(Direction.INPUT));
        router.updateDevices(List.of(mic, speaker));
        assertEquals(List.of(new DeviceAdded(mic),
                new RouteChanged(Direction.INPUT, null, mic, RouteChangeReason.DEVICE_AVAILABLE),
                new InterruptionEnded(Direction.INPUT)), drain());
    }

    @Test
    void aStalledLineInterruptsUntilItFlowsEvenWhenItsDeviceComesBack() {
        router.updateDevices(List.of(mic, speaker));
        drain();
        router.lineStalled(Direction.INPUT, "line stalled: no audio for 1000 ms");
        router.lineStalled(Direction.INPUT, "again");
        assertEquals(List.of(new InterruptionBegan(Direction.INPUT, "line stalled: no audio for 1000 ms")), drain());
        router.updateDevices(List.of(speaker));
        router.updateDevices(List.of(mic, speaker));
        assertEquals(List.of(new DeviceRemoved(mic),
                new RouteChanged(Direction.INPUT, mic, null, RouteChangeReason.OLD_DEVICE_UNAVAILABLE),
                new DeviceAdded(mic),
                new RouteChanged(Direction.INPUT, null, mic, RouteChangeReason.DEVICE_AVAILABLE)), drain());
        assertTrue(router.isInterrupted(Direction.INPUT));
        router.lineRecovered(Direction.INPUT);
        assertEquals(List.of(new InterruptionEnded(Direction.INPUT)), drain());
        router.lineRecovered(Direction.INPUT);
        assertEquals(List.of(), drain());
    }

    @Test
    void selectingADeviceThatIsNotThereNamesTheSelector() {
        router.updateDevices(List.of(speaker));
        AudioDeviceException e = assertThrows(AudioDeviceException.class,
                () -> router.select(Direction.OUTPUT, DeviceSelector.byId("test:Bluetooth:output")));
        assertEquals("audio device id=test:Bluetooth:output is not an available output device", e.getMessage());
        assertThrows(AudioDeviceException.class, () -> router.select(Direction.INPUT, DeviceSelector.byName("Speaker")));
    }

    @Test
    void aCallersPolicyReplacesThePhoneLikeOne() {
        // Never switch to a new device; only replace a lost one with the first left.
        RoutePolicy sticky = c -> c.currentAvailable() ? c.find(c.current().id()).orElseThrow()
                : c.available().stream().findFirst().orElse(null);
        AudioRouter custom = new AudioRouter(sticky);
        custom.updateDevices(List.of(hdmi, speaker));
        custom.updateDevices(List.of(hdmi, speaker, headset));
        assertEquals(hdmi, custom.route(Direction.OUTPUT).orElseThrow());
    }

    @Test
    void aPolicyChoosingADeviceThatIsNotAvailableIsRefused() {
        AudioRouter broken = new AudioRouter(c -> headset);
        assertThrows(IllegalStateException.class, () -> broken.updateDevices(List.of(speaker)));
    }

    @Test
    void eventsPrintAsOneLineEach() {
        assertEquals("route-changed output: test:Speaker:output \"Speaker\" -> test:USB Headset:output \"USB Headset\""
                + " (NEW_DEVICE_AVAILABLE)", new RouteChanged(Direction.OUTPUT, speaker, headset,
                RouteChangeReason.NEW_DEVICE_AVAILABLE).format());
        assertEquals("device-added input: test:Mic:input \"Mic\"", new DeviceAdded(mic).format());
        assertEquals("interruption-ended input", new InterruptionEnded(Direction.INPUT).format());
        assertEquals("output  test:USB Headset:output  \"USB Headset\"  headset  [48000 Hz/2 ch/16 bit]", headset.format());
    }
}
