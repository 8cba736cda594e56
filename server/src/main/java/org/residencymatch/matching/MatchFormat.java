package org.residencymatch.matching;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.residencymatch.engine.InstanceProblem;
import org.residencymatch.engine.InvalidInstanceException;
import org.residencymatch.engine.MatchInstance;
import org.residencymatch.engine.MatchInstanceBuilder;
import org.residencymatch.engine.MatchResult;
import org.residencymatch.engine.MatchStats;
import org.residencymatch.engine.ProgramPair;
import org.residencymatch.engine.audit.BlockingPair;

/**
 * Reads and writes the match instance and result JSON of {@code MATCH-FORMAT.md} (version 1).
 *
 * <p>This layer checks only the JSON shape (an array where an array belongs, a string id, an
 * integer quota, pairs of two); the rules of the instance itself (unique ids, known references, no
 * duplicates, couples) are the engine builder's, so that a service building instances in memory
 * gets the same checks. Both kinds of problem are reported the same way: an
 * {@link InvalidInstanceException} naming kind, id, field and why for each.
 *
 * <p>Unknown fields are ignored: the format may gain optional fields.
 */
public final class MatchFormat {

    public static final String INSTANCE_FORMAT = "residency-match/instance@1";
    public static final String RESULT_FORMAT = "residency-match/result@1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private MatchFormat() {
    }

    // ---- instance -----------------------------------------------------------------------------

    /**
     * Reads an instance.
     *
     * @throws InvalidInstanceException listing every problem, when the JSON or the instance is wrong
     * @throws IOException              when the stream cannot be read
     */
    public static MatchInstance readInstance(InputStream in) throws IOException {
        JsonNode root = parse(in, "instance");
        List<InstanceProblem> problems = new ArrayList<>();
        if (!root.isObject()) {
            throw shapeError("instance", "", "(root)", "must be a JSON object");
        }
        checkFormat(root, INSTANCE_FORMAT, "instance", problems);
        MatchInstanceBuilder builder = MatchInstance.builder();
        for (JsonNode program : items(root, "programs", true, problems)) {
            String id = text(program, "program", "id", problems);
            int quota = quota(program, id, problems);
            builder.program(id, quota, idList(program.get("rol"), "program", id, "rol", problems));
        }
        for (JsonNode applicant : items(root, "applicants", true, problems)) {
            String id = text(applicant, "applicant", "id", problems);
            JsonNode rol = applicant.get("rol");
            builder.applicant(id, rol == null || rol.isNull() ? null : idList(rol, "applicant", id, "rol", problems));
        }
        for (JsonNode couple : items(root, "couples", false, problems)) {
            String id = text(couple, "couple", "id", problems);
            String first = text(couple, "couple", "first", problems, id);
            String second = text(couple, "couple", "second", problems, id);
            builder.couple(id, first, second, pairs(couple.get("rol"), id, problems));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInstanceException(problems);
        }
        return builder.build();
    }

    /** Writes an instance, one item a line (ROLs inline) so large files stay readable and diffable. */
    public static void writeInstance(MatchInstance instance, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
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

    // ---- result -------------------------------------------------------------------------------

    /** A result file as read back: the matches by applicant id, and the stable flag it claims. */
    public record ResultFile(Map<String, String> matches, boolean stable) {
    }

    /**
     * Writes a result: every applicant with its stream or {@code null}, the audit's verdict, the
     * blocking pairs, and counts.
     *
     * @param seed the seed the run used, recorded in the stats so the run can be repeated
     */
    public static void writeResult(MatchResult result, long seed, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
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
            json.writeNumberField("seed", seed);
            json.writeEndObject();
            json.writeEndObject();
            json.writeRaw("\n");
        }
    }

    /**
     * Reads a result file's matches (for an audit).
     *
     * @throws InvalidInstanceException when the file is not a result in the format's shape
     */
    public static ResultFile readResult(InputStream in) throws IOException {
        JsonNode root = parse(in, "result");
        if (!root.isObject()) {
            throw shapeError("result", "", "(root)", "must be a JSON object");
        }
        List<InstanceProblem> problems = new ArrayList<>();
        checkFormat(root, RESULT_FORMAT, "result", problems);
        JsonNode matches = root.get("matches");
        Map<String, String> byApplicant = new LinkedHashMap<>();
        if (matches == null || !matches.isObject()) {
            problems.add(new InstanceProblem("result", "", "matches", "must be an object of applicant id -> program id or null"));
        } else {
            for (Map.Entry<String, JsonNode> match : matches.properties()) {
                JsonNode program = match.getValue();
                if (program.isNull()) {
                    byApplicant.put(match.getKey(), null);
                } else if (program.isTextual()) {
                    byApplicant.put(match.getKey(), program.asText());
                } else {
                    problems.add(new InstanceProblem("result", "", "matches." + match.getKey(), "must be a program id (string) or null"));
                }
            }
        }
        JsonNode stable = root.get("stable");
        if (stable != null && !stable.isBoolean()) {
            problems.add(new InstanceProblem("result", "", "stable", "must be true or false"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInstanceException(problems);
        }
        return new ResultFile(byApplicant, stable != null && stable.asBoolean());
    }

    // ---- JSON shape helpers -------------------------------------------------------------------

    private static JsonNode parse(InputStream in, String kind) throws IOException {
        try {
            JsonNode root = JSON.readTree(in);
            if (root == null || root.isMissingNode()) {
                throw shapeError(kind, "", "(root)", "the file is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw shapeError(kind, "", "(json)", "is not well-formed JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    private static void checkFormat(JsonNode root, String expected, String kind, List<InstanceProblem> problems) {
        JsonNode format = root.get("format");
        if (format != null && !expected.equals(format.asText(null))) {
            problems.add(new InstanceProblem(kind, "", "format", "must be \"" + expected + "\", was " + format));
        }
    }

    private static List<JsonNode> items(JsonNode root, String field, boolean required, List<InstanceProblem> problems) {
        JsonNode array = root.get(field);
        if (array == null || array.isNull()) {
            if (required) {
                problems.add(new InstanceProblem("instance", "", field, "is missing: an array is required"));
            }
            return List.of();
        }
        if (!array.isArray()) {
            problems.add(new InstanceProblem("instance", "", field, "must be an array"));
            return List.of();
        }
        List<JsonNode> objects = new ArrayList<>(array.size());
        String kind = field.substring(0, field.length() - 1);
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).isObject()) {
                objects.add(array.get(i));
            } else {
                problems.add(new InstanceProblem(kind, "", field + "[" + i + "]", "must be an object"));
            }
        }
        return objects;
    }

    private static String text(JsonNode item, String kind, String field, List<InstanceProblem> problems) {
        return text(item, kind, field, problems, null);
    }

    /** A string field; {@code owner} names the item when the field is not its id. */
    private static String text(JsonNode item, String kind, String field, List<InstanceProblem> problems, String owner) {
        JsonNode value = item.get(field);
        if (value != null && value.isTextual()) {
            return value.asText();
        }
        String id = owner != null ? owner : value == null ? "" : value.toString();
        if (value != null && !value.isNull()) {
            problems.add(new InstanceProblem(kind, id, field, "must be a string, was " + value));
        }
        // Missing: left to the builder, which reports a missing id or reference in its own words.
        return null;
    }

    private static int quota(JsonNode program, String id, List<InstanceProblem> problems) {
        JsonNode quota = program.get("quota");
        if (quota == null || !quota.isIntegralNumber() || !quota.canConvertToInt()) {
            problems.add(new InstanceProblem("program", id, "quota",
                    quota == null ? "is missing: an integer >= 0 is required" : "must be an integer >= 0, was " + quota));
            return 0;
        }
        return quota.intValue();
    }

    private static List<String> idList(JsonNode array, String kind, String id, String field, List<InstanceProblem> problems) {
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            problems.add(new InstanceProblem(kind, id, field, "must be an array of ids"));
            return List.of();
        }
        List<String> ids = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode entry = array.get(i);
            if (entry.isTextual()) {
                ids.add(entry.asText());
            } else {
                problems.add(new InstanceProblem(kind, id, field + "[" + i + "]", "must be an id (string), was " + entry));
            }
        }
        return ids;
    }

    private static List<ProgramPair> pairs(JsonNode array, String id, List<InstanceProblem> problems) {
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            problems.add(new InstanceProblem("couple", id, "rol", "must be an array of pairs [first, second]"));
            return List.of();
        }
        List<ProgramPair> pairs = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode pair = array.get(i);
            String field = "rol[" + i + "]";
            if (!pair.isArray() || pair.size() != 2) {
                problems.add(new InstanceProblem("couple", id, field,
                        "must be a pair [program for first, program for second] (null for no match), was " + pair));
                continue;
            }
            String[] sides = new String[2];
            boolean ok = true;
            for (int side = 0; side < 2; side++) {
                JsonNode program = pair.get(side);
                if (program.isTextual()) {
                    sides[side] = program.asText();
                } else if (!program.isNull()) {
                    problems.add(new InstanceProblem("couple", id, field + "[" + side + "]",
                            "must be a program id (string) or null, was " + program));
                    ok = false;
                }
            }
            if (ok) {
                pairs.add(ProgramPair.of(sides[0], sides[1]));
            }
        }
        return pairs;
    }

    private static void writeStrings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeFieldName(field);
        json.writeStartArray();
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static InvalidInstanceException shapeError(String kind, String id, String field, String why) {
        return new InvalidInstanceException(Arrays.asList(new InstanceProblem(kind, id, field, why)));
    }
}
