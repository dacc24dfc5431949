#!/usr/bin/env bash
# Native libopus reference for OpusCodecBenchmark: makes 125 s of espeak-ng speech at 48 kHz mono
# 16-bit, then times opusenc/opusdec from Debian's opus-tools on it (user CPU seconds, best of 3)
# at 32 kbit/s, 20 ms frames, complexity 0..10, with and without --speech.
# Needs: apt-get install -y opus-tools sox espeak-ng
# Output directory: $1, default /tmp/purertc-opus. Prints x-realtime = 125 s / user seconds.
set -euo pipefail
out=${1:-/tmp/purertc-opus}
mkdir -p "$out"
cd "$out"

if [ ! -f speech-125s.raw ]; then
  # Any varied English text; read slowly enough to last past 125 s, then cut.
  line="The quick brown fox jumps over the lazy dog near the quiet river bank. \
Please call Stella and ask her to bring these things with her from the store. \
Is this the right way to the conference room on the fifth floor, or should we take the stairs? \
When the network drops a packet, the decoder must guess what was said and keep the voice natural. \
Numbers such as four hundred and twenty seven are read out one by one."
  for _ in 1 2 3 4 5 6 7 8 9 10 11 12; do echo "$line"; done > speech.txt
  espeak-ng -v en-us -s 150 -f speech.txt -w speech.wav
  sox speech.wav -r 48000 -c 1 -b 16 -e signed-integer -t raw speech-125s.raw trim 0 125
fi

best_user_seconds() { # command... -> best user CPU seconds of 3 runs
  local best=
  for _ in 1 2 3; do
    local t
    /usr/bin/time -f %U -o time.txt "$@" >/dev/null 2>&1
    t=$(tail -n 1 time.txt)
    if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
  done
  echo "$best"
}

opusenc --version | head -n 1
printf '%-8s %-9s %10s %10s %10s %10s\n' signal complexity enc_user_s enc_xRT dec_user_s dec_xRT
for signal in auto speech; do
  for c in 0 1 2 3 4 5 6 7 8 9 10; do
    extra=(); [ "$signal" = speech ] && extra=(--speech)
    enc=$(best_user_seconds opusenc --quiet --raw --raw-bits 16 --raw-rate 48000 --raw-chan 1 \
      --bitrate 32 --framesize 20 --comp "$c" "${extra[@]}" speech-125s.raw "native-$signal-cx$c.opus")
    dec=$(best_user_seconds opusdec --quiet --rate 48000 --no-dither "native-$signal-cx$c.opus" "native-$signal-cx$c.wav")
    printf '%-8s %-9s %10s %10.0f %10s %10.0f\n' "$signal" "$c" "$enc" "$(awk "BEGIN{print 125/$enc}")" \
      "$dec" "$(awk "BEGIN{print 125/$dec}")"
  done
done
