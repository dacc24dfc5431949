package dev.purertc.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Candidates as Chrome, Firefox, Safari, Janus, pion and aiortc write them. */
class CandidateTest {

  @ParameterizedTest
  @ValueSource(strings = {
      // Chrome: host, IPv6, TCP, srflx, relay, mDNS, prflx with ufrag
      "candidate:2999745851 1 udp 2122260223 192.168.1.20 54321 typ host generation 0 network-id 1 network-cost 10",
      "candidate:1425051627 1 udp 2122197247 2001:db8::20 54322 typ host generation 0 network-id 2",
      "candidate:4233069003 1 tcp 1518280447 192.168.1.20 9 typ host tcptype active generation 0 network-id 1",
      "candidate:842163049 1 udp 1686052607 203.0.113.20 54321 typ srflx raddr 192.168.1.20 rport 54321 generation 0 network-id 1 network-cost 10",
      "candidate:1052924213 1 udp 41885439 198.51.100.20 3478 typ relay raddr 203.0.113.20 rport 54321 generation 0 network-id 1",
      "candidate:3022452374 1 udp 2113937151 9c4a3b1e-7f2d-4b8e-a1c3-5d6e7f8a9b0c.local 56143 typ host generation 0 network-cost 999",
      "candidate:3675018243 1 udp 1853824767 203.0.113.20 61002 typ prflx raddr 192.168.1.20 rport 54321 generation 0 ufrag Hk3d network-id 1",
      // Firefox
      "candidate:0 1 UDP 2122252543 192.168.1.20 54400 typ host",
      "candidate:4 1 TCP 2105524479 192.168.1.20 9 typ host tcptype active",
      "candidate:3 1 UDP 92217087 198.51.100.9 61234 typ relay raddr 203.0.113.7 rport 54400",
      // Janus
      "candidate:1 1 udp 2015363327 198.18.0.2 20312 typ host",
      "candidate:5 1 tcp 1015021823 198.18.0.2 9 typ host tcptype active",
      "candidate:6 1 tcp 1010827519 198.18.0.2 34567 typ host tcptype passive",
      // pion (component 2 too)
      "candidate:1966762133 2 udp 2130706431 10.0.0.2 51321 typ host",
      "candidate:3431287862 1 udp 1694498815 203.0.113.9 61111 typ srflx raddr 0.0.0.0 rport 61111",
      // aiortc
      "candidate:5f6a3b2c1d0e9f8a7b6c5d4e3f2a1b0c 1 udp 2130706431 192.168.1.2 45434 typ host",
      // TCP simultaneous-open, RFC 6544
      "candidate:7 1 tcp 1509957375 192.168.1.20 50000 typ host tcptype so",
  })
  void trickleFormRoundTrips(String text) {
    Candidate c = Candidate.parse(text);
    assertEquals(text, c.toTrickleString());
    assertEquals(c, Candidate.parse("a=" + text));
    assertEquals(c, Candidate.parse(text.substring("candidate:".length())));
  }

  @Test
  void chromeSrflxFieldsAreTyped() {
    Candidate c = Candidate.parse("candidate:842163049 1 udp 1686052607 203.0.113.20 54321 typ "
        + "srflx raddr 192.168.1.20 rport 54321 generation 0 network-id 1 network-cost 10");
    assertEquals("842163049", c.foundation());
    assertEquals(1, c.component());
    assertTrue(c.isUdp());
    assertEquals(1686052607L, c.priority());
    assertEquals("203.0.113.20", c.address());
    assertEquals(54321, c.port());
    assertEquals(CandidateType.SRFLX, c.type());
    assertEquals(Optional.of("192.168.1.20"), c.relatedAddress());
    assertEquals(OptionalInt.of(54321), c.relatedPort());
    assertEquals(OptionalInt.of(0), c.generation());
    assertEquals(OptionalInt.of(1), c.networkId());
    assertEquals(OptionalLong.of(10), c.networkCost());
    assertEquals(Optional.empty(), c.ufrag());
    assertEquals(Optional.empty(), c.tcpType());
    assertFalse(c.isMdns());
  }

  @Test
  void tcpTypeAndUfragAndMdnsAreRead() {
    assertEquals(Optional.of("passive"), Candidate.parse(
        "candidate:6 1 tcp 1010827519 198.18.0.2 34567 typ host tcptype passive").tcpType());
    assertEquals(Optional.of("Hk3d"), Candidate.parse("candidate:1 1 udp 1 203.0.113.20 1 typ "
        + "prflx raddr 192.168.1.20 rport 2 ufrag Hk3d").ufrag());
    assertTrue(Candidate.parse("candidate:1 1 udp 1 abc.local 1 typ host").isMdns());
  }

  @Test
  void unknownExtensionsAreKeptInOrder() {
    String text = "candidate:1 1 udp 1 10.0.0.1 1 typ host x-vendor 7 generation 2 x-other y";
    Candidate c = Candidate.parse(text);
    assertEquals(3, c.extensions().size());
    assertEquals(Optional.of("7"), c.extension("x-vendor"));
    assertEquals(OptionalInt.of(2), c.generation());
    assertEquals(text, c.toTrickleString());
  }

  @Test
  void relatedAddressOutOfPlaceIsReadAndWrittenInPlace() {
    Candidate c = Candidate.parse(
        "candidate:1 1 udp 1 1.2.3.4 1 typ srflx generation 0 raddr 10.0.0.1 rport 9");
    assertEquals(Optional.of("10.0.0.1"), c.relatedAddress());
    assertEquals("candidate:1 1 udp 1 1.2.3.4 1 typ srflx raddr 10.0.0.1 rport 9 generation 0",
        c.toTrickleString());
  }

  @Test
  void repeatedRelatedAddressIsRejected() {
    SdpParseException e = assertThrows(SdpParseException.class, () -> Candidate.parse(
        "candidate:1 1 udp 1 1.2.3.4 1 typ srflx raddr 1.1.1.1 raddr 2.2.2.2"));
    assertEquals("candidate: 'raddr' appears twice", e.reason());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "candidate:1 1 udp 1 10.0.0.1\t2 1 typ host",
      "candidate:1 1 udp 1 10.0.0.1 1 typ host x\u0001 y",
      "candidate:1 1 udp 1 10.0.0.1 1 typ host ufrag \u007f",
  })
  void trickledCandidateWithAControlCharacterFailsWithTheParseException(String text) {
    SdpParseException e = assertThrows(SdpParseException.class, () -> Candidate.parse(text));
    assertEquals(0, e.lineNumber());
    assertTrue(e.reason().startsWith("candidate"), e.reason());
  }

  @Test
  void nullCandidateFailsWithTheParseException() {
    assertThrows(SdpParseException.class, () -> Candidate.parse(null));
  }

  @Test
  void withExtensionAddsUfragForTrickle() {
    Candidate c = Candidate.host("1", 1, "udp", 2130706431L, "127.0.0.1", 5000)
        .withExtension("ufrag", "PRTC");
    assertEquals("candidate:1 1 udp 2130706431 127.0.0.1 5000 typ host ufrag PRTC",
        c.toTrickleString());
  }

  @Test
  void recordRejectsImpossibleValues() {
    assertThrows(IllegalArgumentException.class,
        () -> Candidate.host("1", 0, "udp", 1, "1.2.3.4", 1));
    assertThrows(IllegalArgumentException.class,
        () -> Candidate.host("1", 1, "udp", 1L << 32, "1.2.3.4", 1));
    assertThrows(IllegalArgumentException.class,
        () -> Candidate.host("1", 1, "udp", 1, "1.2.3.4", 70000));
    assertThrows(IllegalArgumentException.class,
        () -> Candidate.host("1 2", 1, "udp", 1, "1.2.3.4", 1));
  }
}
