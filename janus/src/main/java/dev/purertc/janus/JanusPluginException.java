package dev.purertc.janus;

/**
 * An error reported by a plugin inside its answer, {@code {"error_code":N,"error":"..."}} in the
 * plugin data. Janus sends such answers with {@code "janus":"success"} (synchronous requests) or
 * {@code "janus":"event"} (asynchronous ones), so the transport-level success means nothing here.
 * AudioBridge codes are the constants of {@code AudioBridgeError}.
 */
public final class JanusPluginException extends JanusException {
    private static final long serialVersionUID = 1L;

    private final String plugin;

    public JanusPluginException(String plugin, int code, String reason) {
        super(code, reason, plugin + " error " + code + ": " + reason, null);
        this.plugin = plugin == null ? "" : plugin;
    }

    /** The plugin package name, e.g. {@code janus.plugin.audiobridge}. */
    public String plugin() {
        return plugin;
    }
}
