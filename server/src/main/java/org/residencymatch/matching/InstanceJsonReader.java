package org.residencymatch.matching;

import static org.residencymatch.matching.MatchJson.JSON_NULL;
import static org.residencymatch.matching.MatchJson.Tree;
import static org.residencymatch.matching.MatchJson.consume;
import static org.residencymatch.matching.MatchJson.notText;
import static org.residencymatch.matching.MatchJson.notWellFormed;
import static org.residencymatch.matching.MatchJson.shapeError;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.residencymatch.engine.IdTable;
import org.residencymatch.engine.InstanceProblem;
import org.residencymatch.engine.InvalidInstanceException;
import org.residencymatch.engine.MatchInstance;
import org.residencymatch.engine.MatchInstanceBuilder;
import org.residencymatch.matching.MatchJson.Pending;

/**
 * Reads an instance of {@code docs/MATCH-FORMAT.md} in one streaming pass, straight into a
 * {@link MatchInstanceBuilder}.
 *
 * <p>No tree of the file is built, and no {@code String} is made for an id already met: every id
 * is interned into the builder's {@link IdTable} of its kind from the parser's own character
 * buffer, and ROLs are handed over as {@code int} arrays of symbols (a national instance names
 * about two million ids, some fifty thousand distinct). The problems reported are exactly those of
 * a reading of the whole tree: a file that is not well-formed JSON gives only that error; otherwise
 * the format, then the programs, applicants and couples are checked in that order whatever the
 * order of the fields in the file, a field given twice counts with its last value, and a wrong value
 * is shown as the JSON it is.
 *
 * <p>This layer checks only the JSON shape (an array where an array belongs, a string id, an integer
 * quota, pairs of two); the rules of the instance itself are the builder's.
 */
final class InstanceJsonReader {

    private final MatchInstanceBuilder builder = MatchInstance.builder();
    private final IdTable programIds = builder.programIds();
    private final IdTable applicantIds = builder.applicantIds();
    private final IdTable coupleIds = builder.coupleIds();

    private InstanceProblem formatProblem;
    private Section programs;
    private Section applicants;
    private Section couples;

    // The item being read: its id, and its ROL as symbols (reused from item to item).
    private int idSymbol;
    private Object idOther;
    private int[] rol = new int[256];
    private int[] rolSecond = new int[256];
    private int rolLength;
    private boolean rolIsNull;
    private List<Pending> rolProblems = new ArrayList<>(0);

    private InstanceJsonReader() {
    }

    /**
     * Reads an instance.
     *
     * @throws InvalidInstanceException listing every problem, when the JSON or the instance is wrong
     * @throws IOException              when the stream cannot be read
     */
    static MatchInstance read(InputStream in) throws IOException {
        InstanceJsonReader reader = new InstanceJsonReader();
        try (JsonParser json = MatchJson.FACTORY.createParser(in)) {
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

    /** One of the instance's arrays ({@code programs}, {@code applicants}, {@code couples}) as read. */
    private static final class Section {
        /** Problems of the array itself and of entries that are not objects, reported first. */
        final List<InstanceProblem> shape = new ArrayList<>(0);
        /** Problems of the items' fields, in item order. */
        final List<InstanceProblem> fields = new ArrayList<>(0);

        static Section absent(String field, boolean required) {
            Section section = new Section();
            if (required) {
                section.shape.add(new InstanceProblem("instance", "", field, "is missing: an array is required"));
            }
            return section;
        }
    }

    private void readRoot(JsonParser json) throws IOException {
        for (JsonToken token = json.nextToken(); token == JsonToken.FIELD_NAME; token = json.nextToken()) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            // A field given twice counts with its last value, as in a tree reading.
            switch (field) {
                case "format" -> formatProblem = format(json, value);
                case "programs" -> {
                    builder.clearPrograms();
                    programs = section(json, value, field, true);
                }
                case "applicants" -> {
                    builder.clearApplicants();
                    applicants = section(json, value, field, true);
                }
                case "couples" -> {
                    builder.clearCouples();
                    couples = section(json, value, field, false);
                }
                default -> consume(json);
            }
        }
    }

    private MatchInstance build() {
        List<InstanceProblem> problems = new ArrayList<>();
        if (formatProblem != null) {
            problems.add(formatProblem);
        }
        programs = programs != null ? programs : Section.absent("programs", true);
        applicants = applicants != null ? applicants : Section.absent("applicants", true);
        couples = couples != null ? couples : Section.absent("couples", false);
        for (Section section : List.of(programs, applicants, couples)) {
            problems.addAll(section.shape);
            problems.addAll(section.fields);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInstanceException(problems);
        }
        return builder.build();
    }

    private static InstanceProblem format(JsonParser json, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING && MatchFormat.INSTANCE_FORMAT.equals(json.getText())) {
            return null;
        }
        return new InstanceProblem("instance", "", "format", "must be \"" + MatchFormat.INSTANCE_FORMAT + "\", was " + Tree.read(json));
    }

    private Section section(JsonParser json, JsonToken value, String field, boolean required) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return Section.absent(field, required);
        }
        Section section = new Section();
        if (value != JsonToken.START_ARRAY) {
            consume(json);
            section.shape.add(new InstanceProblem("instance", "", field, "must be an array"));
            return section;
        }
        String kind = field.substring(0, field.length() - 1);
        int i = 0;
        for (JsonToken item = json.nextToken(); item != JsonToken.END_ARRAY; item = json.nextToken(), i++) {
            if (item == JsonToken.START_OBJECT) {
                switch (kind) {
                    case "program" -> program(json, section);
                    case "applicant" -> applicant(json, section);
                    default -> couple(json, section);
                }
            } else {
                consume(json);
                section.shape.add(new InstanceProblem(kind, "", field + "[" + i + "]", "must be an object"));
            }
        }
        return section;
    }

    // ---- items ----------------------------------------------------------------------------------

    private void program(JsonParser json, Section section) throws IOException {
        idSymbol = IdTable.NULL;
        idOther = null;
        JsonToken quotaToken = null;
        int quotaValue = 0;
        JsonNode badQuota = null;
        boolean hasRol = false;
        for (JsonToken token = json.nextToken(); token == JsonToken.FIELD_NAME; token = json.nextToken()) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            switch (field) {
                case "id" -> readId(json, value, programIds);
                case "quota" -> {
                    quotaToken = value;
                    if (value == JsonToken.VALUE_NUMBER_INT && json.getNumberType() == JsonParser.NumberType.INT) {
                        quotaValue = json.getIntValue();
                        badQuota = null;
                    } else {
                        badQuota = Tree.read(json);
                    }
                }
                case "rol" -> {
                    hasRol = true;
                    idList(json, value, applicantIds);
                }
                default -> consume(json);
            }
        }
        List<InstanceProblem> problems = section.fields;
        String programId = text(idSymbol, idOther, programIds, "program", "id", problems, null);
        int quota = quotaValue;
        if (quotaToken == null || badQuota != null) {
            problems.add(new InstanceProblem("program", programId, "quota",
                    quotaToken == null ? "is missing: an integer >= 0 is required" : "must be an integer >= 0, was " + badQuota));
            quota = 0;
        }
        int length = 0;
        if (hasRol && !rolIsNull) {
            addPending(problems, "program", programId, rolProblems);
            length = rolLength;
        }
        builder.programBySymbols(idSymbol, quota, rol, length);
    }

    private void applicant(JsonParser json, Section section) throws IOException {
        idSymbol = IdTable.NULL;
        idOther = null;
        boolean hasRol = false;
        for (JsonToken token = json.nextToken(); token == JsonToken.FIELD_NAME; token = json.nextToken()) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            switch (field) {
                case "id" -> readId(json, value, applicantIds);
                case "rol" -> {
                    hasRol = true;
                    idList(json, value, programIds);
                }
                default -> consume(json);
            }
        }
        List<InstanceProblem> problems = section.fields;
        String applicantId = text(idSymbol, idOther, applicantIds, "applicant", "id", problems, null);
        int symbol = idSymbol;
        if (hasRol && !rolIsNull) {
            addPending(problems, "applicant", applicantId, rolProblems);
            builder.applicantBySymbols(symbol, rol, rolLength);
        } else {
            builder.applicantBySymbols(symbol, null, 0);
        }
    }

    private void couple(JsonParser json, Section section) throws IOException {
        idSymbol = IdTable.NULL;
        idOther = null;
        // first and second are read as the id is, then kept aside.
        int firstSymbol = IdTable.NULL;
        Object firstOther = null;
        int secondSymbol = IdTable.NULL;
        Object secondOther = null;
        boolean hasRol = false;
        int coupleSymbol = IdTable.NULL;
        Object coupleOther = null;
        for (JsonToken token = json.nextToken(); token == JsonToken.FIELD_NAME; token = json.nextToken()) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            switch (field) {
                case "id" -> {
                    readId(json, value, coupleIds);
                    coupleSymbol = idSymbol;
                    coupleOther = idOther;
                }
                case "first" -> {
                    readId(json, value, applicantIds);
                    firstSymbol = idSymbol;
                    firstOther = idOther;
                }
                case "second" -> {
                    readId(json, value, applicantIds);
                    secondSymbol = idSymbol;
                    secondOther = idOther;
                }
                case "rol" -> {
                    hasRol = true;
                    pairList(json, value);
                }
                default -> consume(json);
            }
        }
        List<InstanceProblem> problems = section.fields;
        String coupleId = text(coupleSymbol, coupleOther, coupleIds, "couple", "id", problems, null);
        text(firstSymbol, firstOther, applicantIds, "couple", "first", problems, coupleId);
        text(secondSymbol, secondOther, applicantIds, "couple", "second", problems, coupleId);
        int length = 0;
        if (hasRol) {
            addPending(problems, "couple", coupleId, rolProblems);
            length = rolLength;
        }
        builder.coupleBySymbols(coupleSymbol, firstSymbol, secondSymbol, rol, rolSecond, length);
    }

    // ---- values ---------------------------------------------------------------------------------

    /**
     * A string field as read: a string is interned ({@link #idSymbol}); anything else is kept in
     * {@link #idOther}: {@link MatchJson#JSON_NULL}, or a {@code JsonNode} (any other value). Absent:
     * both unset. A field given twice counts with its last value.
     */
    private void readId(JsonParser json, JsonToken token, IdTable table) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            idSymbol = intern(json, table);
            idOther = null;
        } else {
            idSymbol = IdTable.NULL;
            idOther = token == JsonToken.VALUE_NULL ? JSON_NULL : Tree.read(json);
        }
    }

    private static int intern(JsonParser json, IdTable table) throws IOException {
        return table.intern(json.getTextCharacters(), json.getTextOffset(), json.getTextLength());
    }

    /** A string field; {@code owner} names the item when the field is not its id. */
    private static String text(int symbol, Object other, IdTable table, String kind, String field,
            List<InstanceProblem> problems, String owner) {
        if (symbol != IdTable.NULL) {
            return table.id(symbol);
        }
        if (other instanceof JsonNode node) {
            problems.add(new InstanceProblem(kind, owner != null ? owner : node.toString(), field, "must be a string, was " + node));
        }
        // Missing or null: left to the builder, which reports a missing id or reference in its own words.
        return null;
    }

    /** A list of ids ({@code rol}) into {@link #rol}, its entries' problems into {@link #rolProblems}. */
    private void idList(JsonParser json, JsonToken token, IdTable table) throws IOException {
        rolLength = 0;
        rolIsNull = false;
        rolProblems = new ArrayList<>(0);
        if (token == JsonToken.VALUE_NULL) {
            rolIsNull = true;
            return;
        }
        if (token != JsonToken.START_ARRAY) {
            consume(json);
            rolProblems.add(new Pending("rol", "must be an array of ids"));
            return;
        }
        int i = 0;
        for (JsonToken entry = json.nextToken(); entry != JsonToken.END_ARRAY; entry = json.nextToken(), i++) {
            if (entry == JsonToken.VALUE_STRING) {
                if (rolLength == rol.length) {
                    grow();
                }
                rol[rolLength++] = intern(json, table);
            } else {
                rolProblems.add(new Pending("rol[" + i + "]", "must be an id (string), was " + Tree.read(json)));
            }
        }
    }

    /** A couple's list of pairs into {@link #rol} (first sides) and {@link #rolSecond}. */
    private void pairList(JsonParser json, JsonToken token) throws IOException {
        rolLength = 0;
        rolIsNull = false;
        rolProblems = new ArrayList<>(0);
        if (token == JsonToken.VALUE_NULL) {
            return;
        }
        if (token != JsonToken.START_ARRAY) {
            consume(json);
            rolProblems.add(new Pending("rol", "must be an array of pairs [first, second]"));
            return;
        }
        int i = 0;
        for (JsonToken entry = json.nextToken(); entry != JsonToken.END_ARRAY; entry = json.nextToken(), i++) {
            pair(json, entry, i);
        }
    }

    /** One pair: the usual {@code ["P1", "P2"]} (either side may be null) is read directly, anything else as a tree. */
    private void pair(JsonParser json, JsonToken token, int index) throws IOException {
        JsonNode pair;
        if (token == JsonToken.START_ARRAY) {
            int[] sides = new int[2];
            int size = 0;
            JsonToken side = json.nextToken();
            while (size < 2 && (side == JsonToken.VALUE_STRING || side == JsonToken.VALUE_NULL)) {
                sides[size++] = side == JsonToken.VALUE_STRING ? intern(json, programIds) : IdTable.NULL;
                side = json.nextToken();
            }
            if (size == 2 && side == JsonToken.END_ARRAY) {
                addPair(sides[0], sides[1]);
                return;
            }
            // Not two strings or nulls: rebuild the pair as a tree to report it.
            ArrayNode array = Tree.MAPPER.createArrayNode();
            for (int s = 0; s < size; s++) {
                array.add(sides[s] == IdTable.NULL ? null : programIds.id(sides[s]));
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
            rolProblems.add(new Pending(field,
                    "must be a pair [program for first, program for second] (null for no match), was " + pair));
            return;
        }
        int[] sides = new int[2];
        boolean ok = true;
        for (int side = 0; side < 2; side++) {
            JsonNode program = pair.get(side);
            if (program.isTextual()) {
                sides[side] = programIds.intern(program.asText());
            } else if (program.isNull()) {
                sides[side] = IdTable.NULL;
            } else {
                rolProblems.add(new Pending(field + "[" + side + "]", "must be a program id (string) or null, was " + program));
                ok = false;
            }
        }
        if (ok) {
            addPair(sides[0], sides[1]);
        }
    }

    private void addPair(int first, int second) {
        if (rolLength == rol.length) {
            grow();
        }
        rol[rolLength] = first;
        rolSecond[rolLength++] = second;
    }

    private void grow() {
        rol = Arrays.copyOf(rol, rol.length * 2);
        rolSecond = Arrays.copyOf(rolSecond, rol.length);
    }

    private static void addPending(List<InstanceProblem> problems, String kind, String id, List<Pending> pending) {
        for (Pending problem : pending) {
            problems.add(new InstanceProblem(kind, id, problem.field(), problem.why()));
        }
    }
}
