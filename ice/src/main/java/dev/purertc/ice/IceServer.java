package dev.purertc.ice;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One entry of the W3C {@code iceServers} list: STUN or TURN URLs (RFC 7064, RFC 7065) with
 * optional long-term credentials. Only UDP is used: {@code turns:} and {@code ?transport=tcp}
 * URLs are rejected.
 *
 * @param urls e.g. {@code stun:127.0.0.1:3478} or {@code turn:127.0.0.1:3478?transport=udp}
 * @param username TURN user name, or null for STUN-only entries
 * @param credential TURN password, or null
 */
public record IceServer(List<String> urls, String username, String credential) {
  public IceServer {
    urls = List.copyOf(urls);
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("an ICE server needs at least one URL");
    }
    for (String url : urls) {
      Url u = Url.parse(url);
      if (u.turn() && (username == null || credential == null)) {
        throw new IllegalArgumentException(url + ": a TURN URL needs a username and a credential");
      }
    }
  }

  /** A STUN server. */
  public static IceServer stun(String url) {
    return new IceServer(List.of(url), null, null);
  }

  /** A TURN server with long-term credentials. */
  public static IceServer turn(String url, String username, String credential) {
    return new IceServer(List.of(url), username, credential);
  }

  /** The parsed URLs; nothing is resolved yet. */
  List<Url> parsedUrls() {
    List<Url> out = new ArrayList<>();
    for (String url : urls) {
      out.add(Url.parse(url));
    }
    return out;
  }

  /** A parsed STUN/TURN URL; the host is resolved only when {@link #address()} is called. */
  record Url(boolean turn, String host, int port) {
    /** The server address; resolves a host name (blocking) unless it is an IP literal. */
    InetSocketAddress address() {
      try {
        return new InetSocketAddress(InetAddress.getByName(host), port);
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("cannot resolve " + host, e);
      }
    }

    static Url parse(String url) {
      String s = url.strip();
      String lower = s.toLowerCase(Locale.ROOT);
      boolean turn;
      if (lower.startsWith("stun:")) {
        turn = false;
        s = s.substring(5);
      } else if (lower.startsWith("turn:")) {
        turn = true;
        s = s.substring(5);
      } else {
        throw new IllegalArgumentException(url + ": only stun: and turn: URLs (UDP) are supported");
      }
      int q = s.indexOf('?');
      if (q >= 0) {
        String query = s.substring(q + 1).toLowerCase(Locale.ROOT);
        if (!query.equals("transport=udp")) {
          throw new IllegalArgumentException(url + ": only transport=udp is supported");
        }
        s = s.substring(0, q);
      }
      String host;
      int port = 3478;
      if (s.startsWith("[")) {
        int close = s.indexOf(']');
        if (close < 0) {
          throw new IllegalArgumentException(url + ": unclosed IPv6 literal");
        }
        host = s.substring(1, close);
        if (s.length() > close + 1) {
          port = port(url, s.substring(close + 2));
        }
      } else {
        int colon = s.lastIndexOf(':');
        host = colon < 0 ? s : s.substring(0, colon);
        if (colon >= 0) {
          port = port(url, s.substring(colon + 1));
        }
      }
      if (host.isEmpty()) {
        throw new IllegalArgumentException(url + ": no host");
      }
      return new Url(turn, host, port);
    }

    private static int port(String url, String text) {
      try {
        int p = Integer.parseInt(text);
        if (p < 1 || p > 65535) {
          throw new NumberFormatException();
        }
        return p;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(url + ": bad port '" + text + "'");
      }
    }
  }
}
