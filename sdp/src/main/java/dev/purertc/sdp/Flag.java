package dev.purertc.sdp;

import java.util.Optional;

/** The property attributes WebRTC audio uses: each is present or absent, with no value. */
public enum Flag implements Attribute {
  /** RTP and RTCP share one port (RFC 8035 / RFC 5761). */
  RTCP_MUX("rtcp-mux"),
  /** Reduced-size RTCP may be sent (RFC 5506). */
  RTCP_RSIZE("rtcp-rsize"),
  /** The agent is an ICE-lite implementation (RFC 8839 §5.3). */
  ICE_LITE("ice-lite"),
  /** No more candidates will be trickled for this section (RFC 8840 §8.2). */
  END_OF_CANDIDATES("end-of-candidates"),
  /** One- and two-byte RTP header extensions may be mixed in one stream (RFC 8285 §6). */
  EXTMAP_ALLOW_MIXED("extmap-allow-mixed"),
  /** RTCP multiplexing is only mandatory for BUNDLE-tagged sections (RFC 8858). */
  RTCP_MUX_ONLY("rtcp-mux-only"),
  /** Bundle-only section of an offer (RFC 8843 §6). */
  BUNDLE_ONLY("bundle-only");

  private final String attributeName;

  Flag(String attributeName) {
    this.attributeName = attributeName;
  }

  @Override
  public String attributeName() {
    return attributeName;
  }

  @Override
  public Optional<String> attributeValue() {
    return Optional.empty();
  }

  static Optional<Flag> byName(String name) {
    return EnumAttributes.byName(Flag.class, name);
  }
}
