/**
 * The audio I/O layer: the audio session a phone's OS gives an app, built for the JVM on
 * javax.sound.sampled.
 *
 * <h2>What it does</h2>
 * <ul>
 *   <li>Devices ({@link dev.purertc.audio.AudioDevice}): inputs and outputs with stable ids,
 *       names, formats and the default marked; chosen by id or name pattern
 *       ({@link dev.purertc.audio.DeviceSelector}).</li>
 *   <li>Capture and playback of 20 ms frames at 48 kHz, mono or stereo
 *       ({@link dev.purertc.audio.AudioFrame}); a device without 48 kHz is opened at a rate it has
 *       and converted with the codec layer's resampler. Playback pulls a
 *       {@link dev.purertc.audio.FrameSource} on the device clock; capture pushes to a
 *       {@link dev.purertc.audio.FrameSink}. Line buffers default to 60 ms.</li>
 *   <li>Routes ({@link dev.purertc.audio.AudioRouter}, sans I/O, with an overridable
 *       {@link dev.purertc.audio.RoutePolicy}): device added/removed, route changed (old, new,
 *       reason), interruption began/ended, as one stream of {@link dev.purertc.audio.AudioEvent}s
 *       fed by three watchers: the javax.sound mixer list, a line-health watchdog, and
 *       PulseAudio/PipeWire through {@code pactl} (which also moves this process's streams to the
 *       route the user picks). {@link dev.purertc.audio.AudioSession} drives them.</li>
 *   <li>Mute and level meters ({@link dev.purertc.audio.LevelMeter}, dBFS).</li>
 *   <li>Sources and sinks without a sound card: WAV in and out
 *       ({@link dev.purertc.audio.WavFileSource}, {@link dev.purertc.audio.WavFileSink},
 *       {@link dev.purertc.audio.WavHeader}), tone, silence, and a speech-like test signal.</li>
 * </ul>
 *
 * <h2>What it does not do</h2>
 * No echo cancellation, noise suppression or gain control; no jitter buffer (rtp/); no codecs
 * (codec/); no native code: the sound server is reached through its ALSA plugin and its
 * {@code pactl} command. Streams of this process are recognised on the server by process id, so
 * two sessions in one JVM move each other's streams. javax.sound cannot tell which mixer is the
 * system default; the first mixer offering a line is taken as default.
 *
 * <h2>Failure model</h2>
 * A missing or busy device is an {@link dev.purertc.audio.AudioDeviceException} whose one-line
 * message names the device; a running session never throws for device trouble, it reports
 * events and keeps retrying. {@link dev.purertc.audio.WavHeader#parse} throws only
 * {@link dev.purertc.audio.WavFormatException}, with the byte offset and the reason.
 */
package dev.purertc.audio;
