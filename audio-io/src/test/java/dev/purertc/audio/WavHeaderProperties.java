package dev.purertc.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class WavHeaderProperties {
    @Property
    void aCanonicalHeaderParsesBackToItself(@ForAll @IntRange(min = 1, max = 768_000) int rate,
                                           @ForAll @IntRange(min = 1, max = 16) int channels,
                                           @ForAll @IntRange(min = 0, max = 1_000_000) int frames) throws Exception {
        WavHeader h = WavHeader.canonical(rate, channels, (long) frames * 2 * channels);
        ByteBuffer b = ByteBuffer.allocate(44);
        assertEquals(44, h.writeTo(b));
        b.flip();
        assertEquals(h, WavHeader.parse(b, -1));
    }

    @Property(tries = 2000)
    void arbitraryBytesFailOnlyWithWavFormatException(@ForAll("files") byte[] file) {
        try {
            WavHeader.parse(ByteBuffer.wrap(file), file.length);
        } catch (WavFormatException e) {
            // the one documented failure
        }
    }

    @Provide
    Arbitrary<byte[]> files() {
        // Half random bytes, half a valid header with bytes flipped, so the checks past "RIFF" are reached.
        ByteBuffer valid = ByteBuffer.allocate(44 + 64);
        WavHeader.canonical(48_000, 2, 64).writeTo(valid);
        byte[] template = valid.array();
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(120);
        Arbitrary<byte[]> mutated = Arbitraries.integers().between(0, 43).list().ofMaxSize(6)
                .flatMap(positions -> Arbitraries.bytes().list().ofSize(positions.size()).map(values -> {
                    byte[] b = template.clone();
                    for (int i = 0; i < positions.size(); i++) {
                        b[positions.get(i)] = values.get(i);
                    }
                    return b;
                }));
        Arbitrary<byte[]> cut = Arbitraries.integers().between(0, template.length)
                .map(n -> java.util.Arrays.copyOf(template, n));
        return Arbitraries.oneOf(random, mutated, cut);
    }

    @Property
    void aHeaderNeverClaimsMoreDataThanTheFileHas(@ForAll @Size(max = 8) byte[] tail,
                                                  @ForAll @IntRange(min = 0, max = 2000) int claimed) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(44 + tail.length);
        WavHeader.canonical(8000, 1, claimed * 2L).writeTo(b);
        b.put(tail).flip();
        WavHeader h = WavHeader.parse(b, 44 + tail.length);
        assertEquals(Math.min(claimed * 2, tail.length - tail.length % 2), h.dataLength());
    }
}
