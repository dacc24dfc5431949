package dev.purertc.sdp;

/**
 * A line whose type letter this model does not know, kept verbatim so that formatting a parsed
 * description loses nothing (RFC 8866 §5: unknown types are ignored, not rejected). Such lines
 * are written back after the known fields of their level and before its attributes.
 *
 * @param type the line's type letter, {@code a..z}
 * @param value the text after {@code =}
 */
public record Field(char type, String value) {

  public Field {
    if (type < 'a' || type > 'z') {
      throw new IllegalArgumentException("a line type is a letter a..z, not '" + type + "'");
    }
    Fields.requireLine(value, type + "=");
  }

  /** The whole line, without its line ending. */
  public String format() {
    return type + "=" + value;
  }
}
