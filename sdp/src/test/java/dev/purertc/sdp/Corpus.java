package dev.purertc.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The SDP corpus under src/test/resources/corpus and the fixed local side tests answer with. */
final class Corpus {
  private Corpus() {}

  /** Offers: each has an expected answer under corpus/answers/ with the same name. */
  static final List<String> OFFERS = List.of(
      "chrome-offer-audio-video-data.sdp",
      "chrome-offer-audio-trickled-candidates.sdp",
      "firefox-offer-with-candidates.sdp",
      "safari-offer-recvonly-mdns.sdp",
      "pion-offer-audio-full-gathering.sdp",
      "aiortc-offer-audio.sdp",
      "janus-ice-lite-offer-sendonly.sdp",
      "purertc-offer-to-janus.sdp");

  /** Answers from other implementations. */
  static final List<String> ANSWERS = List.of("janus-1.1.2-audiobridge-answer.sdp");

  static List<String> all() {
    return java.util.stream.Stream.concat(OFFERS.stream(), ANSWERS.stream()).toList();
  }

  /** A corpus file as stored (LF line ends). */
  static String read(String name) {
    try (InputStream in = Corpus.class.getResourceAsStream("/corpus/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no corpus file " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same text with CRLF line ends, as format() writes it. */
  static String crlf(String lf) {
    return lf.replace("\r\n", "\n").replace("\n", "\r\n");
  }

  static final Fingerprint LOCAL_FINGERPRINT = Fingerprint.parse("sha-256 "
      + "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99");

  /** A deterministic local side: the defaults with fixed credentials, ids and SSRC. */
  static AudioCapabilities local() {
    return new AudioCapabilities(AudioCapabilities.DEFAULT_CODECS,
        AudioCapabilities.DEFAULT_EXTENSIONS,
        new IceCredentials("PRTC", "purertc0purertc0purertc0"),
        List.of(LOCAL_FINGERPRINT), Direction.SENDRECV,
        Optional.of(new LocalTrack("purertc", "audio0", 305419896L, "purertc-cname")),
        true, List.of(), false, 1234567890123456789L, Setup.ACTIVE);
  }
}
