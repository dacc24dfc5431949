package dev.purertc.janus;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The answer to {@code {"janus":"info"}}: what server this is and how it times sessions.
 *
 * @param name the server name, e.g. {@code Janus WebRTC Server}
 * @param version the numeric version, e.g. 1102 for 1.1.2
 * @param versionString e.g. {@code 1.1.2}
 * @param sessionTimeoutSeconds the server's {@code session_timeout} (0 = never)
 * @param reclaimSessionTimeoutSeconds the server's {@code reclaim_session_timeout} (0 = no reclaim)
 * @param plugins the loaded plugin package names
 * @param transports the loaded transport package names
 */
public record ServerInfo(String name, int version, String versionString, int sessionTimeoutSeconds,
        int reclaimSessionTimeoutSeconds, List<String> plugins, List<String> transports) {

    public ServerInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(versionString, "versionString");
        plugins = List.copyOf(plugins);
        transports = List.copyOf(transports);
    }

    static ServerInfo from(JsonNode json) {
        JsonNode version = json.get("version");
        if (version == null || !version.canConvertToInt()) {
            throw new JanusProtocolException("version", "missing or not an integer in server_info");
        }
        return new ServerInfo(json.path("name").asText(""), version.intValue(), json.path("version_string").asText(""),
                json.path("session-timeout").asInt(0), json.path("reclaim-session-timeout").asInt(0),
                names(json.get("plugins")), names(json.get("transports")));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        if (object != null && object.isObject()) {
            object.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }
}
