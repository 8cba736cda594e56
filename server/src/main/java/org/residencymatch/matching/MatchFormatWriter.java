package org.residencymatch.matching;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import org.residencymatch.engine.MatchInstance;
import org.residencymatch.engine.MatchResult;
import org.residencymatch.engine.MatchStats;
import org.residencymatch.engine.ProgramPair;
import org.residencymatch.engine.audit.BlockingPair;

import static org.residencymatch.matching.MatchFormat.INSTANCE_FORMAT;
import static org.residencymatch.matching.MatchFormat.RESULT_FORMAT;
import static org.residencymatch.matching.MatchJson.FACTORY;

/** Writes instances and results of {@code docs/MATCH-FORMAT.md} (version 1), streaming. */
final class MatchFormatWriter {

    private MatchFormatWriter() {
    }

    /** Writes an instance, one item a line (ROLs inline) so large files stay readable and diffable. */
    static void writeInstance(MatchInstance instance, OutputStream out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeStringField("format", INSTANCE_FORMAT);
            json.writeFieldName("programs");
            json.writeStartArray();
            for (int p = 0; p < instance.programCount(); p++) {
                json.writeRaw("\n  ");
                json.writeStartObject();
                json.writeStringField("id", instance.programId(p));
                json.writeNumberField("quota", instance.quota(p));
                writeStrings(json, "rol", instance.programRolIds(p));
                json.writeEndObject();
            }
            json.writeRaw("\n");
            json.writeEndArray();
            json.writeFieldName("applicants");
            json.writeStartArray();
            for (int a = 0; a < instance.applicantCount(); a++) {
                json.writeRaw("\n  ");
                json.writeStartObject();
                json.writeStringField("id", instance.applicantId(a));
                if (instance.coupleOf(a) < 0) {
                    writeStrings(json, "rol", instance.applicantRolIds(a));
                }
                json.writeEndObject();
            }
            json.writeRaw("\n");
            json.writeEndArray();
            json.writeFieldName("couples");
            json.writeStartArray();
            for (int c = 0; c < instance.coupleCount(); c++) {
                json.writeRaw("\n  ");
                json.writeStartObject();
                json.writeStringField("id", instance.coupleId(c));
                json.writeStringField("first", instance.applicantId(instance.coupleFirst(c)));
                json.writeStringField("second", instance.applicantId(instance.coupleSecond(c)));
                json.writeFieldName("rol");
                json.writeStartArray();
                for (ProgramPair pair : instance.couplePairIds(c)) {
                    json.writeStartArray();
                    json.writeString(pair.first());
                    json.writeString(pair.second());
                    json.writeEndArray();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeRaw("\n");
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw("\n");
        }
    }

    /**
     * Writes a result, with the exact method's verdict in the stats ({@code "exact"}:
     * {@code "stable"}, {@code "no-stable-matching"} or {@code "unknown"}) when it ran.
     *
     * @param exactVerdict the verdict, or {@code null} when the exact method did not run
     */
    static void writeResult(MatchResult result, long seed, String exactVerdict, OutputStream out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeStringField("format", RESULT_FORMAT);
            json.writeFieldName("matches");
            json.writeStartObject();
            for (Map.Entry<String, String> match : result.assignments().entrySet()) {
                json.writeRaw("\n  ");
                json.writeStringField(match.getKey(), match.getValue());
            }
            json.writeRaw("\n");
            json.writeEndObject();
            json.writeBooleanField("stable", result.stable());
            json.writeFieldName("blocking");
            json.writeStartArray();
            for (BlockingPair pair : result.blocking()) {
                json.writeRaw("\n  ");
                json.writeStartObject();
                json.writeStringField("kind", pair.kind() == BlockingPair.Kind.SINGLE ? "single" : "couple");
                json.writeStringField("id", pair.id());
                writeStrings(json, "programs", pair.programs());
                json.writeEndObject();
            }
            json.writeEndArray();
            if (!result.audit().violations().isEmpty()) {
                writeStrings(json, "violations", result.audit().violations());
            }
            MatchStats stats = result.stats();
            json.writeFieldName("stats");
            json.writeStartObject();
            json.writeNumberField("applicants", stats.applicants());
            json.writeNumberField("matched", stats.matched());
            json.writeNumberField("positions", stats.positions());
            json.writeNumberField("filled", stats.filled());
            json.writeNumberField("elapsedMillis", stats.elapsedMillis());
            json.writeNumberField("couples", stats.couples());
            json.writeNumberField("blockingCount", result.audit().blockingCount());
            json.writeNumberField("attempts", stats.attempts());
            json.writeNumberField("rounds", stats.rounds());
            json.writeNumberField("proposals", stats.proposals());
            json.writeBooleanField("cycleDetected", stats.cycleDetected());
            json.writeStringField("strategy", stats.strategy());
            json.writeBooleanField("budgetExhausted", stats.budgetExhausted());
            if (exactVerdict != null) {
                json.writeStringField("exact", exactVerdict);
            }
            json.writeNumberField("seed", seed);
            json.writeEndObject();
            json.writeEndObject();
            json.writeRaw("\n");
        }
    }

    private static void writeStrings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeFieldName(field);
        json.writeStartArray();
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
