package dev.purertc.srtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/** Reads a "name: hex" known-answer file from the test resources. */
final class KnownAnswers {
  private final Map<String, byte[]> values = new HashMap<>();

  KnownAnswers(String resource) {
    try (InputStream in = KnownAnswers.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = reader.readLine()) != null; ) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int colon = line.indexOf(':');
        values.put(line.substring(0, colon).strip(),
            HexFormat.of().parseHex(line.substring(colon + 1).replace(" ", "")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] get(String name) {
    byte[] v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no known answer named " + name);
    }
    return v.clone();
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  static String hex(byte[] b, int offset, int length) {
    return HexFormat.of().formatHex(b, offset, offset + length);
  }
}
