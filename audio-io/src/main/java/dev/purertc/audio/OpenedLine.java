package dev.purertc.audio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;

/**
 * A data line opened at a format the device offers, with the device it stands for.
 *
 * <p>Format choice: 16-bit signed little-endian PCM; 48 kHz with the wanted channel count first,
 * then the other channel count, then 44.1, 32, 16 and 8 kHz, so no conversion is needed when the
 * device offers 48 kHz and the resampler does the rest.
 *
 * <p>Buffer: {@code bufferMillis} of the device format (the session's default is 60 ms: three
 * frames, enough to ride out a late wake-up of the audio thread on a loaded machine, and the
 * largest share of mouth-to-ear delay this layer adds).
 */
record OpenedLine(DataLine line, AudioFormat format, AudioDevice device) {
    private static final int[] RATES = {48_000, 44_100, 32_000, 16_000, 8_000};

    static OpenedLine open(Mixer.Info mixerInfo, AudioDevice device, Direction direction, int channels, int bufferMillis)
            throws AudioDeviceException {
        Mixer mixer;
        try {
            mixer = javax.sound.sampled.AudioSystem.getMixer(mixerInfo);
        } catch (RuntimeException e) {
            throw new AudioDeviceException(device.shortName(), "is not present (" + e.getMessage() + ")");
        }
        Class<? extends DataLine> lineClass = JavaSoundDevices.lineClass(direction);
        String lastFailure = null;
        for (int rate : RATES) {
            for (int ch : new int[] {channels, 3 - channels}) {
                AudioFormat format = new AudioFormat(rate, 16, ch, true, false);
                DataLine.Info info = new DataLine.Info(lineClass, format);
                if (!mixer.isLineSupported(info)) {
                    continue;
                }
                DataLine line;
                try {
                    line = (DataLine) mixer.getLine(info);
                    int bufferBytes = rate / 1000 * bufferMillis * ch * 2;
                    if (line instanceof javax.sound.sampled.TargetDataLine t) {
                        t.open(format, bufferBytes);
                    } else {
                        ((javax.sound.sampled.SourceDataLine) line).open(format, bufferBytes);
                    }
                    return new OpenedLine(line, format, device);
                } catch (LineUnavailableException e) {
                    throw new AudioDeviceException(device.shortName(), "is busy or unavailable"
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()));
                } catch (IllegalArgumentException | IllegalStateException | SecurityException e) {
                    lastFailure = e.getMessage();
                }
            }
        }
        throw new AudioDeviceException(device.shortName(), lastFailure != null
                ? "could not be opened: " + lastFailure
                : "offers no 16-bit PCM " + direction.label() + " at 48, 44.1, 32, 16 or 8 kHz");
    }

    /** Closes the line, ignoring what a dead device throws. */
    void closeQuietly() {
        try {
            line.stop();
        } catch (RuntimeException e) {
            // a dead line may refuse to stop; closing still releases it
        }
        try {
            line.close();
        } catch (RuntimeException e) {
            // nothing more to release
        }
    }
}
