package dev.purertc.janus;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A plugin's successful answer to {@link JanusHandle#message}: its data object and, for
 * asynchronous requests that negotiate media, the JSEP beside it. Plugin errors never come back
 * as a response; they fail the future with {@link JanusPluginException}.
 *
 * @param data {@code plugindata.data}; read-only by convention
 * @param jsep the JSEP (e.g. the AudioBridge's answer to an offer), or null
 */
public record PluginResponse(JsonNode data, Jsep jsep) {
    public PluginResponse {
        Objects.requireNonNull(data, "data");
    }
}
