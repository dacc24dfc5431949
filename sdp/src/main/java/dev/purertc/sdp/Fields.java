package dev.purertc.sdp;

import java.util.List;

/**
 * Reading the small pieces SDP lines are made of: numbers in a range, tokens, space-separated
 * lists. Each failure names the field so that the caller's {@link SdpParseException} says where.
 */
final class Fields {
  private Fields() {}

  /** Splits on runs of spaces (lenient: one or more SP between fields; RFC 8866 says one). */
  static List<String> split(String value) {
    String trimmed = value.strip();
    if (trimmed.isEmpty()) {
      return List.of();
    }
    return List.of(trimmed.split(" +"));
  }

  /** Like {@link #split} but demands at least {@code min} fields. */
  static List<String> split(String value, int min, String field, String shape) {
    List<String> parts = split(value);
    if (parts.size() < min) {
      throw new SdpParseException(field + ": expected '" + shape + "' but got '" + value + "'");
    }
    return parts;
  }

  static int integer(String text, String field, long min, long max) {
    return (int) number(text, field, min, max);
  }

  /** A decimal number of at most 19 digits in [min, max]; no sign, no leading '+'. */
  static long number(String text, String field, long min, long max) {
    if (text.isEmpty() || text.length() > 19) {
      throw new SdpParseException(field + ": '" + text + "' is not a number");
    }
    long value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new SdpParseException(field + ": '" + text + "' is not a number");
      }
      value = value * 10 + (c - '0');
      if (value < 0) { // 19 nines overflow a long
        throw new SdpParseException(field + ": '" + text + "' is too large");
      }
    }
    if (value < min || value > max) {
      throw new SdpParseException(field + ": " + value + " is not in " + min + ".." + max);
    }
    return value;
  }

  /** RFC 8866 token: visible ASCII except the separators it excludes. */
  static boolean isToken(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = c == '!' || (c >= '#' && c <= '\'') || c == '*' || c == '+' || c == '-'
          || c == '.' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= '^' && c <= '~');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  static String token(String text, String field) {
    if (!isToken(text)) {
      throw new SdpParseException(field + ": '" + text + "' is not a token");
    }
    return text;
  }

  /** Visible characters with no spaces: what most SDP fields other than free text hold. */
  static boolean isWord(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= ' ' || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  static String word(String text, String field) {
    if (!isWord(text)) {
      throw new SdpParseException(field + ": '" + text + "' must be non-empty with no spaces");
    }
    return text;
  }

  /** For record constructors: a word-like field, or an IllegalArgumentException naming it. */
  static String requireWord(String text, String field) {
    if (text == null || !isWord(text)) {
      throw new IllegalArgumentException(field + " must be non-empty with no spaces: " + text);
    }
    return text;
  }

  /** For record constructors: free text that fits on one SDP line. */
  static String requireLine(String text, String field) {
    if (text == null) {
      throw new IllegalArgumentException(field + " is null");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\n' || c == 0) {
        throw new IllegalArgumentException(field + " must not contain CR, LF or NUL");
      }
    }
    return text;
  }
}
