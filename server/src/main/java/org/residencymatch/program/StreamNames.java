package org.residencymatch.program;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.residencymatch.tabular.TextKey;

/**
 * What each stream name published in a catalogue means: its {@link StreamType}, and whether it carries
 * return of service or includes military training plan positions. Read from
 * {@code program/stream-names.csv}, so that a new name is a data change.
 */
public final class StreamNames {

    /** The meaning of one stream name, and the name in French (the catalogue publishes English only). */
    public record Meaning(StreamType type, boolean returnOfService, boolean includesMilitary, String frenchName) {
    }

    private static final StreamNames STANDARD = load();

    private final Map<String, Meaning> byKey;

    private StreamNames(Map<String, Meaning> byKey) {
        this.byKey = byKey;
    }

    /** The names shipped with the service. */
    public static StreamNames standard() {
        return STANDARD;
    }

    private static StreamNames load() {
        try (InputStream in = StreamNames.class.getResourceAsStream("/program/stream-names.csv")) {
            if (in == null) throw new IllegalStateException("program/stream-names.csv is missing from the classpath");
            Map<String, Meaning> byKey = new HashMap<>();
            var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
            for (CSVRecord record : format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                byKey.put(
                        TextKey.of(record.get("stream_name")),
                        new Meaning(
                                StreamType.valueOf(record.get("stream_type")),
                                Boolean.parseBoolean(record.get("return_of_service")),
                                Boolean.parseBoolean(record.get("includes_military")),
                                record.get("stream_name_fr")));
            }
            return new StreamNames(Map.copyOf(byKey));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The meaning of a stream name, compared without regard to case, accents or spacing. */
    public Optional<Meaning> meaningOf(String streamName) {
        return Optional.ofNullable(byKey.get(TextKey.of(streamName)));
    }
}
