package dev.purertc.audio;

import java.nio.file.Files;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PactlParserProperties {
    @Property(tries = 500)
    void anyTextParsesWithoutThrowing(@ForAll("texts") String text) {
        PactlParser.devices(text, Direction.OUTPUT, "vsink");
        PactlParser.devices(text, Direction.INPUT, null);
        PactlParser.info(text);
        PactlParser.streamsOf(text, 1723);
        for (String line : text.split("\n")) {
            PactlParser.eventFacility(line);
            PactlParser.newStream(line);
            PactlParser.sampleSpec(line);
        }
    }

    @Provide
    Arbitrary<String> texts() throws Exception {
        // Real output with lines dropped, duplicated or garbled, and plain random text.
        List<String> lines = List.of(Files.readString(WavFileTest.resource("pactl-16.1-list-sinks.txt")).split("\n"));
        Arbitrary<String> line = Arbitraries.oneOf(Arbitraries.of(lines),
                Arbitraries.of(lines).map(l -> l.replaceAll("\\d", "9999999999")),
                Arbitraries.of(lines).map(l -> l.replace("\"", "")),
                Arbitraries.strings().ofMaxLength(40));
        return Arbitraries.oneOf(line.list().ofMaxSize(60).map(l -> String.join("\n", l)),
                Arbitraries.strings().ofMaxLength(300));
    }
}
