package dev.purertc.audio;

/** The default {@link RoutePolicy}; see {@link RoutePolicy#phoneLike()}. */
final class PhoneLikeRoutePolicy implements RoutePolicy {
    static final PhoneLikeRoutePolicy INSTANCE = new PhoneLikeRoutePolicy();

    private PhoneLikeRoutePolicy() {
    }

    @Override
    public AudioDevice choose(RouteContext c) {
        // A user's explicit choice wins whenever it exists.
        if (c.userChoice() != null) {
            var chosen = c.userChoice().find(c.available(), c.direction());
            if (chosen.isPresent()) {
                return chosen.get();
            }
        }
        // A newly plugged headset takes over, as on a phone.
        for (AudioDevice d : c.added()) {
            if (d.headsetLike()) {
                return d;
            }
        }
        if (c.currentAvailable()) {
            AudioDevice current = c.find(c.current().id()).orElseThrow();
            // Follow a changed system default, but do not leave a headset for it.
            if (c.defaultChanged() && !current.headsetLike()) {
                return c.defaultOrFirst().orElse(current);
            }
            return current;
        }
        return c.defaultOrFirst().orElse(null);
    }
}
