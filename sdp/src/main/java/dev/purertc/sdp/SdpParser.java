package dev.purertc.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads SDP text line by line into {@link SessionDescription}.
 *
 * <p>Lenient where real peers are sloppy: LF or CRLF line ends, trailing spaces and tabs, blank
 * lines, and session or media fields out of RFC 8866 order (they are written back in order).
 * Strict where meaning would be lost: {@code v=0} must come first, {@code o=} and {@code s=}
 * must be present, fields that may appear once must not repeat, a field must be at a level
 * that allows it, and every known attribute must be well formed.
 */
final class SdpParser {
  private SdpParser() {}

  static SessionDescription parse(String sdp) {
    if (sdp == null) {
      throw new SdpParseException(0, "", "the description is null");
    }
    Session session = new Session();
    MediaBuilder current = null;
    boolean sawVersion = false;
    int number = 0;
    int start = 0;
    int lastLine = 0;
    String lastText = "";
    while (start < sdp.length()) {
      int end = sdp.indexOf('\n', start);
      if (end < 0) {
        end = sdp.length();
      }
      String raw = sdp.substring(start, end);
      start = end + 1;
      number++;
      String line = stripEnd(raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw);
      if (line.isEmpty()) {
        continue;
      }
      lastLine = number;
      lastText = line;
      try {
        checkCharacters(line);
        if (line.length() < 2 || line.charAt(1) != '=') {
          throw new SdpParseException("expected '<type>=<value>'");
        }
        char type = line.charAt(0);
        if (type < 'a' || type > 'z') {
          throw new SdpParseException("line type '" + type + "' is not a letter a..z");
        }
        String value = line.substring(2);
        if (!sawVersion) {
          if (type != 'v') {
            throw new SdpParseException("the description must start with v=0");
          }
          if (!value.equals("0")) {
            throw new SdpParseException("v=: version '" + value + "' is not 0");
          }
          sawVersion = true;
          continue;
        }
        if (type == 'v') {
          throw new SdpParseException("v= appears twice");
        }
        if (type == 'm') {
          if (current != null) {
            session.media.add(current.build());
          } else {
            session.requireHeader();
          }
          current = new MediaBuilder(MediaDescription.parseMediaLine(value));
        } else if (current != null) {
          current.add(type, value);
        } else {
          session.add(type, value);
        }
      } catch (SdpParseException e) {
        throw e.lineNumber() > 0 ? e : e.at(number, line);
      } catch (IllegalArgumentException e) { // a record rejected a value the line parser let by
        throw new SdpParseException(number, line, e.getMessage());
      }
    }
    if (!sawVersion) {
      throw new SdpParseException(Math.max(number, 1), "", "the description is empty");
    }
    try {
      if (current != null) {
        session.media.add(current.build());
      } else {
        session.requireHeader();
      }
      return session.build();
    } catch (SdpParseException e) {
      throw e.lineNumber() > 0 ? e : e.at(lastLine, lastText);
    } catch (IllegalArgumentException e) {
      throw new SdpParseException(lastLine, lastText, e.getMessage());
    }
  }

  private static String stripEnd(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
      end--;
    }
    return s.substring(0, end);
  }

  private static void checkCharacters(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\r') {
        throw new SdpParseException("a CR inside a line (only CRLF or LF end lines)");
      }
      if (c == 0) {
        throw new SdpParseException("a NUL character at column " + (i + 1));
      }
    }
  }

  /**
   * What both levels hold: {@code i=}, {@code b=}, {@code k=}, {@code a=} and lines of unknown
   * type (RFC 8866 §5 lets both levels carry them).
   */
  private abstract static class Level {
    String information;
    final List<Bandwidth> bandwidths = new ArrayList<>();
    String key;
    final List<Field> other = new ArrayList<>();
    final List<Attribute> attributes = new ArrayList<>();

    void add(char type, String value) {
      switch (type) {
        case 'i':
          information = once(type, information, value);
          break;
        case 'b':
          bandwidths.add(Bandwidth.parse(value));
          break;
        case 'k':
          key = once(type, key, value);
          break;
        case 'a':
          attributes.add(Attribute.parse(value));
          break;
        default:
          if (!addOwn(type, value)) {
            other.add(new Field(type, value));
          }
      }
    }

    /** Reads a field only this level has; false when the type is unknown here. */
    abstract boolean addOwn(char type, String value);

    static <T> T once(char type, T current, T value) {
      if (current != null) {
        throw new SdpParseException(type + "= may appear only once at this level");
      }
      return value;
    }
  }

  /** Session-level fields as they are read. */
  private static final class Session extends Level {
    Origin origin;
    String name;
    String uri;
    final List<String> emails = new ArrayList<>();
    final List<String> phones = new ArrayList<>();
    Connection connection;
    final List<Timing> timings = new ArrayList<>();
    String timeZones;
    final List<MediaDescription> media = new ArrayList<>();

    @Override
    boolean addOwn(char type, String value) {
      switch (type) {
        case 'o':
          origin = once(type, origin, Origin.parse(value));
          return true;
        case 's':
          // "s= " is the recommended empty name; trailing-space stripping must not erase it.
          name = once(type, name, value.isEmpty() ? " " : value);
          return true;
        case 'u':
          uri = once(type, uri, value);
          return true;
        case 'e':
          emails.add(value);
          return true;
        case 'p':
          phones.add(value);
          return true;
        case 'c':
          connection = once(type, connection, Connection.parse(value));
          return true;
        case 't':
          timings.add(Timing.parse(value));
          return true;
        case 'r':
          if (timings.isEmpty()) {
            throw new SdpParseException("r= must follow a t= line");
          }
          int last = timings.size() - 1;
          timings.set(last, timings.get(last).withRepeat(value));
          return true;
        case 'z':
          timeZones = once(type, timeZones, value);
          return true;
        default:
          return false;
      }
    }

    void requireHeader() {
      if (origin == null) {
        throw new SdpParseException("o= is missing before the media sections");
      }
      if (name == null) {
        throw new SdpParseException("s= is missing before the media sections");
      }
    }

    SessionDescription build() {
      return new SessionDescription(0, origin, name, Optional.ofNullable(information),
          Optional.ofNullable(uri), emails, phones, Optional.ofNullable(connection), bandwidths,
          timings, Optional.ofNullable(timeZones), Optional.ofNullable(key), other, attributes,
          media);
    }
  }

  /** Media-level fields as they are read. */
  private static final class MediaBuilder extends Level {
    final MediaDescription line;
    final List<Connection> connections = new ArrayList<>();

    MediaBuilder(MediaDescription line) {
      this.line = line;
    }

    @Override
    boolean addOwn(char type, String value) {
      if (type == 'c') {
        connections.add(Connection.parse(value));
        return true;
      }
      if ("osuepztr".indexOf(type) >= 0) {
        throw new SdpParseException(type + "= is only allowed at session level, before m=");
      }
      return false;
    }

    MediaDescription build() {
      return new MediaDescription(line.media(), line.port(), line.portCount(), line.protocol(),
          line.formats(), Optional.ofNullable(information), connections, bandwidths,
          Optional.ofNullable(key), other, attributes);
    }
  }
}
