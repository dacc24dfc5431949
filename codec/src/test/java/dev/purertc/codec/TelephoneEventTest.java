package dev.purertc.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TelephoneEventTest {

    static byte[] bytes(TelephoneEvent event) {
        ByteBuffer buffer = ByteBuffer.allocate(TelephoneEvent.BYTES);
        event.writeTo(buffer);
        return buffer.array();
    }

    @Test
    void payloadLayoutFollowsRfc4733Section23() throws CodecFormatException {
        // Digit '5', E bit, volume 10, duration 1000 = 0x03E8.
        TelephoneEvent event = new TelephoneEvent(5, true, 10, 1000);
        assertArrayEquals(new byte[] {0x05, (byte) 0x8A, 0x03, (byte) 0xE8}, bytes(event));
        assertEquals(event, TelephoneEvent.parse(ByteBuffer.wrap(bytes(event))));
        // The reserved R bit is ignored on receipt.
        assertEquals(event, TelephoneEvent.parse(ByteBuffer.wrap(new byte[] {0x05, (byte) 0xCA, 0x03, (byte) 0xE8})));
    }

    @Test
    void theDurationIsBigEndianWhateverTheBuffersByteOrder() throws CodecFormatException {
        TelephoneEvent event = new TelephoneEvent(5, true, 10, 1000);
        ByteBuffer little = ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        event.writeTo(little);
        assertArrayEquals(new byte[] {0x05, (byte) 0x8A, 0x03, (byte) 0xE8}, little.array());
        ByteBuffer wire = ByteBuffer.wrap(new byte[] {0x05, (byte) 0x8A, 0x03, (byte) 0xE8})
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertEquals(event, TelephoneEvent.parse(wire));
        assertEquals(java.nio.ByteOrder.LITTLE_ENDIAN, wire.order());
    }

    @Test
    void digitsMapToRfc4733EventCodes() {
        assertEquals(0, TelephoneEvent.eventCodeOf('0'));
        assertEquals(9, TelephoneEvent.eventCodeOf('9'));
        assertEquals(10, TelephoneEvent.eventCodeOf('*'));
        assertEquals(11, TelephoneEvent.eventCodeOf('#'));
        assertEquals(12, TelephoneEvent.eventCodeOf('a'));
        assertEquals(15, TelephoneEvent.eventCodeOf('D'));
        assertEquals('#', TelephoneEvent.digitOf(11));
        assertThrows(IllegalArgumentException.class, () -> TelephoneEvent.eventCodeOf('x'));
    }

    @Test
    void aTruncatedPayloadSaysWhere() {
        CodecFormatException e = assertThrows(CodecFormatException.class,
                () -> TelephoneEvent.parse(ByteBuffer.wrap(new byte[] {1, 2, 3})));
        assertEquals("byte 0", e.where());
    }

    @Test
    void aKeyPressIsAMarkedStartUpdatesAndThreeEndPackets() {
        // 8 kHz, 50 ms updates, 180 ms press = 1440 samples.
        List<TelephoneEventPacket> packets = new TelephoneEventSender(8000, 50, 10).packetsFor('7', 180);
        assertEquals(3 + 3, packets.size());
        assertTrue(packets.get(0).marker());
        int[] durations = packets.stream().mapToInt(p -> p.event().durationSamples()).toArray();
        assertArrayEquals(new int[] {400, 800, 1200, 1440, 1440, 1440}, durations);
        for (int i = 0; i < packets.size(); i++) {
            TelephoneEventPacket p = packets.get(i);
            assertEquals(i == 0, p.marker());
            assertEquals(i >= 3, p.event().end());
            assertEquals(7, p.event().eventCode());
            assertEquals(0, p.timestampOffset());
            assertEquals(50L * i, p.sendOffsetMillis());
        }
    }

    static List<TelephoneEventNotice> receiveAll(TelephoneEventReceiver receiver, long start, List<TelephoneEventPacket> packets) {
        List<TelephoneEventNotice> notices = new ArrayList<>();
        for (TelephoneEventPacket p : packets) {
            notices.addAll(receiver.receive((start + p.timestampOffset()) & 0xFFFF_FFFFL, bytes(p.event())));
        }
        return notices;
    }

    @Test
    void digitsRoundTripThroughPacketsOnceEachDespiteTheRepeatedEnds() {
        TelephoneEventSender sender = new TelephoneEventSender(48000, 50, 10);
        TelephoneEventReceiver receiver = new TelephoneEventReceiver();
        List<TelephoneEventNotice> notices = new ArrayList<>();
        long timestamp = 0xFFFF_0000L; // wraps during the sequence
        StringBuilder digits = new StringBuilder();
        for (char digit : "123*#A".toCharArray()) {
            notices.addAll(receiveAll(receiver, timestamp, sender.packetsFor(digit, 100)));
            timestamp = (timestamp + 48000 / 5) & 0xFFFF_FFFFL;
        }
        for (TelephoneEventNotice n : notices) {
            if (n instanceof TelephoneEventNotice.Ended ended) {
                digits.append(TelephoneEvent.digitOf(ended.eventCode()));
                assertEquals(4800, ended.durationSamples());
                assertTrue(ended.endSeen());
            }
        }
        assertEquals("123*#A", digits.toString());
        assertEquals(12, notices.size());
    }

    @Test
    void aLostStartAndLostEndsStillGiveOneEventEach() {
        TelephoneEventSender sender = new TelephoneEventSender(8000, 50, 10);
        TelephoneEventReceiver receiver = new TelephoneEventReceiver();
        List<TelephoneEventPacket> first = sender.packetsFor('1', 200);
        // Lose the first packet of '1' and all of its end packets.
        List<TelephoneEventNotice> notices = new ArrayList<>(receiveAll(receiver, 1000, first.subList(1, 3)));
        notices.addAll(receiveAll(receiver, 5000, sender.packetsFor('2', 100)));
        assertEquals(List.of(
                new TelephoneEventNotice.Started(1, 1000),
                new TelephoneEventNotice.Ended(1, 1000, 1200, false),
                new TelephoneEventNotice.Started(2, 5000),
                new TelephoneEventNotice.Ended(2, 5000, 800, true)), notices);
        // A late update of the old event changes nothing.
        assertEquals(List.of(), receiver.receive(1000, bytes(first.get(0).event())));
    }

    @Test
    void anEventLongerThan65535UnitsIsSegmentedAndAddsUpAgain() {
        // 2 s at 48 kHz = 96000 units: two segments (RFC 4733 §2.5.1.3).
        List<TelephoneEventPacket> packets = new TelephoneEventSender(48000, 50, 10).packetsFor('#', 2000);
        assertTrue(packets.stream().allMatch(p -> p.event().durationSamples() <= 0xFFFF));
        assertTrue(packets.stream().anyMatch(p -> p.timestampOffset() == 0xFFFF));
        assertEquals(1, packets.stream().filter(TelephoneEventPacket::marker).count());
        List<TelephoneEventNotice> notices = receiveAll(new TelephoneEventReceiver(), 77, packets);
        assertEquals(List.of(new TelephoneEventNotice.Started(11, 77),
                new TelephoneEventNotice.Ended(11, 77, 96000, true)), notices);
    }

    @Test
    void malformedPayloadsAreCountedAndIgnored() {
        TelephoneEventReceiver receiver = new TelephoneEventReceiver();
        assertEquals(List.of(), receiver.receive(0, new byte[] {1}));
        assertEquals(List.of(), receiver.receive(0, null));
        assertEquals(2, receiver.malformedPayloads());
    }
}
