package dev.purertc.ice;

import java.net.InetSocketAddress;

/**
 * A datagram the agent wants sent: from the socket bound to {@code from} to {@code to}.
 *
 * @param from a local host base address the driver gave the agent
 * @param to the destination
 * @param data the datagram; owned by the receiver of this record
 */
public record Transmit(InetSocketAddress from, InetSocketAddress to, byte[] data) {}
