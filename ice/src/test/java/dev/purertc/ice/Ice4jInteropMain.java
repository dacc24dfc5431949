package dev.purertc.ice;

import dev.purertc.sdp.Candidate;
import dev.purertc.sdp.CandidateType;
import dev.purertc.sdp.IceCredentials;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.Agent;
import org.ice4j.ice.Component;
import org.ice4j.ice.IceMediaStream;
import org.ice4j.ice.IceProcessingState;
import org.ice4j.ice.LocalCandidate;
import org.ice4j.ice.RemoteCandidate;
import org.ice4j.socket.MultiplexingDatagramSocket;

/**
 * Runs inside the private network namespace that {@link Ice4jInteropTest} creates (ice4j never
 * gathers on loopback, so it needs a non-loopback address): a PureRTC agent on 198.18.0.1 and an
 * ice4j agent on 198.18.0.2 connect, once with each side controlling, and exchange datagrams.
 * Prints one {@code CASE <name>: PASS|FAIL ...} line per case; the exit status is the number of
 * failed cases.
 */
public final class Ice4jInteropMain {
  static final String PURERTC_IP = "198.18.0.1";
  static final String ICE4J_IP = "198.18.0.2";
  private static final int DATAGRAMS = 200;

  private Ice4jInteropMain() {}

  public static void main(String[] args) throws Exception {
    // ice4j reads JVM-global configuration once, before its first class loads.
    System.setProperty("ice4j.harvest.allowed-addresses.0", ICE4J_IP);
    System.setProperty("ice4j.harvest.use-ipv6", "false");
    System.setProperty("ice4j.harvest.mapping.aws.enabled", "false");
    System.setProperty("ice4j.harvest.mapping.stun.enabled", "false");
    Logger.getLogger("").setLevel(Level.WARNING);
    for (java.util.logging.Handler h : Logger.getLogger("").getHandlers()) {
      h.setLevel(Level.WARNING);
    }
    int failures = 0;
    failures += runCase("ice4j-controlling", true) ? 0 : 1;
    failures += runCase("purertc-controlling", false) ? 0 : 1;
    System.out.flush();
    System.exit(failures);
  }

  private static boolean runCase(String name, boolean ice4jControlling) {
    long start = System.nanoTime();
    Agent ice4j = new Agent();
    RealPeer ours = null;
    try {
      ice4j.setControlling(ice4jControlling);
      IceMediaStream stream = ice4j.createMediaStream("audio");
      Component component = ice4j.createComponent(stream, 0, 0, 0);
      ours = new RealPeer(IceConfig.defaults(!ice4jControlling),
          List.of(InetAddress.getByName(PURERTC_IP)), ice4jControlling ? 41 : 42);
      // Credentials and candidates, both ways, in process.
      stream.setRemoteUfrag(ours.transport.localCredentials().ufrag());
      stream.setRemotePassword(ours.transport.localCredentials().pwd());
      ours.transport.setRemoteCredentials(
          new IceCredentials(ice4j.getLocalUfrag(), ice4j.getLocalPassword()));
      for (LocalCandidate lc : component.getLocalCandidates()) {
        TransportAddress ta = lc.getTransportAddress();
        ours.transport.addRemoteCandidate(Candidate.parse("candidate:" + lc.getFoundation()
            + " 1 udp " + lc.getPriority() + " " + ta.getAddress().getHostAddress() + " "
            + ta.getPort() + " typ host"));
      }
      ours.transport.endOfRemoteCandidates();
      if (!ours.awaitEndOfCandidates(Duration.ofSeconds(5))) {
        return fail(name, "PureRTC gathering did not complete");
      }
      for (Candidate c : ours.candidates()) {
        if (c.type() == CandidateType.HOST) {
          component.addRemoteCandidate(new RemoteCandidate(
              new TransportAddress(InetAddress.getByName(c.address()), c.port(), Transport.UDP),
              component, org.ice4j.ice.CandidateType.HOST_CANDIDATE, c.foundation(), c.priority(),
              null));
        }
      }
      Object done = new Object();
      ice4j.addStateChangeListener(e -> {
        synchronized (done) {
          done.notifyAll();
        }
      });
      ice4j.startConnectivityEstablishment();
      long end = System.nanoTime() + 15_000_000_000L;
      synchronized (done) {
        while (ice4j.getState() != IceProcessingState.COMPLETED
            && ice4j.getState() != IceProcessingState.TERMINATED
            && ice4j.getState() != IceProcessingState.FAILED && System.nanoTime() < end) {
          done.wait(100);
        }
      }
      if (ice4j.getState() == IceProcessingState.FAILED || component.getSelectedPair() == null) {
        return fail(name, "ice4j state " + ice4j.getState());
      }
      if (!ours.awaitUsable(Duration.ofSeconds(10))) {
        return fail(name, "PureRTC state " + ours.transport.connectionState());
      }
      long connectedMillis = (System.nanoTime() - start) / 1_000_000;
      InetSocketAddress oursAddress = component.getSelectedPair().getRemoteCandidate()
          .getTransportAddress();
      MultiplexingDatagramSocket socket = component.getSocket();
      socket.setSoTimeout(5000);
      // ice4j -> PureRTC
      for (int i = 0; i < DATAGRAMS; i++) {
        byte[] d = payload(i, 0x80);
        socket.send(new DatagramPacket(d, d.length, oursAddress));
        ByteBuffer got = ours.received.poll(5, TimeUnit.SECONDS);
        if (got == null || !ByteBuffer.wrap(d).equals(got)) {
          return fail(name, "ice4j->PureRTC datagram " + i + (got == null ? " lost" : " corrupted"));
        }
      }
      // PureRTC -> ice4j
      for (int i = 0; i < DATAGRAMS; i++) {
        byte[] d = payload(i, 0x81);
        if (!ours.transport.send(ByteBuffer.wrap(d))) {
          return fail(name, "PureRTC could not send");
        }
        DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
        socket.receive(p);
        if (!ByteBuffer.wrap(d).equals(ByteBuffer.wrap(p.getData(), p.getOffset(), p.getLength()))) {
          return fail(name, "PureRTC->ice4j datagram " + i + " corrupted");
        }
      }
      System.out.println("CASE " + name + ": PASS connected in " + connectedMillis + " ms, "
          + "PureRTC role " + ours.transport.role() + ", PureRTC state "
          + ours.transport.connectionState() + ", ice4j state " + ice4j.getState() + ", "
          + DATAGRAMS + " datagrams each way");
      return true;
    } catch (Exception | AssertionError e) {
      return fail(name, e.toString());
    } finally {
      if (ours != null) {
        ours.close();
      }
      ice4j.free();
    }
  }

  private static byte[] payload(int i, int first) {
    byte[] d = new byte[100 + i % 700];
    new SplittableRandom(i).nextBytes(d);
    d[0] = (byte) first;
    return d;
  }

  private static boolean fail(String name, String why) {
    System.out.println("CASE " + name + ": FAIL " + why);
    return false;
  }
}
