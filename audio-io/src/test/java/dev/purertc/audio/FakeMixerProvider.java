package dev.purertc.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Control;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineListener;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;
import javax.sound.sampled.spi.MixerProvider;

/**
 * A javax.sound {@link MixerProvider} over the {@link FakeDevice}s, registered in
 * {@code META-INF/services/javax.sound.sampled.spi.MixerProvider} of the test resources.
 */
public final class FakeMixerProvider extends MixerProvider {
    @Override
    public Mixer.Info[] getMixerInfo() {
        List<Mixer.Info> infos = new ArrayList<>();
        for (FakeDevice d : FakeDevice.plugged()) {
            infos.add(d.mixer.info);
        }
        return infos.toArray(new Mixer.Info[0]);
    }

    @Override
    public Mixer getMixer(Mixer.Info info) {
        for (FakeDevice d : FakeDevice.plugged()) {
            if (d.mixer.info == info || d.mixer.info.equals(info)) {
                return d.mixer;
            }
        }
        throw new IllegalArgumentException("no fake mixer " + info);
    }

    static final class FakeInfo extends Mixer.Info {
        FakeInfo(String name) {
            super(name, "PureRTC tests", "controllable fake sound card", "1");
        }
    }

    /** What the fake mixer and its lines share: no controls, no line events. */
    abstract static class PlainLine implements Line {
        @Override
        public Control[] getControls() {
            return new Control[0];
        }

        @Override
        public boolean isControlSupported(Control.Type control) {
            return false;
        }

        @Override
        public Control getControl(Control.Type control) {
            throw new IllegalArgumentException("no controls");
        }

        @Override
        public void addLineListener(LineListener listener) {
        }

        @Override
        public void removeLineListener(LineListener listener) {
        }
    }

    /** One device as a mixer with at most one capture and one playback line type. */
    static final class FakeMixer extends PlainLine implements Mixer {
        final FakeDevice device;
        final FakeInfo info;

        FakeMixer(FakeDevice device) {
            this.device = device;
            this.info = new FakeInfo(device.name);
        }

        private AudioFormat format() {
            return new AudioFormat(device.sampleRate, 16, device.channels, true, false);
        }

        private DataLine.Info lineInfo(Class<?> type) {
            return new DataLine.Info(type, new AudioFormat[] {format()}, 64, 1 << 20);
        }

        @Override
        public Mixer.Info getMixerInfo() {
            return info;
        }

        @Override
        public Line.Info[] getSourceLineInfo() {
            return device.output ? new Line.Info[] {lineInfo(SourceDataLine.class)} : new Line.Info[0];
        }

        @Override
        public Line.Info[] getTargetLineInfo() {
            return device.input ? new Line.Info[] {lineInfo(TargetDataLine.class)} : new Line.Info[0];
        }

        @Override
        public Line.Info[] getSourceLineInfo(Line.Info i) {
            return isLineSupported(i) && device.output ? getSourceLineInfo() : new Line.Info[0];
        }

        @Override
        public Line.Info[] getTargetLineInfo(Line.Info i) {
            return isLineSupported(i) && device.input ? getTargetLineInfo() : new Line.Info[0];
        }

        @Override
        public boolean isLineSupported(Line.Info requested) {
            if (!(requested instanceof DataLine.Info data)) {
                return false;
            }
            boolean target = data.getLineClass().isAssignableFrom(TargetDataLine.class) && device.input;
            boolean source = data.getLineClass().isAssignableFrom(SourceDataLine.class) && device.output;
            if (!target && !source) {
                return false;
            }
            for (AudioFormat f : data.getFormats()) {
                if (!format().matches(f)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Line getLine(Line.Info requested) throws LineUnavailableException {
            if (!isLineSupported(requested)) {
                throw new IllegalArgumentException("not supported: " + requested);
            }
            boolean capture = ((DataLine.Info) requested).getLineClass().isAssignableFrom(TargetDataLine.class);
            return new FakeLine(device, capture, lineInfo(capture ? TargetDataLine.class : SourceDataLine.class));
        }

        @Override
        public int getMaxLines(Line.Info i) {
            return AudioSystem.NOT_SPECIFIED;
        }

        @Override
        public Line[] getSourceLines() {
            return new Line[0];
        }

        @Override
        public Line[] getTargetLines() {
            return new Line[0];
        }

        @Override
        public void synchronize(Line[] lines, boolean maintainSync) {
            throw new IllegalArgumentException("no synchronisation");
        }

        @Override
        public void unsynchronize(Line[] lines) {
            throw new IllegalArgumentException("no synchronisation");
        }

        @Override
        public boolean isSynchronizationSupported(Line[] lines, boolean maintainSync) {
            return false;
        }

        @Override
        public Line.Info getLineInfo() {
            return new Line.Info(Mixer.class);
        }

        @Override
        public void open() {
        }

        @Override
        public void close() {
        }

        @Override
        public boolean isOpen() {
            return true;
        }

    }

    /** A capture or playback line paced by the wall clock like a sound card. */
    static final class FakeLine extends PlainLine implements TargetDataLine, SourceDataLine {
        private final FakeDevice device;
        private final boolean capture;
        private final DataLine.Info info;
        private volatile boolean open;
        private volatile boolean running;
        private AudioFormat format;
        private int bufferSize;
        private long startNanos;
        private long frames;
        private double phase;

        FakeLine(FakeDevice device, boolean capture, DataLine.Info info) {
            this.device = device;
            this.capture = capture;
            this.info = info;
        }

        @Override
        public void open(AudioFormat f, int bufferBytes) throws LineUnavailableException {
            if (device.busy) {
                throw new LineUnavailableException("Device or resource busy");
            }
            if (!device.present) {
                throw new LineUnavailableException("No such device");
            }
            this.format = f;
            this.bufferSize = bufferBytes;
            this.open = true;
        }

        @Override
        public void open(AudioFormat f) throws LineUnavailableException {
            open(f, f.getFrameSize() * Math.round(f.getFrameRate()) / 10);
        }

        @Override
        public void open() throws LineUnavailableException {
            open(new AudioFormat(device.sampleRate, 16, device.channels, true, false));
        }

        /** Waits until the wall clock has reached the end of {@code wanted} more frames; false if the line went away. */
        private boolean pace(long wanted) {
            while (open && device.present) {
                if (device.hung) {
                    LockSupport.parkNanos(5_000_000);
                    continue;
                }
                long due = startNanos + (frames + wanted) * 1_000_000_000L / device.sampleRate
                        - (capture ? 0 : (long) bufferSize / format.getFrameSize() * 1_000_000_000L / device.sampleRate);
                long wait = due - System.nanoTime();
                if (wait <= 0) {
                    return true;
                }
                LockSupport.parkNanos(Math.min(wait, 5_000_000));
            }
            return false;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int frameSize = format.getFrameSize();
            int n = len / frameSize;
            if (!open || !device.present || !pace(n)) {
                return 0;
            }
            double step = 2 * Math.PI * device.toneHz / device.sampleRate;
            for (int i = 0; i < n; i++) {
                short s = (short) Math.round(16384 * Math.sin(phase));
                phase += step;
                for (int c = 0; c < format.getChannels(); c++) {
                    int at = off + i * frameSize + c * 2;
                    b[at] = (byte) s;
                    b[at + 1] = (byte) (s >> 8);
                }
            }
            frames += n;
            device.bytesRead.addAndGet((long) n * frameSize);
            return n * frameSize;
        }

        @Override
        public int write(byte[] b, int off, int len) {
            int n = len / format.getFrameSize();
            if (!open || !device.present || !pace(n)) {
                return 0;
            }
            frames += n;
            device.bytesWritten.addAndGet((long) n * format.getFrameSize());
            synchronized (device.played) {
                if (device.played.size() < 48_000 * 4 * 2) {
                    device.played.write(b, off, n * format.getFrameSize());
                }
            }
            return n * format.getFrameSize();
        }

        @Override
        public void start() {
            startNanos = System.nanoTime();
            frames = 0;
            running = true;
        }

        @Override
        public void stop() {
            running = false;
        }

        @Override
        public void close() {
            open = false;
            running = false;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public boolean isActive() {
            return running;
        }

        @Override
        public void drain() {
        }

        @Override
        public void flush() {
        }

        @Override
        public AudioFormat getFormat() {
            return format;
        }

        @Override
        public int getBufferSize() {
            return bufferSize;
        }

        @Override
        public int available() {
            return 0;
        }

        @Override
        public int getFramePosition() {
            return (int) frames;
        }

        @Override
        public long getLongFramePosition() {
            return frames;
        }

        @Override
        public long getMicrosecondPosition() {
            return frames * 1_000_000L / device.sampleRate;
        }

        @Override
        public float getLevel() {
            return AudioSystem.NOT_SPECIFIED;
        }

        @Override
        public Line.Info getLineInfo() {
            return info;
        }

    }
}
