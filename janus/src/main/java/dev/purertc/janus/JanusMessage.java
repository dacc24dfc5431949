package dev.purertc.janus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One message from Janus, checked and taken apart: the {@code janus} kind, the routing fields
 * ({@code transaction}, {@code session_id}, {@code sender}), and the payloads this client reads.
 * Package-private: callers see typed results and {@link JanusEvent}s.
 *
 * @param janus the message kind ({@code success}, {@code ack}, {@code event}, {@code error}, ...)
 * @param transaction the client's transaction id, or null for unsolicited messages
 * @param sessionId the session id, or 0 when absent
 * @param sender the handle id, or 0 when absent
 * @param plugin {@code plugindata.plugin}, or null
 * @param pluginData {@code plugindata.data}, or null
 * @param jsep the JSEP beside a plugin event, or null
 * @param errorCode the core error code of {@code janus:error}, else 0
 * @param errorReason the core error reason, else null
 * @param json the whole message, for {@code data} of success replies and for unknown kinds
 */
record JanusMessage(String janus, String transaction, long sessionId, long sender, String plugin,
        JsonNode pluginData, Jsep jsep, int errorCode, String errorReason, ObjectNode json) {

    /** Parses one message text; nothing but {@link JanusProtocolException} escapes. */
    static JanusMessage parse(ObjectMapper mapper, String text) {
        if (text == null) {
            throw new JanusProtocolException("$", "no message text");
        }
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new JanusProtocolException("$", "not JSON: " + e.getOriginalMessage(), e);
        } catch (RuntimeException e) {
            // Jackson signals a few limits (nesting depth, number length) as unchecked exceptions.
            throw new JanusProtocolException("$", "not JSON: " + e.getMessage(), e);
        }
        return from(root);
    }

    /** Takes apart one already-parsed message; nothing but {@link JanusProtocolException} escapes. */
    static JanusMessage from(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new JanusProtocolException("$", "not a JSON object");
        }
        ObjectNode object = (ObjectNode) root;
        String janus = requiredText(object, "janus");
        String transaction = optionalText(object, "transaction");
        long sessionId = optionalId(object, "session_id");
        long sender = optionalId(object, "sender");
        String plugin = null;
        JsonNode pluginData = null;
        JsonNode plugindata = object.get("plugindata");
        if (plugindata != null && !plugindata.isNull()) {
            if (!plugindata.isObject()) {
                throw new JanusProtocolException("plugindata", "not an object");
            }
            plugin = requiredText(plugindata, "plugindata", "plugin");
            pluginData = plugindata.get("data");
            if (pluginData == null || !pluginData.isObject()) {
                throw new JanusProtocolException("plugindata.data", "missing or not an object");
            }
        }
        Jsep jsep = null;
        JsonNode jsepNode = object.get("jsep");
        if (jsepNode != null && !jsepNode.isNull()) {
            if (!jsepNode.isObject()) {
                throw new JanusProtocolException("jsep", "not an object");
            }
            String type = requiredText(jsepNode, "jsep", "type");
            String sdp = requiredText(jsepNode, "jsep", "sdp");
            try {
                jsep = new Jsep(type, sdp);
            } catch (IllegalArgumentException e) {
                throw new JanusProtocolException("jsep.type", e.getMessage(), e);
            }
        }
        int errorCode = 0;
        String errorReason = null;
        if (janus.equals("error")) {
            JsonNode error = object.get("error");
            if (error == null || !error.isObject()) {
                throw new JanusProtocolException("error", "missing or not an object in a janus error");
            }
            JsonNode code = error.get("code");
            if (code == null || !code.canConvertToInt()) {
                throw new JanusProtocolException("error.code", "missing or not an integer");
            }
            errorCode = code.intValue();
            JsonNode reason = error.get("reason");
            errorReason = reason != null && reason.isTextual() ? reason.textValue() : "";
        }
        return new JanusMessage(janus, transaction, sessionId, sender, plugin, pluginData, jsep,
                errorCode, errorReason, object);
    }

    /** The plugin's own error in {@code plugindata.data}, if it reports one. */
    JanusPluginException pluginError() {
        if (pluginData == null) {
            return null;
        }
        JsonNode code = pluginData.get("error_code");
        if (code == null || code.isNull()) {
            return null;
        }
        JsonNode error = pluginData.get("error");
        String reason = error != null && error.isTextual() ? error.textValue() : "";
        int value = code.canConvertToInt() ? code.intValue() : JanusException.NO_CODE;
        return new JanusPluginException(plugin, value, reason);
    }

    private static String requiredText(JsonNode node, String field) {
        return requiredText(node, null, field);
    }

    private static String requiredText(JsonNode node, String parent, String field) {
        JsonNode value = node.get(field);
        String where = parent == null ? field : parent + "." + field;
        if (value == null || value.isNull()) {
            throw new JanusProtocolException(where, "missing");
        }
        if (!value.isTextual()) {
            throw new JanusProtocolException(where, "not a string: " + value.getNodeType());
        }
        return value.textValue();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new JanusProtocolException(field, "not a string: " + value.getNodeType());
        }
        return value.textValue();
    }

    private static long optionalId(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        // Janus ids are positive integers below 2^53 (they must survive JavaScript numbers).
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() <= 0) {
            throw new JanusProtocolException(field, "not a positive integer id: " + value);
        }
        return value.longValue();
    }
}
