package dev.purertc.ice.stun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class StunMessageTest {

  /**
   * RFC 8489 §5: the message length field counts the attributes only, so a message may carry up
   * to 65532 bytes of attributes after its 20-byte header.
   */
  @Test
  void messageWithTheLargestLengthFieldParsesAndWritesBack() {
    int length = 0xFFFC;
    ByteBuffer b = ByteBuffer.allocate(20 + length);
    b.putShort((short) 0x0001).putShort((short) length).putInt(0x2112A442).putLong(7).putInt(9);
    b.putShort((short) 0x8030).putShort((short) (length - 4)); // one unknown optional attribute
    b.rewind();
    StunMessage m = StunMessage.parse(b);
    assertEquals(20 + length, m.encodedLength());
    assertEquals(m, StunMessage.parse(ByteBuffer.wrap(m.toBytes())));
  }

  @Test
  void attributesLongerThanTheLengthFieldCanCarryAreRefused() {
    StunAttribute big = new StunAttribute.Unknown(0x8030, new byte[0xFFFC - 4 + 1]);
    assertThrows(IllegalArgumentException.class, () -> StunMessage.of(StunMessage.BINDING,
        StunClass.REQUEST, new TransactionId(7, 9), big));
  }
}
