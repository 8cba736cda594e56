package org.residencymatch.matching;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.residencymatch.engine.InstanceProblem;
import org.residencymatch.engine.InvalidInstanceException;
import org.residencymatch.engine.MatchInstance;
import org.residencymatch.engine.MatchInstanceBuilder;
import org.residencymatch.engine.MatchResult;
import org.residencymatch.engine.MatchStats;
import org.residencymatch.engine.ProgramPair;
import org.residencymatch.engine.audit.BlockingPair;

/**
 * Reads and writes the match instance and result JSON of {@code docs/MATCH-FORMAT.md} (version 1).
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

    /** Streaming reader and writer; the tree model (databind) is only loaded on demand, see {@link Tree}. */
    private static final JsonFactory FACTORY = new JsonFactory();

    private MatchFormat() {
    }

    // ---- instance -----------------------------------------------------------------------------

    /**
     * Reads an instance.
     *
     * <p>The instance is read in one streaming pass (no tree of the whole file is built, so a
     * national instance reads in a fraction of the time and memory). The problems reported are
     * exactly those of a reading of the whole tree: a file that is not well-formed JSON gives only
     * that error; otherwise the format, then the programs, applicants and couples are checked in
     * that order whatever the order of the fields in the file, a field given twice counts with its
     * last value, and a wrong value is shown as the JSON it is.
     *
     * @throws InvalidInstanceException listing every problem, when the JSON or the instance is wrong
     * @throws IOException              when the stream cannot be read
     */
    public static MatchInstance readInstance(InputStream in) throws IOException {
        InstanceReader reader = new InstanceReader();
        try (JsonParser json = FACTORY.createParser(in)) {
            JsonToken first = json.nextToken();
            if (first == null) {
                throw shapeError("instance", "", "(root)", "the file is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                consume(json);
                throw shapeError("instance", "", "(root)", "must be a JSON object");
            }
            reader.readRoot(json);
        } catch (JsonProcessingException e) {
            throw notWellFormed("instance", e);
        } catch (CharConversionException e) {
            throw notText("instance", e);
        }
        return reader.build();
    }

    /** Writes an instance, one item a line (ROLs inline) so large files stay readable and diffable. */
    public static void writeInstance(MatchInstance instance, OutputStream out) throws IOException {
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
        writeResult(result, seed, null, out);
    }

    /**
     * Writes a result, with the exact method's verdict in the stats ({@code "exact"}:
     * {@code "stable"}, {@code "no-stable-matching"} or {@code "unknown"}) when it ran.
     *
     * @param exactVerdict the verdict, or {@code null} when the exact method did not run
     */
    public static void writeResult(MatchResult result, long seed, String exactVerdict, OutputStream out) throws IOException {
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

    /** Reads a whole file as a tree (the result file; the instance is streamed, see readInstance). */
    private static JsonNode parse(InputStream in, String kind) throws IOException {
        try {
            JsonNode root = Tree.MAPPER.readTree(in);
            if (root == null || root.isMissingNode()) {
                throw shapeError(kind, "", "(root)", "the file is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw notWellFormed(kind, e);
        } catch (CharConversionException e) {
            throw notText(kind, e);
        }
    }

    /**
     * Bytes that are not text in the encoding Jackson detected (a file starting with zero bytes reads as
     * UTF-32) are reported by Jackson as a plain {@link IOException}, not a parse error: they are still
     * a file that is not JSON, not a stream that could not be read (found by fuzzing, docs/FUZZING.md).
     */
    private static InvalidInstanceException notText(String kind, CharConversionException e) {
        return shapeError(kind, "", "(json)", "is not well-formed JSON: " + e.getMessage());
    }

    private static InvalidInstanceException notWellFormed(String kind, JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return shapeError(kind, "", "(json)", "is not well-formed JSON" + where + ": " + e.getOriginalMessage());
    }

    private static void checkFormat(JsonNode root, String expected, String kind, List<InstanceProblem> problems) {
        JsonNode format = root.get("format");
        if (format != null && !expected.equals(format.asText(null))) {
            problems.add(new InstanceProblem(kind, "", "format", "must be \"" + expected + "\", was " + format));
        }
    }

    /**
     * Jackson databind, loaded only when needed: for the result file, and to show a wrong value of an
     * instance exactly as the JSON it is. A well-formed instance is read without it (the command
     * line starts faster).
     */
    private static final class Tree {
        static final ObjectMapper MAPPER = new ObjectMapper();

        /** The value at the parser's current token, read whole (the parser moves to its last token). */
        static JsonNode read(JsonParser json) throws IOException {
            JsonNode node = MAPPER.readTree(json);
            return node == null ? MAPPER.getNodeFactory().nullNode() : node;
        }
    }

    /**
     * Reads past the value at the parser's current token, decoding it as a tree reading would, so
     * that a file is refused as not well-formed in exactly the same cases.
     */
    private static void consume(JsonParser json) throws IOException {
        int depth = 0;
        JsonToken token = json.currentToken();
        while (true) {
            if (token == null) {
                return; // end of input: the parser has already reported an unclosed container
            }
            switch (token) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                case VALUE_STRING -> json.getText();
                case VALUE_NUMBER_INT -> json.getNumberValue();
                case VALUE_NUMBER_FLOAT -> json.getDoubleValue();
                default -> {
                }
            }
            if (depth == 0) {
                return;
            }
            token = json.nextToken();
        }
    }

    /** A JSON {@code null}, as read by the streaming reader (a missing field is Java {@code null}). */
    private static final Object JSON_NULL = new Object();

    /** A problem of an item whose id is known only once the whole item has been read. */
    private record Pending(String field, String why) {
    }

    /** A string field as read: a {@code String}, {@link #JSON_NULL}, a {@code JsonNode} (any other value), or {@code null} (absent). */
    private static Object stringValue(JsonParser json, JsonToken token) throws IOException {
        return token == JsonToken.VALUE_STRING ? json.getText() : token == JsonToken.VALUE_NULL ? JSON_NULL : Tree.read(json);
    }

    /** A string field; {@code owner} names the item when the field is not its id. */
    private static String text(Object value, String kind, String field, List<InstanceProblem> problems, String owner) {
        if (value instanceof String string) {
            return string;
        }
        if (value instanceof JsonNode node) {
            problems.add(new InstanceProblem(kind, owner != null ? owner : node.toString(), field, "must be a string, was " + node));
        }
        // Missing or null: left to the builder, which reports a missing id or reference in its own words.
        return null;
    }

    /** A list of ids ({@code rol}) as read: the ids, and the problems of its entries. */
    private static final class IdList {
        final List<String> ids = new ArrayList<>();
        final List<Pending> problems = new ArrayList<>(0);
        boolean isNull;
    }

    private static IdList idList(JsonParser json, JsonToken token, String field) throws IOException {
        IdList list = new IdList();
        if (token == JsonToken.VALUE_NULL) {
            list.isNull = true;
            return list;
        }
        if (token != JsonToken.START_ARRAY) {
            consume(json);
            list.problems.add(new Pending(field, "must be an array of ids"));
            return list;
        }
        int i = 0;
        for (JsonToken entry = json.nextToken(); entry != JsonToken.END_ARRAY; entry = json.nextToken(), i++) {
            if (entry == JsonToken.VALUE_STRING) {
                list.ids.add(json.getText());
            } else {
                list.problems.add(new Pending(field + "[" + i + "]", "must be an id (string), was " + Tree.read(json)));
            }
        }
        return list;
    }

    /** A couple's list of pairs as read. */
    private static final class PairList {
        final List<ProgramPair> pairs = new ArrayList<>();
        final List<Pending> problems = new ArrayList<>(0);
    }

    private static PairList pairList(JsonParser json, JsonToken token) throws IOException {
        PairList list = new PairList();
        if (token == JsonToken.VALUE_NULL) {
            return list;
        }
        if (token != JsonToken.START_ARRAY) {
            consume(json);
            list.problems.add(new Pending("rol", "must be an array of pairs [first, second]"));
            return list;
        }
        int i = 0;
        for (JsonToken entry = json.nextToken(); entry != JsonToken.END_ARRAY; entry = json.nextToken(), i++) {
            pair(json, entry, i, list);
        }
        return list;
    }

    /** One pair: the usual {@code ["P1", "P2"]} (either side may be null) is read directly, anything else as a tree. */
    private static void pair(JsonParser json, JsonToken token, int index, PairList list) throws IOException {
        JsonNode pair;
        if (token == JsonToken.START_ARRAY) {
            String[] sides = new String[2];
            int size = 0;
            JsonToken side = json.nextToken();
            while (size < 2 && (side == JsonToken.VALUE_STRING || side == JsonToken.VALUE_NULL)) {
                sides[size++] = side == JsonToken.VALUE_STRING ? json.getText() : null;
                side = json.nextToken();
            }
            if (size == 2 && side == JsonToken.END_ARRAY) {
                list.pairs.add(ProgramPair.of(sides[0], sides[1]));
                return;
            }
            // Not two strings or nulls: rebuild the pair as a tree to report it.
            ArrayNode array = Tree.MAPPER.createArrayNode();
            for (int s = 0; s < size; s++) {
                array.add(sides[s]);
            }
            for (; side != JsonToken.END_ARRAY; side = json.nextToken()) {
                array.add(Tree.read(json));
            }
            pair = array;
        } else {
            pair = Tree.read(json);
        }
        String field = "rol[" + index + "]";
        if (!pair.isArray() || pair.size() != 2) {
            list.problems.add(new Pending(field,
                    "must be a pair [program for first, program for second] (null for no match), was " + pair));
            return;
        }
        String[] sides = new String[2];
        boolean ok = true;
        for (int side = 0; side < 2; side++) {
            JsonNode program = pair.get(side);
            if (program.isTextual()) {
                sides[side] = program.asText();
            } else if (!program.isNull()) {
                list.problems.add(new Pending(field + "[" + side + "]", "must be a program id (string) or null, was " + program));
                ok = false;
            }
        }
        if (ok) {
            list.pairs.add(ProgramPair.of(sides[0], sides[1]));
        }
    }

    private static void addPending(List<InstanceProblem> problems, String kind, String id, List<Pending> pending) {
        for (Pending problem : pending) {
            problems.add(new InstanceProblem(kind, id, problem.field(), problem.why()));
        }
    }

    private record ProgramItem(String id, int quota, List<String> rol) {
    }

    private record ApplicantItem(String id, List<String> rol) {
    }

    private record CoupleItem(String id, String first, String second, List<ProgramPair> rol) {
    }

    /** One of the instance's arrays ({@code programs}, {@code applicants}, {@code couples}) as read. */
    private static final class Section<T> {
        /** Problems of the array itself and of entries that are not objects, reported first. */
        final List<InstanceProblem> shape = new ArrayList<>(0);
        /** Problems of the items' fields, in item order. */
        final List<InstanceProblem> fields = new ArrayList<>(0);
        final List<T> items = new ArrayList<>();

        static <T> Section<T> absent(String field, boolean required) {
            Section<T> section = new Section<>();
            if (required) {
                section.shape.add(new InstanceProblem("instance", "", field, "is missing: an array is required"));
            }
            return section;
        }
    }

    @FunctionalInterface
    private interface ItemReader<T> {
        /** Reads one item, the parser on its START_OBJECT, to its END_OBJECT. */
        void read(JsonParser json, Section<T> section) throws IOException;
    }

    /** Reads an instance's root object in one pass; {@link #build()} then checks it in the order of the format. */
    private static final class InstanceReader {
        private InstanceProblem formatProblem;
        private Section<ProgramItem> programs;
        private Section<ApplicantItem> applicants;
        private Section<CoupleItem> couples;

        void readRoot(JsonParser json) throws IOException {
            for (JsonToken token = json.nextToken(); token == JsonToken.FIELD_NAME; token = json.nextToken()) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                // A field given twice counts with its last value, as in a tree reading.
                switch (field) {
                    case "format" -> formatProblem = format(json, value);
                    case "programs" -> programs = section(json, value, field, true, InstanceReader::program);
                    case "applicants" -> applicants = section(json, value, field, true, InstanceReader::applicant);
                    case "couples" -> couples = section(json, value, field, false, InstanceReader::couple);
                    default -> consume(json);
                }
            }
        }

        MatchInstance build() {
            List<InstanceProblem> problems = new ArrayList<>();
            if (formatProblem != null) {
                problems.add(formatProblem);
            }
            programs = programs != null ? programs : Section.absent("programs", true);
            applicants = applicants != null ? applicants : Section.absent("applicants", true);
            couples = couples != null ? couples : Section.absent("couples", false);
            for (Section<?> section : List.of(programs, applicants, couples)) {
                problems.addAll(section.shape);
                problems.addAll(section.fields);
            }
            if (!problems.isEmpty()) {
                throw new InvalidInstanceException(problems);
            }
            MatchInstanceBuilder builder = MatchInstance.builder();
            for (ProgramItem program : programs.items) {
                builder.program(program.id(), program.quota(), program.rol());
            }
            for (ApplicantItem applicant : applicants.items) {
                builder.applicant(applicant.id(), applicant.rol());
            }
            for (CoupleItem couple : couples.items) {
                builder.couple(couple.id(), couple.first(), couple.second(), couple.rol());
            }
            return builder.build();
        }

        private static InstanceProblem format(JsonParser json, JsonToken value) throws IOException {
            if (value == JsonToken.VALUE_STRING && INSTANCE_FORMAT.equals(json.getText())) {
                return null;
            }
            return new InstanceProblem("instance", "", "format", "must be \"" + INSTANCE_FORMAT + "\", was " + Tree.read(json));
        }

        private static <T> Section<T> section(JsonParser json, JsonToken value, String field, boolean required,
                                              ItemReader<T> reader) throws IOException {
            if (value == JsonToken.VALUE_NULL) {
                return Section.absent(field, required);
            }
            Section<T> section = new Section<>();
            if (value != JsonToken.START_ARRAY) {
                consume(json);
                section.shape.add(new InstanceProblem("instance", "", field, "must be an array"));
                return section;
            }
            String kind = field.substring(0, field.length() - 1);
            int i = 0;
            for (JsonToken item = json.nextToken(); item != JsonToken.END_ARRAY; item = json.nextToken(), i++) {
                if (item == JsonToken.START_OBJECT) {
                    reader.read(json, section);
                } else {
                    consume(json);
                    section.shape.add(new InstanceProblem(kind, "", field + "[" + i + "]", "must be an object"));
                }
            }
            return section;
        }

        private static void program(JsonParser json, Section<ProgramItem> section) throws IOException {
            Object id = null;
            JsonToken quotaToken = null;
            int quotaValue = 0;
            JsonNode badQuota = null;
            IdList rol = null;
            for (JsonToken token = json.nextToken(); token == JsonToken.FIELD_NAME; token = json.nextToken()) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "id" -> id = stringValue(json, value);
                    case "quota" -> {
                        quotaToken = value;
                        if (value == JsonToken.VALUE_NUMBER_INT && json.getNumberType() == JsonParser.NumberType.INT) {
                            quotaValue = json.getIntValue();
                            badQuota = null;
                        } else {
                            badQuota = Tree.read(json);
                        }
                    }
                    case "rol" -> rol = idList(json, value, "rol");
                    default -> consume(json);
                }
            }
            List<InstanceProblem> problems = section.fields;
            String programId = text(id, "program", "id", problems, null);
            int quota = quotaValue;
            if (quotaToken == null || badQuota != null) {
                problems.add(new InstanceProblem("program", programId, "quota",
                        quotaToken == null ? "is missing: an integer >= 0 is required" : "must be an integer >= 0, was " + badQuota));
                quota = 0;
            }
            List<String> ids = List.of();
            if (rol != null && !rol.isNull) {
                addPending(problems, "program", programId, rol.problems);
                ids = rol.ids;
            }
            section.items.add(new ProgramItem(programId, quota, ids));
        }

        private static void applicant(JsonParser json, Section<ApplicantItem> section) throws IOException {
            Object id = null;
            IdList rol = null;
            for (JsonToken token = json.nextToken(); token == JsonToken.FIELD_NAME; token = json.nextToken()) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "id" -> id = stringValue(json, value);
                    case "rol" -> rol = idList(json, value, "rol");
                    default -> consume(json);
                }
            }
            List<InstanceProblem> problems = section.fields;
            String applicantId = text(id, "applicant", "id", problems, null);
            List<String> ids = null;
            if (rol != null && !rol.isNull) {
                addPending(problems, "applicant", applicantId, rol.problems);
                ids = rol.ids;
            }
            section.items.add(new ApplicantItem(applicantId, ids));
        }

        private static void couple(JsonParser json, Section<CoupleItem> section) throws IOException {
            Object id = null;
            Object first = null;
            Object second = null;
            PairList rol = null;
            for (JsonToken token = json.nextToken(); token == JsonToken.FIELD_NAME; token = json.nextToken()) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "id" -> id = stringValue(json, value);
                    case "first" -> first = stringValue(json, value);
                    case "second" -> second = stringValue(json, value);
                    case "rol" -> rol = pairList(json, value);
                    default -> consume(json);
                }
            }
            List<InstanceProblem> problems = section.fields;
            String coupleId = text(id, "couple", "id", problems, null);
            String firstId = text(first, "couple", "first", problems, coupleId);
            String secondId = text(second, "couple", "second", problems, coupleId);
            List<ProgramPair> pairs = List.of();
            if (rol != null) {
                addPending(problems, "couple", coupleId, rol.problems);
                pairs = rol.pairs;
            }
            section.items.add(new CoupleItem(coupleId, firstId, secondId, pairs));
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

    private static InvalidInstanceException shapeError(String kind, String id, String field, String why) {
        return new InvalidInstanceException(Arrays.asList(new InstanceProblem(kind, id, field, why)));
    }
}
