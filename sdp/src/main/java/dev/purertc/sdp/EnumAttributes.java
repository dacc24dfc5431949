package dev.purertc.sdp;

import java.util.Optional;

/** Lookup of the attributes that are enum constants ({@link Flag}, {@link Direction}). */
final class EnumAttributes {
  private EnumAttributes() {}

  static <E extends Enum<E> & Attribute> Optional<E> byName(Class<E> type, String name) {
    for (E e : type.getEnumConstants()) {
      if (e.attributeName().equals(name)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
