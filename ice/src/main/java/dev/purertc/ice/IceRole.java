package dev.purertc.ice;

/** ICE roles (RFC 8445 §6.1.1). */
public enum IceRole {
  CONTROLLING,
  CONTROLLED;

  IceRole other() {
    return this == CONTROLLING ? CONTROLLED : CONTROLLING;
  }
}
