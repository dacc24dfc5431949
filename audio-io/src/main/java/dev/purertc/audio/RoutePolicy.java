package dev.purertc.audio;

/**
 * Decides which device carries a direction after something changed. Called by {@link AudioRouter}
 * on the thread that fed it; must be a pure function of its argument.
 *
 * <p>The default is {@link #phoneLike()}; a caller with other wishes (never auto-switch, prefer a
 * device by name) supplies its own.
 */
@FunctionalInterface
public interface RoutePolicy {
    /**
     * @return the device to use now (one of {@link RouteContext#available()}), or null for no route
     */
    AudioDevice choose(RouteContext context);

    /**
     * Like a phone: a device the user chose stays chosen while it exists (and is taken back when it
     * returns); a newly plugged headset-like device becomes the route; when the device in use
     * disappears the route falls back to the default (or the first device left) without stopping;
     * when the system default changes the route follows it unless it is on a headset.
     */
    static RoutePolicy phoneLike() {
        return PhoneLikeRoutePolicy.INSTANCE;
    }
}
