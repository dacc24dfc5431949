package dev.purertc.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad descriptions fail with the line number and a reason that names the field. */
class ParseErrorTest {

  private static final String HEAD = "v=0\no=- 1 2 IN IP4 127.0.0.1\ns=-\nt=0 0\n";

  private static SdpParseException fails(String sdp) {
    return assertThrows(SdpParseException.class, () -> SessionDescription.parse(sdp));
  }

  @Test
  void rtpmapPayloadTypeOutOfRangeNamesLineAndField() {
    SdpParseException e = fails(HEAD + "m=audio 9 RTP/AVP 0\na=rtpmap:300 foo/8000\n");
    assertEquals(6, e.lineNumber());
    assertEquals("a=rtpmap:300 foo/8000", e.line());
    assertEquals("line 6: rtpmap: payload type: 300 is not in 0..127", e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "m=audio 9 RTP/AVP 0\\na=rtpmap:0 PCMU|6|rtpmap: expected '<encoding name>/<clock rate>[/<channels>]'",
      "m=audio 9 RTP/AVP 0\\na=rtpmap:0 PCMU/abc|6|rtpmap clock rate: 'abc' is not a number",
      "m=audio 9 RTP/AVP 0\\na=fmtp:111|6|fmtp: expected '<payload type> <parameters>'",
      "m=audio 99999 RTP/AVP 0|5|m= port: 99999 is not in 0..65535",
      "m=audio 9|5|m=: expected '<media> <port>[/<count>] <proto> <fmt> ...'",
      "m=audio 9 RTP/AVP 0\\na=candidate:1 1 udp 1 1.2.3.4 5 host x|6|candidate: expected 'typ' as the 7th field",
      "m=audio 9 RTP/AVP 0\\na=candidate:1 1 udp 1 1.2.3.4 5 typ bogus|6|candidate: type 'bogus' is not one of",
      "m=audio 9 RTP/AVP 0\\na=candidate:1 1 udp 99999999999 1.2.3.4 5 typ host|6|candidate priority: 99999999999 is not in 0..4294967295",
      "m=audio 9 RTP/AVP 0\\na=candidate:1 1 udp 1 1.2.3.4 5 typ host generation x|6|candidate generation: 'x' is not a number",
      "m=audio 9 RTP/AVP 0\\na=candidate:1 1 tcp 1 1.2.3.4 9 typ host tcptype sideways|6|candidate: tcptype 'sideways'",
      "m=audio 9 RTP/AVP 0\\na=candidate:1 1 udp 1 1.2.3.4 5 typ host generation|6|candidate: extension 'generation' has no value",
      "m=audio 9 RTP/AVP 0\\na=fingerprint:sha-256 GG:00|6|fingerprint: 'GG:00' is not hex byte pairs",
      "m=audio 9 RTP/AVP 0\\na=setup:sometimes|6|setup: 'sometimes' is not one of active, passive, actpass, holdconn",
      "m=audio 9 RTP/AVP 0\\na=extmap:15 urn:x|6|extmap: id 15 is reserved",
      "m=audio 9 RTP/AVP 0\\na=extmap:1/sideways urn:x|6|extmap: direction 'sideways'",
      "m=audio 9 RTP/AVP 0\\na=ssrc:5000000000 cname:x|6|ssrc: 5000000000 is not in 0..4294967295",
      "m=audio 9 RTP/AVP 0\\na=ptime:0|6|ptime: 0 is not in 1..2147483647",
      "m=audio 9 RTP/AVP 0\\na=rtcp-mux:yes|6|rtcp-mux: takes no value",
      "m=audio 9 RTP/AVP 0\\na=mid|6|mid: a value is required",
      "m=audio 9 RTP/AVP 0\\na=:x|6|attribute: bad name ''",
      "m=audio 9 RTP/AVP 0\\nt=0 0|6|t= is only allowed at session level",
      "m=audio 9 RTP/AVP 0\\nhello|6|expected '<type>=<value>'",
      "m=audio 9 RTP/AVP 0\\nA=x|6|line type 'A' is not a letter a..z",
      "c=IN IP4|5|c=: expected '<nettype> <addrtype> <connection-address>'",
      "b=AS|5|b=: expected '<bwtype>:<bandwidth>'",
      "b=AS:-1|5|b= bandwidth: '-1' is not a number",
      "r=1 2 3|5|r= must follow a t= line",
      "s=again|5|s= may appear only once at this level",
  })
  void badLineIsReportedWithItsNumberAndReason(String tail, int line, String reason) {
    String sdp = (tail.startsWith("r=") ? HEAD.replace("t=0 0\n", "") : HEAD)
        + tail.replace("\\n", "\n") + "\n";
    if (tail.startsWith("r=")) {
      line = line - 1;
    }
    SdpParseException e = fails(sdp);
    assertEquals(line, e.lineNumber(), e.getMessage());
    assertTrue(e.reason().startsWith(reason), () -> "reason was: " + e.reason());
    assertTrue(e.getMessage().startsWith("line " + line + ": "), e.getMessage());
  }

  @Test
  void descriptionMustStartWithVersionZero() {
    assertEquals(1, fails("o=- 1 2 IN IP4 127.0.0.1\n").lineNumber());
    assertEquals("v=: version '1' is not 0", fails("v=1\n").reason());
    assertEquals("v= appears twice", fails("v=0\nv=0\n").reason());
  }

  @Test
  void emptyTextIsRejected() {
    assertEquals("the description is empty", fails("").reason());
    assertEquals("the description is empty", fails("\n\r\n  \n").reason());
  }

  @Test
  void missingOriginOrNameIsReported() {
    assertEquals("o= is missing before the media sections", fails("v=0\ns=-\n").reason());
    assertEquals("s= is missing before the media sections",
        fails("v=0\no=- 1 2 IN IP4 h\nm=audio 9 RTP/AVP 0\n").reason());
  }

  @Test
  void originFieldsAreChecked() {
    assertEquals("o=: expected 6 fields but got 7",
        fails("v=0\no=- 1 2 IN IP4 h extra\n").reason());
    assertTrue(fails("v=0\no=- x 2 IN IP4 h\n").reason().contains("sess-id"));
  }

  @Test
  void crInsideALineIsRejected() {
    SdpParseException e = fails("v=0\no=- 1 2 IN IP4 h\rs=-\n");
    assertEquals(2, e.lineNumber());
  }

  @Test
  void nulIsRejected() {
    assertTrue(fails(HEAD + "a=x\u0000y\n").reason().startsWith("a NUL character"));
  }

  @Test
  void nullTextIsAParseErrorNotANullPointer() {
    assertEquals("the description is null", fails(null).reason());
  }

  @Test
  void loneCandidateParseErrorsHaveNoLineNumber() {
    SdpParseException e = assertThrows(SdpParseException.class, () -> Candidate.parse("candidate:1"));
    assertEquals(0, e.lineNumber());
    assertTrue(e.getMessage().startsWith("candidate: expected"));
  }
}
