/**
 * The signalling half of a voice client for the Janus WebRTC server: the Janus API and the whole
 * AudioBridge plugin API.
 *
 * <p>What it does: sessions ({@code create}, keepalive inside {@code session_timeout},
 * {@code claim} after a dropped WebSocket, {@code destroy}, a {@link dev.purertc.janus.JanusEvent.SessionLost}
 * when a session is gone for good); transactions with a future and a timeout per request, the
 * {@code ack}-then-{@code event} pattern of asynchronous plugin requests, and one exception family
 * ({@link dev.purertc.janus.JanusException}) for core errors, plugin errors, timeouts, transport
 * failures and malformed server messages; handles ({@code attach}, {@code message} with an
 * optional JSEP, {@code trickle}, {@code hangup}, {@code detach}) and their events as a sealed
 * family; two transports, WebSocket ({@code janus-protocol} subprotocol, Java-WebSocket) and HTTP
 * REST with long-poll (the JDK's {@code HttpClient}), as janus.js offers. On top of it
 * {@link dev.purertc.janus.AudioBridge}: every request of the plugin (Janus 1.1.x) as a typed
 * call, its events as types, and {@link dev.purertc.janus.AudioBridgeRoom}, the live participant
 * list of the joined room.
 *
 * <p>What it does not do: media. SDP is carried as text in {@link dev.purertc.janus.Jsep}
 * (the {@code sdp} module builds and reads it); ICE, DTLS, SRTP and audio belong to other
 * layers, and the call is assembled elsewhere. Rooms with {@code string_ids} are not supported
 * (ids are numbers), nor the admin API, nor plugins other than the AudioBridge beyond the generic
 * {@link dev.purertc.janus.JanusHandle#message}.
 *
 * <p>Structure: {@code JanusProtocol} is the sans-I/O core (the transaction table, keepalive
 * timing and dispatch: text and time in, text and events out); {@link dev.purertc.janus.JanusClient}
 * is the thin driver that binds it to a transport, a clock and the one thread
 * {@code purertc-janus-driver} on which all futures complete and all listeners run.
 *
 * <p>References: the Janus API ("JSON API" and "RESTful, WebSockets..." pages of the Janus
 * documentation), the AudioBridge plugin documentation (janus_audiobridge.c), JSEP (RFC 8829) for
 * the offer/answer carried, and RFC 6455 for the WebSocket.
 */
package dev.purertc.janus;
