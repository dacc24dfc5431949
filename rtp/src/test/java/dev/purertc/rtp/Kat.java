package dev.purertc.rtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Loads known-answer packets from src/test/resources/kat: hex bytes, '#' comments. */
final class Kat {
  private Kat() {}

  static byte[] bytes(String name) {
    try (InputStream in = Kat.class.getResourceAsStream("/kat/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no known-answer file " + name);
      }
      StringBuilder hex = new StringBuilder();
      for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
        int hash = line.indexOf('#');
        hex.append((hash >= 0 ? line.substring(0, hash) : line).replaceAll("\\s", ""));
      }
      return HexFormat.of().parseHex(hex);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ByteBuffer buffer(String name) {
    return ByteBuffer.wrap(bytes(name));
  }

  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex.replaceAll("\\s", ""));
  }
}
