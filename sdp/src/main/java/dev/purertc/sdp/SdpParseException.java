package dev.purertc.sdp;

/**
 * The one exception the SDP layer throws for text it cannot read: every parser in this package
 * ({@link SessionDescription#parse(String)}, {@link Candidate#parse(String)}, each attribute's
 * {@code parse}) reports bad input with this type and nothing else.
 *
 * <p>It says where and why: the 1-based line number (0 when the text was not part of a whole
 * description, e.g. a lone trickled candidate), the offending line as written, and a reason that
 * names the field, e.g. {@code line 7: rtpmap: payload type 300 is not in 0..127}.
 */
public final class SdpParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int lineNumber;
  private final String line;
  private final String reason;

  /**
   * @param lineNumber 1-based line number, or 0 when there is no enclosing description
   * @param line the offending line as written (may be empty)
   * @param reason what was wrong, naming the field
   */
  public SdpParseException(int lineNumber, String line, String reason) {
    super(lineNumber > 0 ? "line " + lineNumber + ": " + reason : reason);
    this.lineNumber = lineNumber;
    this.line = line == null ? "" : line;
    this.reason = reason;
  }

  /** For field parsers that do not know their line yet; the description parser adds it. */
  SdpParseException(String reason) {
    this(0, "", reason);
  }

  /** The 1-based line number of the offending line, or 0 when it is not known. */
  public int lineNumber() {
    return lineNumber;
  }

  /** The offending line as it was written, without its line ending. */
  public String line() {
    return line;
  }

  /** Why the line was rejected, without the line number prefix. */
  public String reason() {
    return reason;
  }

  /**
   * Runs one of the public field parsers so that a null text, or a value that splits into
   * fields but that a record's constructor then rejects (e.g. a control character inside a
   * field), is reported as this exception like any other malformed input.
   */
  static <T> T reading(String text, java.util.function.Function<String, T> parser) {
    if (text == null) {
      throw new SdpParseException("the text is null");
    }
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) { // a record's own check, from a value that parsed
      throw new SdpParseException(e.getMessage());
    }
  }

  /** The same failure, placed at a line of a whole description. */
  SdpParseException at(int number, String text) {
    return new SdpParseException(number, text, reason);
  }
}
