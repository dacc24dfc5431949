#!/usr/bin/env python3
"""Generates AudioBridgeRequest.java (the typed AudioBridge requests) from the table below.

The table is the AudioBridge API of Janus 1.1.x (src/plugins/janus_audiobridge.c request
parameters). Run from janus/: python3 tools/gen_requests.py > src/main/java/dev/purertc/janus/AudioBridgeRequest.java
"""

# (record name, request, sync, javadoc, [(type, name, required, doc)])
ROOM = ("long", "room", True, "the room id")
SECRET = ("String", "secret", False, "the room secret, when the room has one")
REQS = [
 ("Create", "create", True, "Creates a room. Without {@code room} Janus picks a random id.", [
   ("Long", "room", False, "the room id, or null for a random one"),
   ("Boolean", "permanent", False, "whether Janus also saves the room in its config file"),
   ("String", "description", False, "the room's name"),
   ("String", "secret", False, "the secret needed to edit or destroy the room"),
   ("String", "pin", False, "the PIN needed to join"),
   ("Boolean", "isPrivate", False, "whether {@code list} hides the room"),
   ("List<String>", "allowed", False, "the tokens allowed to join (an ACL), or null for none"),
   ("Integer", "samplingRate", False, "the mixer's rate in Hz: 8000, 12000, 16000 (default), 24000 or 48000"),
   ("Boolean", "spatialAudio", False, "stereo mix with per-participant positions"),
   ("Boolean", "audiolevelExt", False, "whether the ssrc-audio-level RTP extension is negotiated (default true)"),
   ("Boolean", "audiolevelEvent", False, "whether talking/stopped-talking events are sent (default false)"),
   ("Integer", "audioActivePackets", False, "packets of audio levels per talking decision (default 100, i.e. 2 s)"),
   ("Integer", "audioLevelAverage", False, "the average level (0..127 -dBov) above which a participant talks (default 25)"),
   ("Integer", "defaultPrebuffering", False, "packets to buffer per participant before mixing (default 6)"),
   ("Integer", "defaultExpectedloss", False, "expected loss percentage for Opus FEC towards participants (0..20)"),
   ("Integer", "defaultBitrate", False, "Opus bitrate in bit/s towards participants (500..512000; default auto)"),
   ("Boolean", "record", False, "whether the mix is recorded to a WAV file"),
   ("String", "recordFile", False, "the WAV file name"),
   ("String", "recordDir", False, "the directory of the WAV file"),
   ("Boolean", "mjrs", False, "whether each participant is recorded to an .mjr file"),
   ("String", "mjrsDir", False, "the directory of the .mjr files"),
   ("Boolean", "allowRtpParticipants", False, "whether plain-RTP participants may join"),
   ("List<String>", "groups", False, "the names of the room's groups, for grouped mixing"),
   ("String", "adminKey", False, "the plugin's admin_key, when the server requires one to create rooms"),
 ]),
 ("Edit", "edit", True, "Edits a room's description, secret, PIN, privacy or recording directories.", [
   ROOM, SECRET,
   ("String", "newDescription", False, "the new name"),
   ("String", "newSecret", False, "the new secret"),
   ("String", "newPin", False, "the new PIN; empty removes it"),
   ("Boolean", "newIsPrivate", False, "the new privacy"),
   ("String", "newRecordDir", False, "the new WAV directory"),
   ("String", "newMjrsDir", False, "the new .mjr directory"),
   ("Boolean", "permanent", False, "whether the change is also saved in the config file"),
 ]),
 ("Destroy", "destroy", True, "Destroys a room; participants get a {@code destroyed} event.", [
   ROOM, SECRET, ("Boolean", "permanent", False, "whether the room is also removed from the config file"),
 ]),
 ("Exists", "exists", True, "Whether a room exists.", [ROOM]),
 ("Allowed", "allowed", True, "Edits a room's token ACL: enable or disable checking, add or remove tokens.", [
   ROOM, SECRET,
   ("AllowedAction", "action", True, "what to do"),
   ("List<String>", "allowed", False, "the tokens to add or remove"),
 ]),
 ("Kick", "kick", True, "Kicks a participant out of a room.", [ROOM, SECRET, ("long", "id", True, "the participant id")]),
 ("KickAll", "kick_all", True, "Kicks every participant out of a room.", [ROOM, SECRET]),
 ("ListRooms", "list", True, "Lists the public rooms (and, with the admin key, private ones).", []),
 ("ListParticipants", "listparticipants", True, "Lists a room's participants.", [ROOM]),
 ("Join", "join", False, "Joins a room (asynchronous: answered by a {@code joined} event). A JSEP offer may go with it.", [
   ROOM,
   ("Long", "id", False, "the participant id to use, or null for a random one"),
   ("String", "group", False, "the group to join, in a room with groups"),
   ("String", "pin", False, "the room PIN"),
   ("String", "display", False, "the display name"),
   ("String", "token", False, "the token checked against the room's ACL"),
   ("Boolean", "muted", False, "join muted"),
   ("String", "codec", False, "opus (default), pcmu or pcma"),
   ("Integer", "prebuffer", False, "packets to buffer before mixing this participant"),
   ("Integer", "bitrate", False, "Opus bitrate in bit/s towards this participant"),
   ("Integer", "quality", False, "Opus complexity 1..10 towards this participant"),
   ("Integer", "expectedLoss", False, "expected loss percentage (0..20) for Opus FEC"),
   ("Integer", "volume", False, "gain in percent applied to this participant (100 = unchanged)"),
   ("Integer", "spatialPosition", False, "stereo position 0 (left)..100 (right), in spatial rooms"),
   ("String", "secret", False, "the room secret (lets the participant join as admin)"),
   ("Integer", "audioLevelAverage", False, "this participant's talking threshold, overriding the room's"),
   ("Integer", "audioActivePackets", False, "this participant's talking window, overriding the room's"),
   ("Boolean", "record", False, "whether this participant is recorded to an .mjr file"),
   ("String", "filename", False, "the base name of that recording"),
   ("Boolean", "generateOffer", False, "whether Janus makes the SDP offer instead of answering one"),
   ("PlainRtp", "rtp", False, "join as a plain-RTP participant (no WebRTC) sending from and receiving at this address; the room must allow it"),
 ]),
 ("Configure", "configure", False, "Changes own settings (asynchronous: answered by an {@code event} with {@code result: ok}, and the JSEP answer when an offer went with it).", [
   ("Boolean", "muted", False, "mute or unmute oneself"),
   ("String", "display", False, "a new display name"),
   ("Integer", "prebuffer", False, "packets to buffer before mixing"),
   ("Integer", "bitrate", False, "Opus bitrate in bit/s towards oneself"),
   ("Integer", "quality", False, "Opus complexity 1..10"),
   ("Integer", "expectedLoss", False, "expected loss percentage (0..20) for Opus FEC"),
   ("Integer", "volume", False, "gain in percent applied to oneself"),
   ("Integer", "spatialPosition", False, "stereo position 0..100, in spatial rooms"),
   ("Boolean", "record", False, "start or stop recording oneself to an .mjr file"),
   ("String", "filename", False, "the base name of that recording"),
   ("String", "group", False, "move to this group"),
 ]),
 ("Mute", "mute", True, "Mutes another participant (moderation).", [ROOM, SECRET, ("long", "id", True, "the participant id")]),
 ("Unmute", "unmute", True, "Unmutes another participant (moderation).", [ROOM, SECRET, ("long", "id", True, "the participant id")]),
 ("MuteRoom", "mute_room", True, "Mutes the whole room: only admins are mixed; participants get a {@code muted: true} event.", [ROOM, SECRET]),
 ("UnmuteRoom", "unmute_room", True, "Unmutes the whole room.", [ROOM, SECRET]),
 ("ChangeRoom", "changeroom", False, "Leaves the current room and joins another on the same PeerConnection (asynchronous: answered by {@code roomchanged}).", [
   ROOM,
   ("Long", "id", False, "the participant id to use in the new room, or null for a random one"),
   ("String", "group", False, "the group to join"),
   ("String", "pin", False, "the new room's PIN"),
   ("String", "display", False, "the display name"),
   ("String", "token", False, "the token checked against the new room's ACL"),
   ("Boolean", "muted", False, "join muted"),
 ]),
 ("Leave", "leave", False, "Leaves the room (asynchronous: answered by {@code left}).", []),
 ("Hangup", "hangup", False, "Asks the plugin to close the PeerConnection but stay in the room (asynchronous).", []),
 ("EnableRecording", "enable_recording", True, "Starts or stops recording the room's mix to a WAV file.", [
   ROOM, SECRET,
   ("boolean", "record", True, "start (true) or stop (false)"),
   ("String", "recordFile", False, "the WAV file name"),
   ("String", "recordDir", False, "the directory of the WAV file"),
 ]),
 ("EnableMjrs", "enable_mjrs", True, "Starts or stops recording each participant to .mjr files.", [
   ROOM, SECRET,
   ("boolean", "mjrs", True, "start (true) or stop (false)"),
   ("String", "mjrsDir", False, "the directory of the .mjr files"),
 ]),
 ("ResetDecoder", "resetdecoder", True, "Resets the plugin's Opus decoder for oneself.", []),
 ("PlayFile", "play_file", True, "Plays an Opus .opus (Ogg) file into the room as an announcement.", [
   ROOM, SECRET,
   ("String", "group", False, "play only to this group"),
   ("String", "fileId", False, "the announcement id, or null for a random one"),
   ("String", "filename", True, "the path of the .opus file on the server"),
   ("Boolean", "loop", False, "whether to loop it"),
 ]),
 ("IsPlaying", "is_playing", True, "Whether an announcement is playing.", [ROOM, SECRET, ("String", "fileId", True, "the announcement id")]),
 ("StopFile", "stop_file", True, "Stops an announcement.", [ROOM, SECRET, ("String", "fileId", True, "the announcement id")]),
 ("RtpForward", "rtp_forward", True, "Forwards the room's mix as plain (or SRTP) RTP to a host and port.", [
   ROOM, SECRET,
   ("String", "group", False, "forward only this group's mix"),
   ("Long", "ssrc", False, "the SSRC to use, or null for a random one"),
   ("String", "codec", False, "opus (default), pcmu or pcma"),
   ("Integer", "ptype", False, "the RTP payload type (default 100)"),
   ("String", "host", True, "the destination address"),
   ("String", "hostFamily", False, "ipv4 or ipv6, to resolve host"),
   ("int", "port", True, "the destination port"),
   ("Integer", "srtpSuite", False, "32 or 80: SRTP AES_CM_128_HMAC_SHA1 tag length, with srtpCrypto"),
   ("String", "srtpCrypto", False, "base64 SRTP master key and salt"),
   ("Boolean", "alwaysOn", False, "forward even while nobody talks"),
   ("String", "adminKey", False, "the plugin's admin_key, when lock_rtp_forward is set"),
 ]),
 ("StopRtpForward", "stop_rtp_forward", True, "Stops a forwarder.", [
   ROOM, SECRET, ("long", "streamId", True, "the forwarder id from rtp_forward"),
   ("String", "adminKey", False, "the plugin's admin_key, when lock_rtp_forward is set"),
 ]),
 ("ListForwarders", "listforwarders", True, "Lists a room's forwarders.", [ROOM, SECRET]),
 ("Suspend", "suspend", True, "Suspends a participant: not mixed and sent nothing, but stays in the room. "
   "<b>Not in Janus 1.1.2</b> (it answers 482 \"Unknown request 'suspend'\"); only in later Janus releases.", [
   ROOM, SECRET, ("long", "id", True, "the participant id"),
   ("Boolean", "pauseEvents", False, "also stop sending the participant events"),
 ]),
 ("Resume", "resume", True, "Resumes a suspended participant. "
   "<b>Not in Janus 1.1.2</b> (it answers 482 \"Unknown request 'resume'\"); only in later Janus releases.", [
   ROOM, SECRET, ("long", "id", True, "the participant id"),
 ]),
]

PRIM = {"long", "int", "boolean"}

def param_doc(fields):
    return "".join(f"     * @param {n} {d}{'' if r else ' (optional: null = not sent)'}\n" for t, n, r, d in fields)

out = []
w = out.append
w("""package dev.purertc.janus;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

// GENERATED by janus/tools/gen_requests.py from its table of the AudioBridge API; edit the table.

/**
 * Every request of the AudioBridge plugin (Janus 1.1.x), one record each. Components map to the
 * request's JSON fields in snake_case ({@code samplingRate} is {@code sampling_rate}); a null
 * component is not sent, so Janus applies its default. Records with many options have a
 * {@code builder}. Send them with {@link AudioBridge}, which knows what each one answers.
 *
 * <p>Synchronous requests are answered at once with {@code success}; asynchronous ones
 * ({@link Join}, {@link Configure}, {@link ChangeRoom}, {@link Leave}, {@link Hangup}) with an
 * {@code ack} and then an {@code event} (shared notes, janus.md section 5).
 */
public sealed interface AudioBridgeRequest {

    /** The request name on the wire, e.g. {@code create}. */
    String request();

    /** Whether Janus answers it at once ({@code success}) rather than with {@code ack} and an event. */
    boolean synchronous();

    /** The {@code action} of an {@link Allowed} request. */
    enum AllowedAction {
        ENABLE, DISABLE, ADD, REMOVE;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
""")
for name, req, sync, doc, fields in REQS:
    comps = ", ".join(f"{t} {n}" for t, n, r, d in fields)
    w(f"\n    /**\n     * {{@code {req}}}: {doc}\n     *\n{param_doc(fields)}     */\n")
    w(f"    record {name}({comps}) implements AudioBridgeRequest {{\n")
    checks = [f"            Objects.requireNonNull({n}, \"{n}\");\n" for t, n, r, d in fields if r and t not in PRIM]
    lists = [f"            {n} = {n} == null ? null : List.copyOf({n});\n" for t, n, r, d in fields if t.startswith("List")]
    pos = [f"            if ({n} <= 0) {{\n                throw new IllegalArgumentException(\"{n} must be positive: \" + {n});\n            }}\n"
           for t, n, r, d in fields if t in ("long", "int")]
    if checks or lists or pos:
        w(f"        public {name} {{\n" + "".join(checks) + "".join(pos) + "".join(lists) + "        }\n\n")
    w(f"        @Override\n        public String request() {{\n            return \"{req}\";\n        }}\n\n")
    w(f"        @Override\n        public boolean synchronous() {{\n            return {'true' if sync else 'false'};\n        }}\n")
    opt = [f for f in fields if not f[2]]
    req_fields = [f for f in fields if f[2]]
    if len(opt) > 3:
        rargs = ", ".join(f"{t} {n}" for t, n, r, d in req_fields)
        rnames = "".join(f"            b.{n} = {n};\n" for t, n, r, d in req_fields)
        w(f"\n        /** A builder with the required fields set and every option unset. */\n")
        w(f"        public static Builder builder({rargs}) {{\n            Builder b = new Builder();\n{rnames}            return b;\n        }}\n")
        w(f"\n        /** Builds a {{@link {name}}}; every option starts unset (null, Janus's default). */\n")
        w(f"        public static final class Builder {{\n")
        for t, n, r, d in fields:
            w(f"            private {t} {n};\n")
        w(f"\n            private Builder() {{\n            }}\n")
        for t, n, r, d in opt:
            w(f"\n            /** Sets {n}: {d}. */\n            public Builder {n}({t} {n}) {{\n                this.{n} = {n};\n                return this;\n            }}\n")
        args = ", ".join(n for t, n, r, d in fields)
        w(f"\n            public {name} build() {{\n                return new {name}({args});\n            }}\n        }}\n")
    w("    }\n")
w("}\n")
print("".join(out), end="")
